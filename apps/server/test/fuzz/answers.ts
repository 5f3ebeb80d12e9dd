import { request as httpRequest } from 'node:http';
import { parseGlobalId } from '../../src/core/graphql/global-id.js';
import type { RouteRequest } from './document-routes.js';

/** An HTTP answer as received: its body parsed when it is JSON. */
export interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  text: string;
  body?: unknown;
}

export type ErrorLike = { extensions?: { code?: unknown } };

export function answerOf(status: number, headers: Headers, text: string): Answer {
  const answer: Answer = { status, contentType: headers.get('content-type') ?? '', headers, text };
  try {
    answer.body = JSON.parse(text);
  } catch {
    // judged by the checks: an error answer that does not parse is a failure
  }
  return answer;
}

export async function fetchAnswer(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  return answerOf(response.status, response.headers, await response.text());
}

/**
 * Sends a body under a Content-Length that is not its own, which fetch refuses to do: the declared rest
 * never comes, so the answer must not wait for it. The connection is dropped once the answer is in.
 */
export function sendDeclared(
  url: string,
  request: RouteRequest,
  body: Buffer,
  length: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: request.method,
        agent: false,
        headers: { ...request.headers, 'content-length': String(length), connection: 'close' },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (typeof value === 'string') headers.set(name, value);
          }
          resolve(answerOf(incoming.statusCode ?? 0, headers, Buffer.concat(chunks).toString('utf8')));
          outgoing.destroy();
        });
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer in 30 s')));
    outgoing.on('error', reject);
    outgoing.write(body);
  });
}

export const errorsOf = (body: unknown): ErrorLike[] =>
  body && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors)
    ? (body as { errors: ErrorLike[] }).errors
    : [];

/** A V8 stack frame, or a path into the server's sources: what an answer must never show. */
const STACK_TRACE = /\bat (?:async )?[\w$.<>]+ \(|node:internal|\/src\/(?:core|modules)\//;

/** The promises every answer keeps, whatever was asked. */
export function commonProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  if (STACK_TRACE.test(answer.text)) problems.push('the answer shows a stack trace');
  for (const error of errorsOf(answer.body)) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push('an error has no extensions.code');
    if (code === 'INTERNAL_SERVER_ERROR') problems.push('INTERNAL_SERVER_ERROR');
  }
  return problems;
}

const isJson = (answer: Answer) => /^application\/(graphql-response\+)?json\b/.test(answer.contentType);

/** GraphQL answers are JSON response objects, refusals included. */
export function graphqlProblems(answer: Answer): string[] {
  const problems = commonProblems(answer);
  if (!isJson(answer)) problems.push(`content type "${answer.contentType}" is not JSON`);
  if (answer.body === undefined) problems.push('the body is not JSON');
  else if (!answer.body || typeof answer.body !== 'object' || Array.isArray(answer.body)) {
    problems.push('the body is not a GraphQL response object');
  }
  return problems;
}

/**
 * The document routes answer a refusal as GraphQL words one (JSON, `errors[0].extensions.code`), an upload
 * with its new Document id, and content with a disposition: inline unless a download was asked for.
 */
export function routeProblems(request: RouteRequest, answer: Answer): string[] {
  const problems = commonProblems(answer);
  if (answer.status >= 400) {
    if (!isJson(answer)) problems.push(`refusal's content type "${answer.contentType}" is not JSON`);
    if (errorsOf(answer.body).length === 0) problems.push('a refusal without errors[]');
  } else if (request.method === 'POST') {
    const id = (answer.body as { id?: unknown } | undefined)?.id;
    if (answer.status !== 201 || typeof id !== 'string' || parseGlobalId(id)?.type !== 'Document') {
      problems.push('an accepted upload does not answer 201 with a Document id');
    }
  } else {
    const disposition = answer.headers.get('content-disposition') ?? '';
    const download = new URL(request.path, 'http://x').searchParams.has('download');
    if (!disposition.startsWith(download ? 'attachment; ' : 'inline; ')) {
      problems.push(`content served with disposition "${disposition}"`);
    }
  }
  return problems;
}
