import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { DossierMetrics } from './metrics.js';
import { ANONYMOUS, UNRESOLVED } from './operation-labels.js';

/**
 * Times every GraphQL operation by its name, counts the errors of its response by code, and logs one taking
 * longer than `slowMs` (DOSSIER_SLOW_OPERATION_MS) with its name and duration; the request's logger adds the
 * request id. Per request: two clock reads, one label lookup, and a loop over the errors when there are any.
 * A request refused while its context is built (RATE_LIMITED) never starts an operation: its code is counted
 * all the same.
 */
export function operationMetrics(metrics: DossierMetrics, slowMs: number): ApolloServerPlugin<Context> {
  const countCode = (code: unknown) => metrics.countError(typeof code === 'string' ? code : 'NONE');
  return {
    async contextCreationDidFail({ error }) {
      countCode(error instanceof GraphQLError ? error.extensions.code : 'INTERNAL_SERVER_ERROR');
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, contextValue, response }) {
          const ms = performance.now() - started;
          metrics.observeOperation(operation ? (operationName ?? ANONYMOUS) : UNRESOLVED, ms / 1000);
          if (response.body.kind === 'single' && response.body.singleResult.errors) {
            for (const error of response.body.singleResult.errors) countCode(error.extensions?.code);
          }
          if (ms > slowMs) {
            contextValue.log.warn({ operationName, ms: Math.round(ms) }, 'slow GraphQL operation');
          }
        },
      };
    },
  };
}
