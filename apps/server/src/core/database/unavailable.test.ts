import { ConnectionException, DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.js';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection (PostgreSQL stopped)', coded('ECONNREFUSED')],
    ['a connection cut (reset)', coded('ECONNRESET')],
    [
      'a fast shutdown ending the session (admin_shutdown)',
      coded('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up or shutting down', coded('57P03', 'the database system is starting up')],
    ['a connection exception (SQLSTATE class 08)', coded('08006')],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['node-postgres giving up connecting', new Error('Connection terminated due to connection timeout')],
    [
      'the pool finding no connection in time',
      Object.assign(new Error('Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    [
      'the next query of a transaction the lost connection ended',
      new DriverException(
        new Error('Transaction query already complete, run with DEBUG=knex:tx for more info'),
      ),
    ],
    ['a refusal on every address tried', new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')])],
    ['MikroORM wrapping the driver error', new ConnectionException(coded('ECONNREFUSED'))],
    [
      'a resolver error wrapping it',
      new GraphQLError('boom', { originalError: new DriverException(coded('57P01')) }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', coded('23505')],
    ['a statement timeout', coded('57014')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['an API error', new GraphQLError('nope', { extensions: { code: 'NOT_FOUND' } })],
    ['no error at all', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
