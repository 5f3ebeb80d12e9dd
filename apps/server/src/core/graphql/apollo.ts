import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { profileReadAudit } from '../access/profile-reads.js';
import type { Context } from '../context.js';
import { isStatementTimeout } from '../database/orm.js';
import {
  isDatabaseUnavailable,
  SERVICE_UNAVAILABLE,
  UNAVAILABLE_MESSAGE,
  unavailableHttp,
} from '../database/unavailable.js';
import { RATE_LIMITED } from '../http/rate-limit.js';
import type { Logger } from '../logger.js';
import { authGate } from './auth-gate.js';
import { compiledExecution } from './compiled-execution.js';
import { limitsGate, QUERY_TOO_COMPLEX } from './limits-gate.js';
import { textGate } from './text-gate.js';

const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'VERSION_CONFLICT',
  'TOO_MANY_ATTEMPTS',
  'LINK_EXPIRED',
  'LINK_USED',
  'LINK_REVOKED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  QUERY_TOO_COMPLEX,
  RATE_LIMITED,
  SERVICE_UNAVAILABLE,
]);

/**
 * Errors the API did not mean to raise are logged in full and reach the client as a bare
 * INTERNAL_SERVER_ERROR: no message, path or stack that would leak internals.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && EXPECTED_CODES.has(code)) return formatted;
    const cause = unwrapResolverError(error);
    // Not a fault: the operation asked more of the database than a request may; its transaction rolled back.
    if (isStatementTimeout(cause)) {
      log.warn({ err: cause, path: formatted.path }, 'statement cancelled by statement_timeout');
      return {
        message: 'The database took longer than a request may (DOSSIER_STATEMENT_TIMEOUT_MS) and was stopped',
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'TIMEOUT' },
      };
    }
    // Not a fault of the operation either: PostgreSQL is away (stopped, restarting, unreachable).
    if (isDatabaseUnavailable(cause)) {
      log.warn({ err: cause, path: formatted.path }, 'database unavailable');
      return {
        message: UNAVAILABLE_MESSAGE,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: SERVICE_UNAVAILABLE },
      };
    }
    log.error({ err: cause, path: formatted.path }, 'unexpected GraphQL error');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * A resolver's error keeps its GraphQL status (200) unless it says otherwise: an operation that met an
 * unreachable database is answered 503 with Retry-After, so that balancers and clients see it as such.
 */
function unavailableStatus(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (!errors.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) return;
          const { status, headers } = unavailableHttp();
          response.http.status = status;
          for (const [name, value] of headers) response.http.headers.set(name, value);
        },
      };
    },
  };
}

/**
 * Every answer is the signed-in caller's own data: no cache may keep it, a GET query's answer included. Apollo's
 * cache-control plugin said so (`no-store`, as no field carries a cache hint) by wrapping every field
 * resolver of every request to collect hints we never give; one header per response says the same.
 */
function responsesNotStored(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/**
 * `maxTokens`: the parser stops a document longer than this (DOSSIER_MAX_TOKENS), before validating it.
 * `observers`: plugins that watch every request (the metrics), first so that their clock starts first.
 */
export function createApolloServer(
  schema: GraphQLSchema,
  log: Logger,
  maxTokens: number,
  observers: ApolloServerPlugin<Context>[] = [],
): ApolloServer<Context> {
  return new ApolloServer<Context>({
    // The schema, executed by compiled queries (compiled-execution.ts).
    gateway: compiledExecution(schema),
    csrfPrevention: true,
    // The server's own shutdown (main.ts) stops Apollo once in-flight requests have finished.
    stopOnTerminationSignals: false,
    // Signed-in callers only: the auth gate refuses `__schema` and `__type` to anonymous ones.
    introspection: true,
    parseOptions: { maxTokens },
    includeStacktraceInErrorResponses: false,
    formatError: formatError(log),
    // Parsed and validated documents are kept by Apollo's default documentStore (an LRU of 30 MiB keyed by
    // the document's hash), so the gates below receive the same DocumentNode for a repeated document.
    plugins: [
      ...observers,
      authGate(),
      limitsGate(),
      textGate(),
      profileReadAudit(),
      // Apollo's landing page loads its explorer from the internet; browsers are sent to the bundled
      // GraphiQL instead (`graphiqlForBrowsers`).
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      responsesNotStored(),
      unavailableStatus(),
      // Neither is wanted (no Apollo GraphOS; not a federated subgraph), and off means nothing per request.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
}
