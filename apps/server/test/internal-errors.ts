import type { GraphQLFormattedError } from 'graphql';

export interface InternalErrorExpectation {
  /**
   * Set only by a test that provokes a server fault on purpose. Otherwise an INTERNAL_SERVER_ERROR fails the
   * test even when it asserted nothing about errors: it is a 500 to the user, whatever the HTTP status says.
   */
  expectInternalError?: boolean;
}

/** Throws (failing the calling test) when `errors` holds an INTERNAL_SERVER_ERROR the test did not expect. */
export function failOnInternalError(
  errors: readonly GraphQLFormattedError[] | undefined,
  { expectInternalError = false }: InternalErrorExpectation,
  serverLog: readonly string[] = [],
): void {
  if (expectInternalError) return;
  const internal = errors?.filter((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [];
  if (internal.length === 0) return;
  const where = internal.map((error) => error.path?.join('.') ?? '(request)').join(', ');
  const logged = serverLog.length > 0 ? `\nThe server logged:\n${serverLog.join('\n')}` : '';
  throw new Error(
    `Unexpected INTERNAL_SERVER_ERROR at ${where}; pass { expectInternalError: true } if the test means it.${logged}`,
  );
}
