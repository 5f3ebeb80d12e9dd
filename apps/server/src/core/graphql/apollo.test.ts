import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
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
});
