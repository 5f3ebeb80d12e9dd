import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { type Checksums, changedTables } from './checksum.js';
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
  readonly byCode = new Map<string, number>();
  private readonly started = performance.now();

  count(status: number, codes: string[]) {
    this.requests += 1;
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
      `answers by error code (each error of an answer counted): ${list(this.byCode)}`,
    ].join('\n');
  }
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body?: unknown;
}

type ErrorLike = { extensions?: { code?: unknown } };

async function send(target: FuzzTarget, caller: Caller, request: FuzzRequest): Promise<Answer> {
  const cookie = target.cookies[caller];
  const url = `${target.base}/graphql${request.search !== undefined ? `?${request.search}` : ''}`;
  const response = await fetch(url, {
    method: request.method,
    headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
    body: request.body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  const answer: Answer = {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
  };
  try {
    answer.body = JSON.parse(text);
  } catch {
    // judged below: an answer that does not parse is a failure
  }
  return answer;
}

const errorsOf = (body: unknown): ErrorLike[] =>
  body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)
    ? (body as { errors: ErrorLike[] }).errors
    : [];

/** The promises every answer keeps, whatever was asked. */
function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (!/^application\/(graphql-response\+)?json\b/.test(answer.contentType)) {
    problems.push(`content type "${answer.contentType}" is not JSON`);
  }
  if (answer.body === undefined) problems.push('the body is not JSON');
  else if (!answer.body || typeof answer.body !== 'object' || Array.isArray(answer.body)) {
    problems.push('the body is not a GraphQL response object');
  }
  for (const error of errorsOf(answer.body)) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push('an error has no extensions.code');
    if (code === 'INTERNAL_SERVER_ERROR') problems.push('INTERNAL_SERVER_ERROR');
  }
  return problems;
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

function describe(caller: Caller, request: FuzzRequest, answer: Answer, problems: string[]): string {
  return [
    `problems: ${problems.join('; ')}`,
    `caller: ${caller}; ${request.label}`,
    `request: ${request.method} /graphql${request.search ? `?${shorten(request.search)}` : ''} ${JSON.stringify(request.headers)}`,
    `body: ${request.body === undefined ? '(none)' : shorten(request.body)}`,
    `answer: ${answer.status} ${answer.contentType} ${shorten(answer.text).slice(0, 2000)}`,
  ].join('\n');
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  /** Go on after a failure and report every distinct one at the end (the long run); else stop at the first. */
  keepGoing?: boolean;
}

/** One random request per run: a generated operation (85 %) or a malformed HTTP request, by a random caller. */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions, figures = new Figures()) {
  const failures = new Map<string, string>();
  const property = fc.asyncProperty(fc.gen(), async (g) => {
    const d = new Draw(g);
    const caller = d.pick(CALLERS);
    const operation = drawOperation(d, target.schema, target.pools);
    const request = d.chance(0.15) ? drawMalformed(d, operation) : postOf(operation);
    const before = request.mutation ? await target.checksum() : null;
    const answer = await send(target, caller, request);
    const problems = problemsOf(answer);
    figures.count(
      answer.status,
      errorsOf(answer.body).map((error) => String(error.extensions?.code ?? '(no code)')),
    );
    if (before && request.mutation && refused(answer, request.mutation.roots)) {
      const changed = changedTables(before, await target.checksum());
      if (changed.length > 0) problems.push(`a refused write changed ${changed.join(', ')}`);
    }
    target.pools.harvest(answer.body);
    if (problems.length === 0) return;
    const report = describe(caller, request, answer, problems);
    if (!options.keepGoing) throw new Error(report);
    const key = `${problems.join('; ')} ← ${request.label}`;
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
