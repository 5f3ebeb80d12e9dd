import autocannon from 'autocannon';
import { DOSSIER_LIST } from './documents.js';
import type { Kind, Scenario } from './scenarios.js';
import type { RunningServer } from './servers.js';
import type { statementCounter } from './statements.js';

/** One scenario on one server, as printed and written to bench/results. */
export interface Measurement {
  scenario: number;
  name: string;
  server: Kind;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL `errors` in a 2xx answer. */
  errors: number;
  firstError?: string;
  statementsPerRequest: number;
  rssMb: number;
}

/** Sends one request of the scenario and answers its body (warm-ups and checks, not timed). */
export async function send(scenario: Scenario, kind: Kind, server: RunningServer, token: string) {
  const call = scenario.next(kind);
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: call.body,
  });
  const text = await response.text();
  call.answered?.(response.status, text);
  return text;
}

export const WARM_UP_REQUESTS = 5;

/**
 * Runs the scenario against the server with autocannon, after a few untimed requests (a fresh process
 * compiles and fills its caches on the first ones), for `duration` seconds (loopback, keep-alive), the
 * statements counted by PostgreSQL across the run, the server's memory read at its end.
 */
export async function measure(
  scenario: Scenario,
  kind: Kind,
  server: RunningServer,
  token: string,
  duration: number,
  statements: Awaited<ReturnType<typeof statementCounter>>,
): Promise<Measurement> {
  for (let n = 0; n < WARM_UP_REQUESTS; n += 1) await send(scenario, kind, server, token);
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const before = await statements.count();
  const result = await autocannon({
    url: server.url,
    connections: scenario.connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        setupRequest: (request, context) => {
          const call = scenario.next(kind);
          Object.assign(context, { call });
          return { ...request, body: call.body };
        },
        onResponse: (status, body, context) => {
          const { call } = context as { call?: ReturnType<Scenario['next']> };
          if (status < 300 && body.includes('"errors"')) graphqlErrors += 1;
          if ((status >= 300 || body.includes('"errors"')) && !firstError) firstError = body.slice(0, 300);
          call?.answered?.(status, body);
        },
      },
    ],
  });
  const after = await statements.count();
  const requests = result.requests.total;
  return {
    scenario: scenario.key,
    name: scenario.name,
    server: kind,
    connections: scenario.connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.non2xx + graphqlErrors,
    firstError,
    statementsPerRequest: requests > 0 ? (after - before) / requests : Number.NaN,
    rssMb: await server.rssMb(),
  };
}

export const PAGE_SIZES = [10, 50, 200];

/**
 * Statements our server runs for the dossier list at each of PAGE_SIZES, one request each after a warm-up:
 * batching keeps them constant, whatever the page size (issue 11's first goal).
 */
export async function statementsByPageSize(
  server: RunningServer,
  token: string,
  statements: Awaited<ReturnType<typeof statementCounter>>,
): Promise<Array<number | string>> {
  const list = (first: number) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: DOSSIER_LIST, variables: { first }, operationName: 'DossierList' }),
    }).then((response) => response.text());
  const counts: Array<number | string> = [];
  for (const first of PAGE_SIZES) {
    await list(first);
    const before = await statements.count();
    const answer = JSON.parse(await list(first)) as { errors?: Array<{ extensions?: { code?: string } }> };
    const refused = answer.errors?.[0]?.extensions?.code;
    counts.push(refused ? `refused (${refused})` : (await statements.count()) - before);
  }
  return counts;
}
