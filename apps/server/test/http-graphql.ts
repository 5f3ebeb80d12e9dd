import type { GraphQLFormattedError } from 'graphql';
import { failOnInternalError, type InternalErrorExpectation } from './internal-errors.js';

export interface HttpGraphQLOptions extends InternalErrorExpectation {
  headers?: Record<string, string>;
}

export interface HttpGraphQLAnswer<T> {
  response: Response;
  body: { data?: T | null; errors?: GraphQLFormattedError[] };
}

/**
 * POSTs operations to a running Dossier at `base` as a client would. Every answer must be JSON; an
 * INTERNAL_SERVER_ERROR or a 5xx fails the test unless it says it expects one.
 */
export function httpGraphQL(base: string) {
  return async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    { headers = {}, ...expectation }: HttpGraphQLOptions = {},
  ): Promise<HttpGraphQLAnswer<T>> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: HttpGraphQLAnswer<T>['body'];
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(
        `/graphql answered ${response.status} with something other than JSON: ${text.slice(0, 200)}`,
      );
    }
    if (response.status >= 500 && !expectation.expectInternalError) {
      throw new Error(`/graphql answered ${response.status}: ${text.slice(0, 500)}`);
    }
    failOnInternalError(body.errors, expectation);
    return { response, body };
  };
}
