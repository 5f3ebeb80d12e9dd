import type { Draw } from './draw.js';
import type { Operation } from './operations.js';

/** One HTTP request to /graphql, as sent. */
export interface FuzzRequest {
  /** What kind of request this is, to tell failures apart. */
  label: string;
  method: string;
  /** Query string for GET, without the leading "?". */
  search?: string;
  headers: Record<string, string>;
  body?: string;
  /** Set when the request carries a mutation: a refused one must leave every table as it was. */
  mutation?: { roots: string[] };
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** A well-formed POST of a generated operation. */
export function postOf(operation: Operation): FuzzRequest {
  const { mutation, roots, fields, faulty, ...body } = operation;
  return {
    label: `${mutation ? 'mutation' : 'query'} ${fields.join(' ')}${faulty ? ' (faulty)' : ''}`,
    method: 'POST',
    headers: JSON_TYPE,
    body: JSON.stringify(body),
    ...(mutation ? { mutation: { roots } } : {}),
  };
}

const json = (body: unknown) => JSON.stringify(body);

/** Over express.json's 1 MB limit. */
const TOO_LARGE = json({ query: `{ __typename }`, variables: { padding: 'x'.repeat(1_100_000) } });

/**
 * Requests a client could send by mistake or on purpose: malformed bodies, batches, wrong fields, wrong
 * content types, a body over the size limit, a mutation by GET, other methods. `operation` supplies a real
 * document where one is needed.
 */
export function drawMalformed(d: Draw, operation: Operation): FuzzRequest {
  const { query } = operation;
  const mutation = operation.mutation ? { mutation: { roots: operation.roots } } : {};
  const search = new URLSearchParams({ query }).toString();
  const preflight = { 'apollo-require-preflight': 'true' };
  const requests: Array<() => Omit<FuzzRequest, 'label'>> = [
    () => ({ method: 'POST', headers: JSON_TYPE, body: '{' }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: '' }),
    () => ({ method: 'POST', headers: JSON_TYPE }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: d.pick(['42', '"query"', 'null', 'true', '[]']) }),
    () => ({
      method: 'POST',
      headers: JSON_TYPE,
      body: json([{ query }, { query: '{ __typename }' }]),
      ...mutation,
    }),
    () => ({
      method: 'POST',
      headers: JSON_TYPE,
      body: json({ query: d.pick([5, null, ['{ me { id } }'], {}]) }),
    }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: json({}) }),
    () => ({
      method: 'POST',
      headers: JSON_TYPE,
      body: json({ query, variables: d.pick(['x', 5, [1], true]) }),
      ...mutation,
    }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: json({ query, extensions: 'x' }), ...mutation }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: json({ query, operationName: 'Nope' }), ...mutation }),
    () => ({
      method: 'POST',
      headers: {
        'content-type': d.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded']),
      },
      body: d.chance(0.5) ? json({ query }) : search,
      ...mutation,
    }),
    () => ({
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
    }),
    () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=latin1' },
      body: json({ query }),
    }),
    () => ({ method: 'POST', headers: JSON_TYPE, body: TOO_LARGE }),
    () => ({ method: 'GET', search, headers: preflight, ...mutation }),
    () => ({ method: 'GET', search: 'query=%7B', headers: preflight }),
    () => ({ method: 'GET', search: '', headers: preflight }),
    () => ({ method: 'GET', search: `${search}&variables=%7B`, headers: preflight }),
    () => ({
      method: d.pick(['PUT', 'DELETE', 'PATCH']),
      headers: JSON_TYPE,
      body: json({ query }),
      ...mutation,
    }),
  ];
  const index = d.int(0, requests.length - 1);
  return { ...(requests[index] as () => Omit<FuzzRequest, 'label'>)(), label: `malformed #${index}` };
}
