// Baseline (b) of `pnpm bench`: PostGraphile 4 over the bench database, serving /graphql on PORT (loopback),
// compiling each GraphQL request into one SQL statement. Started and stopped by the bench
// (apps/server/bench/http/run.ts), which also creates the `postgraphile_bench` schema it exposes beside `public`.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';

const { DATABASE_URL, PORT } = process.env;
if (!DATABASE_URL || !PORT) throw new Error('DATABASE_URL and PORT are required');

const middleware = postgraphile(DATABASE_URL, ['public', 'postgraphile_bench'], {
  graphqlRoute: '/graphql',
  disableQueryLog: true,
  // The product's GraphQL is not subject to RBAC either: the bench database has one superuser.
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
  dynamicJson: true,
  enableQueryBatching: false,
  retryOnInitFail: false,
  // As in production: no GraphiQL, no schema watching.
  graphiql: false,
  watchPg: false,
});

const server = createServer(middleware);
server.listen(Number(PORT), '127.0.0.1', () => console.log(`postgraphile listening on ${PORT}`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
