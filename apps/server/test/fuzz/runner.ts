import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import {
  type Answer,
  type ErrorLike,
  errorsOf,
  fetchAnswer,
  graphqlProblems,
  routeProblems,
  sendDeclared,
} from './answers.js';
import { type Checksums, changedTables } from './checksum.js';
import { drawRouteRequest, type RouteRequest } from './document-routes.js';
import { Draw } from './draw.js';
import { drawOperation } from './operations.js';
import { drawMalformed, type FuzzRequest, postOf } from './requests.js';
import type { Pools } from './values.js';

export const CALLERS = ['rep', 'analyst', 'anonymous'] as const;
export type Caller = (typeof CALLERS)[number];

export interface FuzzTarget {
  base: string;
  schema: GraphQLSchema;
  pools: Pools;
  /** The session cookie of each caller; null for anonymous. */
  cookies: Record<Caller, string | null>;
  checksum(): Promise<Checksums>;
}

/** What a run sent and got back, for the report. */
export class Figures {
  requests = 0;
  readonly byStatus = new Map<number, number>();
  /** Per endpoint: "POST /graphql", "POST /documents", "GET /documents/:id/content" and their statuses. */
  readonly byRoute = new Map<string, number>();
  readonly byCode = new Map<string, number>();
  private readonly started = performance.now();

  count(route: string, status: number, codes: string[]) {
    this.requests += 1;
    const key = `${route} ${status}`;
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    for (const code of codes.length > 0 ? codes : ['(no error)']) {
      this.byCode.set(code, (this.byCode.get(code) ?? 0) + 1);
    }
  }

  toString(): string {
    const list = (map: Map<string | number, number>) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([key, n]) => `${key}: ${n}`)
        .join(', ');
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    return [
      `requests sent: ${this.requests} in ${seconds} s`,
      `answers by HTTP status: ${list(this.byStatus)}`,
      `answers by endpoint and status: ${list(this.byRoute)}`,
      `answers by error code (each error of an answer counted): ${list(this.byCode)}`,
    ].join('\n');
  }
}

async function send(target: FuzzTarget, caller: Caller, request: FuzzRequest): Promise<Answer> {
  const cookie = target.cookies[caller];
  const url = `${target.base}/graphql${request.search !== undefined ? `?${request.search}` : ''}`;
  return fetchAnswer(url, {
    method: request.method,
    headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
    body: request.body,
  });
}

/** A document route request, as the caller (or with the forged credentials it carries instead). */
async function sendRoute(
  target: FuzzTarget,
  caller: Caller,
  request: RouteRequest & { forgedAuth: boolean },
): Promise<Answer> {
  const cookie = request.forgedAuth ? null : target.cookies[caller];
  const routed = { ...request, headers: { ...request.headers, ...(cookie ? { cookie } : {}) } };
  const url = `${target.base}${request.path}`;
  const body = typeof request.body === 'function' ? request.body() : request.body;
  if (request.declaredLength !== undefined && body instanceof Buffer) {
    return sendDeclared(url, routed, body, request.declaredLength);
  }
  return fetchAnswer(url, {
    method: request.method,
    headers: routed.headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
}

/**
 * A write is refused when the request failed before execution (an error without a path, or no GraphQL
 * answer at all) or when every root field's own resolver failed (an error at path [root]). Not when only a
 * nested field failed: the root's write happened, and null propagation may still leave `data` null.
 */
function refused(answer: Answer, roots: string[]): boolean {
  const errors = errorsOf(answer.body) as Array<ErrorLike & { path?: unknown[] }>;
  if (errors.length === 0) return answer.status >= 400;
  if (errors.some((error) => !error.path)) return true;
  const failedRoots = new Set(
    errors.filter((error) => error.path?.length === 1).map((error) => error.path?.[0]),
  );
  return roots.every((root) => failedRoots.has(root));
}

/** Long runs of one character or pair (20,000-character strings) shortened, so a report stays readable. */
const shorten = (text: string) =>
  text.replace(/(.{1,2}?)\1{40,}/gsu, (run, unit: string) => `${unit}…(${run.length} code units)…`);

/** One drawn request: how to send it and judge its answer, and how a failure report shows it. */
interface Drawn {
  label: string;
  /** The endpoint, for the figures. */
  route: string;
  /** The request as a reader of a failure report needs it. */
  shown: string[];
  /** It may write: then a refused one must leave every table as it was. */
  writes: boolean;
  send(): Promise<Answer>;
  problems(answer: Answer): string[];
  refused(answer: Answer): boolean;
}

function drawGraphql(d: Draw, target: FuzzTarget, caller: Caller): Drawn {
  const operation = drawOperation(d, target.schema, target.pools);
  const request = d.chance(0.15) ? drawMalformed(d, operation) : postOf(operation);
  const roots = request.mutation?.roots ?? [];
  return {
    label: request.label,
    route: `${request.method} /graphql`,
    shown: [
      `request: ${request.method} /graphql${request.search ? `?${shorten(request.search)}` : ''} ${JSON.stringify(request.headers)}`,
      `body: ${request.body === undefined ? '(none)' : shorten(request.body)}`,
    ],
    writes: request.mutation !== undefined,
    send: () => send(target, caller, request),
    problems: graphqlProblems,
    refused: (answer) => refused(answer, roots),
  };
}

/**
 * A document route request. An upload writes when it answers 201; serving content writes only the audit
 * log, which the checksum leaves out, so every content request must leave the tables as they were.
 */
function drawRoute(d: Draw, target: FuzzTarget, caller: Caller): Drawn {
  const request = drawRouteRequest(d, target.pools);
  const body = request.body instanceof Buffer ? shorten(request.body.toString('latin1')) : '(26 MB stream)';
  return {
    label: request.label,
    route: request.upload ? 'POST /documents' : 'GET /documents/:id/content',
    shown: [
      `request: ${request.method} ${request.path} ${JSON.stringify(request.headers)}${request.declaredLength === undefined ? '' : ` declared length ${request.declaredLength}`}`,
      `body: ${request.body === undefined ? '(none)' : body.slice(0, 4000)}`,
    ],
    writes: true,
    send: () => sendRoute(target, caller, request),
    problems: (answer) => routeProblems(request, answer),
    refused: (answer) => !request.upload || answer.status !== 201,
  };
}

function describe(caller: Caller, drawn: Drawn, answer: Answer, problems: string[]): string {
  return [
    `problems: ${problems.join('; ')}`,
    `caller: ${caller}; ${drawn.label}`,
    ...drawn.shown,
    `answer: ${answer.status} ${answer.contentType} ${shorten(answer.text).slice(0, 2000)}`,
  ].join('\n');
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Go on after a failure and report every distinct one at the end (the long run); else stop at the first. */
  keepGoing?: boolean;
}

/**
 * One random request per run, by a random caller: a generated operation (85 % of the GraphQL requests) or
 * a malformed GraphQL request, or (one run in ten) a request to the document routes.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions, figures = new Figures()) {
  const failures = new Map<string, string>();
  const property = fc.asyncProperty(fc.gen(), async (g) => {
    const d = new Draw(g);
    const caller = d.pick(CALLERS);
    const drawn = d.chance(0.1) ? drawRoute(d, target, caller) : drawGraphql(d, target, caller);
    const before = drawn.writes ? await target.checksum() : null;
    const answer = await drawn.send().catch((error: unknown) => {
      const cause =
        error instanceof Error ? `${error.message} (${String(error.cause ?? 'no cause')})` : error;
      throw new Error(`no answer: ${cause}\ncaller: ${caller}; ${drawn.label}\n${drawn.shown.join('\n')}`);
    });
    const problems = drawn.problems(answer);
    figures.count(
      drawn.route,
      answer.status,
      errorsOf(answer.body).map((error) => String(error.extensions?.code ?? '(no code)')),
    );
    if (before && drawn.refused(answer)) {
      const changed = changedTables(before, await target.checksum());
      if (changed.length > 0) problems.push(`a refused write changed ${changed.join(', ')}`);
    }
    target.pools.harvest(answer.body);
    if (problems.length === 0) return;
    const report = describe(caller, drawn, answer, problems);
    if (!options.keepGoing) throw new Error(report);
    const key = `${problems.join('; ')} ← ${drawn.label}`;
    if (!failures.has(key)) failures.set(key, report);
  });
  const details = await fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: true });
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `fuzz failed at request ${details.numRuns} of seed ${details.seed} (replay: pnpm fuzz --seed ${details.seed} --runs ${details.numRuns})\n${cause}`,
    );
  }
  if (failures.size > 0) {
    throw new Error(
      `fuzz (seed ${options.seed}) found ${failures.size} distinct failures:\n\n${[...failures.values()].join('\n\n')}`,
    );
  }
  return figures;
}
