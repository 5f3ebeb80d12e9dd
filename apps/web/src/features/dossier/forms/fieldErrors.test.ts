import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from './fieldErrors';

const errors = (...list: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  new CombinedGraphQLErrors({ errors: list });

describe('fieldErrors', () => {
  const cases: Array<[string, unknown, Record<string, string>]> = [
    [
      'an input field, without its "input." prefix',
      errors({
        message: 'input.amount must be greater than 0',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.amount' },
      }),
      { amount: 'input.amount must be greater than 0' },
    ],
    [
      'a top-level argument as named',
      errors({ message: 'to must not be before from', extensions: { code: 'BAD_USER_INPUT', field: 'to' } }),
      { to: 'to must not be before from' },
    ],
    [
      'two fields at once',
      errors(
        { message: 'a', extensions: { code: 'BAD_USER_INPUT', field: 'input.reportedAt' } },
        { message: 'b', extensions: { code: 'BAD_USER_INPUT', field: 'input.validUntil' } },
      ),
      { reportedAt: 'a', validUntil: 'b' },
    ],
    [
      'bad input no field is blamed for',
      errors({ message: 'clash', extensions: { code: 'BAD_USER_INPUT' } }),
      {},
    ],
    [
      'another code naming a field',
      errors({ message: 'gone', extensions: { code: 'NOT_FOUND', field: 'input.orderId' } }),
      {},
    ],
    ['a network failure', new TypeError('Failed to fetch'), {}],
    ['no error', null, {}],
  ];

  it.each(cases)('keys %s', (_name, error, expected) => {
    expect(fieldErrors(error)).toEqual(expected);
  });
});
