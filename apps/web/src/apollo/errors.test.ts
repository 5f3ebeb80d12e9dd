import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { conflictVersion, type ErrorCode, errorCode } from './errors';

const graphQLErrors = (...codes: string[]) =>
  new CombinedGraphQLErrors({ errors: codes.map((code) => ({ message: code, extensions: { code } })) });

const serverError = (status: number, bodyText: string) =>
  new ServerError('not ok', { response: new Response(bodyText, { status }), bodyText });

describe('errorCode', () => {
  const cases: Array<[string, unknown, ErrorCode]> = [
    ['BAD_USER_INPUT', graphQLErrors('BAD_USER_INPUT'), 'BAD_USER_INPUT'],
    ['UNAUTHENTICATED', graphQLErrors('UNAUTHENTICATED'), 'UNAUTHENTICATED'],
    ['FORBIDDEN', graphQLErrors('FORBIDDEN'), 'FORBIDDEN'],
    ['NOT_FOUND', graphQLErrors('NOT_FOUND'), 'NOT_FOUND'],
    ['VERSION_CONFLICT', graphQLErrors('VERSION_CONFLICT'), 'VERSION_CONFLICT'],
    ['an unknown code', graphQLErrors('INTERNAL_SERVER_ERROR'), 'UNKNOWN'],
    ['no code at all', new CombinedGraphQLErrors({ errors: [{ message: 'boom' }] }), 'UNKNOWN'],
    ['the weightier of two codes', graphQLErrors('BAD_USER_INPUT', 'FORBIDDEN'), 'FORBIDDEN'],
    [
      'a 400 whose JSON body carries the code',
      serverError(
        400,
        JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] }),
      ),
      'BAD_USER_INPUT',
    ],
    ...(
      [
        ['RATE_LIMITED', 429],
        ['QUERY_TOO_COMPLEX', 400],
        ['TIMEOUT', 503],
      ] as const
    ).map(([code, status]): [string, unknown, ErrorCode] => [
      `a ${status} refusal by the API's limits (${code})`,
      serverError(status, JSON.stringify({ errors: [{ message: 'x', extensions: { code } }] })),
      code,
    ]),
    ['a proxy 502 while the API is down', serverError(502, 'Bad Gateway'), 'UNREACHABLE'],
    ['a 404 without a GraphQL body', serverError(404, 'Not Found'), 'UNKNOWN'],
    [
      'HTML where JSON was expected',
      new ServerParseError(new SyntaxError('Unexpected token <'), {
        response: new Response('<!doctype html>', { status: 200 }),
        bodyText: '<!doctype html>',
      }),
      'UNREACHABLE',
    ],
    ['a failed fetch', new TypeError('Failed to fetch'), 'UNREACHABLE'],
    ['anything else', new Error('odd'), 'UNKNOWN'],
  ];

  it.each(cases)('maps %s', (_name, error, expected) => {
    expect(errorCode(error)).toBe(expected);
  });
});

describe('conflictVersion', () => {
  const conflict = (extensions: Record<string, unknown>) =>
    new CombinedGraphQLErrors({ errors: [{ message: 'changed', extensions }] });

  it.each([
    ['the version saved now', conflict({ code: 'VERSION_CONFLICT', currentVersion: 8 }), 8],
    ['a conflict that does not say', conflict({ code: 'VERSION_CONFLICT' }), null],
    ['another error', conflict({ code: 'BAD_USER_INPUT', currentVersion: 8 }), null],
    ['a failed fetch', new TypeError('Failed to fetch'), null],
  ])('reads %s', (_, error, expected) => {
    expect(conflictVersion(error)).toBe(expected);
  });
});
