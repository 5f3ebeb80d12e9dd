import { describe, expect, it } from 'vitest';
import { idOf, parseGlobalId, toGlobalId } from './global-id.js';

const uuid = '0b8e6a52-5f0c-4e43-9a43-0d1f3c6b2a10';

describe('global ids', () => {
  it('round-trips type and uuid', () => {
    expect(parseGlobalId(toGlobalId('Customer', uuid))).toEqual({ type: 'Customer', id: uuid });
  });

  it.each([
    '',
    'not-base64!',
    toGlobalId('Customer', 'x'),
    Buffer.from(`Customer:${uuid}:1`).toString('base64url'),
  ])('rejects %j', (bad) => {
    expect(parseGlobalId(bad)).toBeNull();
  });

  it('names the field when the id is of another type', () => {
    expect(() => idOf(toGlobalId('Staff', uuid), 'Customer', 'customerId')).toThrowError(
      expect.objectContaining({
        message: 'customerId is not a Customer id',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'customerId' }),
      }),
    );
  });
});
