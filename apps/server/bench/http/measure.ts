import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Kind, Scenario } from './scenarios.js';
import type { RunningServer } from './servers.js';
import type { statementCounter } from './statements.js';

/** One scenario on one server, as printed and written to bench/results. */
export interface Measurement {
  scenario: number;
  name: string;
  server: Kind;
  connections: number;
  /** Which of the run's rounds (1…); the rounds of one scenario run each server in turn. */
  round: number;
  /** How long the timed run lasted, in seconds: the server's memory (rssMb) is read at its end. */
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  /** Transport errors, timeouts, non-2xx answers and GraphQL `errors` in a 2xx answer. */
  errors: number;
  /** Of the errors, requests unanswered after autocannon's 10 s. */
  timeouts: number;
  firstError?: string;
  /** The machine's one-minute load average at the end: on a shared machine, read each figure with it. */
  load: number;
  /** Counted by PostgreSQL over COUNTED_REQUESTS requests sent one at a time before the timed run. */
  statementsPerRequest: number;
  /** The server's resident memory at the end of the timed run. */
  rssMb: number;
  /**
   * The server process's CPU time per answered request during the timed run, in ms: what a change to the
   * server costs or saves, and far steadier than req/s on a shared machine (waiting for a core is not
   * counted). PostgreSQL's share is not in it.
   */
  cpuMsPerRequest: number;
}

/** One untimed POST to the server as the signed-in manager: its status and body. */
export async function post(server: RunningServer, token: string, body: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Sends one request of the scenario, untimed, and lets it learn from the answer as a timed one does. */
async function send(scenario: Scenario, kind: Kind, server: RunningServer, token: string) {
  const call = scenario.next(kind);
  const { status, text } = await post(server, token, call.body);
  call.answered?.(status, text);
}

/** Untimed requests before a run: a fresh process compiles and fills its caches on the first ones. */
export const WARM_UP_REQUESTS = 2;
/** Requests sent one after another to count the statements of one request exactly, before the timed run. */
export const COUNTED_REQUESTS = 5;

/**
 * Runs the scenario against the server: once the database is quiet (the previous run's requests in flight
 * answered), a warm-up, then COUNTED_REQUESTS requests one at a time whose
 * statements PostgreSQL counts (under load, requests in flight at either end would blur the count), then
 * autocannon for `duration` seconds (loopback, keep-alive); the server's memory is read at the end.
 */
export async function measure(
  scenario: Scenario,
  kind: Kind,
  server: RunningServer,
  token: string,
  duration: number,
  statements: Awaited<ReturnType<typeof statementCounter>>,
  round = 1,
): Promise<Measurement> {
  await statements.settle();
  for (let n = 0; n < WARM_UP_REQUESTS; n += 1) await send(scenario, kind, server, token);
  const before = await statements.count();
  for (let n = 0; n < COUNTED_REQUESTS; n += 1) await send(scenario, kind, server, token);
  const statementsPerRequest = ((await statements.count()) - before) / COUNTED_REQUESTS;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const cpuBefore = await server.cpuSeconds();
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
  const cpu = (await server.cpuSeconds()) - cpuBefore;
  const requests = result.requests.total;
  return {
    scenario: scenario.key,
    name: scenario.name,
    server: kind,
    connections: scenario.connections,
    round,
    seconds: result.duration,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    errors: result.errors + result.non2xx + graphqlErrors,
    timeouts: result.timeouts,
    firstError,
    statementsPerRequest,
    rssMb: await server.rssMb(),
    cpuMsPerRequest: requests > 0 ? (cpu * 1000) / requests : Number.NaN,
    load: loadavg()[0] ?? 0,
  };
}

export const PAGE_SIZES = [10, 50, 200];

/**
 * Statements a server runs for the dossier list at each of PAGE_SIZES, one request each after a warm-up
 * (`listBody(first)` is the request): batching keeps them constant, whatever the page size (issue 11's first
 * goal).
 */
export async function statementsByPageSize(
  server: RunningServer,
  token: string,
  listBody: (first: number) => string,
  statements: Awaited<ReturnType<typeof statementCounter>>,
): Promise<Array<number | string>> {
  const counts: Array<number | string> = [];
  for (const first of PAGE_SIZES) {
    await post(server, token, listBody(first));
    // The fewest of a few requests: a background job's statements (the ABC ranking's 15 s check) may fall
    // into one of them, and the count is the request's own.
    const tries: Array<number | string> = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await statements.settle();
      const before = await statements.count();
      const { status, text } = await post(server, token, listBody(first));
      const answer = JSON.parse(text || '{}') as { errors?: Array<{ extensions?: { code?: string } }> };
      const refused = answer.errors ? (answer.errors[0]?.extensions?.code ?? `status ${status}`) : undefined;
      tries.push(refused ? `refused (${refused})` : (await statements.count()) - before);
    }
    const refusal = tries.find((t) => typeof t === 'string');
    counts.push(refusal ?? Math.min(...(tries as number[])));
  }
  return counts;
}
