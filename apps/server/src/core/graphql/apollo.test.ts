import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { UNAVAILABLE_MESSAGE } from '../database/unavailable.js';
import { badInput } from '../errors.js';
import { createLogger } from '../logger.js';
import { formatError } from './apollo.js';

const format = formatError(createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }));

describe('formatError', () => {
  it('passes the errors the API promises through unchanged', () => {
    const error = badInput('input.name', 'must not be empty');
    const formatted = { message: error.message, extensions: error.extensions };
    expect(format(formatted, error)).toBe(formatted);
  });

  it('reduces anything unexpected to a bare INTERNAL_SERVER_ERROR, keeping only the path', () => {
    const leak = new Error('password authentication failed for user "postgres" at 10.0.0.5');
    const formatted = {
      message: leak.message,
      path: ['customers'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at pg.Client'] },
    };
    expect(format(formatted, new GraphQLError(leak.message, { originalError: leak }))).toEqual({
      message: 'Internal server error',
      path: ['customers'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('answers a lost database SERVICE_UNAVAILABLE, without the driver message', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const formatted = {
      message: lost.message,
      path: ['setRelationshipState'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
    expect(format(formatted, new GraphQLError(lost.message, { originalError: lost }))).toEqual({
      message: UNAVAILABLE_MESSAGE,
      path: ['setRelationshipState'],
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
