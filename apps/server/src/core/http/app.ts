import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import { documentRoutes } from '../../modules/document/document.routes.js';
import { monthlyReportRoutes } from '../../modules/monthly-report/monthly-report.routes.js';
import type { Clock } from '../clock/clock.js';
import type { Env } from '../env.js';
import { createApolloServer } from '../graphql/apollo.js';
import type { Logger } from '../logger.js';
import { DossierMetrics } from '../metrics/metrics.js';
import { metricsRoute } from '../metrics/metrics-route.js';
import { operationMetrics } from '../metrics/operation-metrics.js';
import { requestDeadline } from './deadline.js';
import { graphiqlForBrowsers } from './graphiql-redirect.js';
import { graphqlContext } from './graphql-context.js';
import { healthRoutes, type Readiness } from './health.js';
import { graphqlRequestGuard, jsonErrors } from './json-errors.js';
import { postgresRateLimit } from './rate-limit.js';
import { requestLogging } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { defaultWebDist, webApp } from './web-app.js';

export interface DossierApp {
  app: Express;
  /** Stops Apollo (drains in-flight operations); the caller closes the HTTP server and the ORM. */
  stop(): Promise<void>;
  /** Readiness turns 503 from now on: a graceful shutdown began. */
  drain(): void;
  /** What /readyz shows when ready (Readiness.details). */
  showWhenReady(details: () => Promise<Record<string, unknown>>): void;
}

/**
 * One process serves the GraphQL API, the health probes, the metrics and the built web app. `metrics`: the
 * process's, shared with its background jobs; an app of its own otherwise.
 */
export async function createApp(
  orm: MikroORM,
  schema: GraphQLSchema,
  env: Env,
  log: Logger,
  clock: Clock,
  metrics = new DossierMetrics(orm, log),
): Promise<DossierApp> {
  const apollo = createApolloServer(schema, log, env.DOSSIER_MAX_TOKENS, [
    operationMetrics(metrics, env.DOSSIER_SLOW_OPERATION_MS),
  ]);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.DOSSIER_TRUST_PROXY);
  app.use(requestLogging(log));
  app.use(securityHeaders(env.DOSSIER_PUBLIC_URL));
  const readiness: Readiness = { draining: false };
  app.use(healthRoutes(orm, readiness, env.DOSSIER_DB_CONNECT_TIMEOUT_MS));
  app.use(metricsRoute(metrics, env.DOSSIER_METRICS_TOKEN));
  const contextOf = graphqlContext(orm, env, clock, postgresRateLimit(orm, env, log));
  // No request deadline here: sending 25 MB over a slow connection legitimately takes a while.
  app.use(documentRoutes((req, res) => contextOf({ req, res })));
  app.use(monthlyReportRoutes((req, res) => contextOf({ req, res })));
  app.use(
    '/graphql',
    graphiqlForBrowsers(),
    requestDeadline(env.DOSSIER_REQUEST_TIMEOUT_MS),
    graphqlRequestGuard(),
    express.json({ limit: env.DOSSIER_MAX_BODY_BYTES }),
    expressMiddleware(apollo, { context: contextOf }),
  );
  app.use(webApp(env.DOSSIER_WEB_DIST ?? defaultWebDist));
  app.use(jsonErrors());
  return {
    app,
    stop: () => apollo.stop(),
    drain: () => {
      readiness.draining = true;
    },
    showWhenReady: (details) => {
      readiness.details = details;
    },
  };
}
