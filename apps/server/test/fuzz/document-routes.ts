import { Confidentiality, DocumentCategory } from '@dossier/domain';
import type { Draw } from './draw.js';
import { id, localDate, nastyString, type Pools, plainString } from './values.js';

/** One request to the document routes outside GraphQL: `POST /documents` and `GET /documents/:id/content`. */
export interface RouteRequest {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: Buffer | (() => ReadableStream<Uint8Array>);
  /** A Content-Length that is not the body's: sent as is, and the rest of the body never comes. */
  declaredLength?: number;
  /** An upload: a refused one must leave every table as it was. */
  upload: boolean;
}

/** The route's limit (MAX_DOCUMENT_BYTES) and a little more. */
const OVER_LIMIT = 25 * 1024 * 1024 + 1024 * 1024;

/** Contents of every kind the type check sees: real magic numbers, a program, nothing, text. */
const CONTENTS: Array<{ bytes: Buffer; type: string }> = [
  { bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), type: 'application/pdf' },
  { bytes: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), type: 'image/png' },
  { bytes: Buffer.from('ffd8ffe000104a464946', 'hex'), type: 'image/jpeg' },
  { bytes: Buffer.from('504b0304140006000800', 'hex'), type: 'application/vnd.ms-excel' },
  { bytes: Buffer.from('会议纪要\n2026-11-29\n'), type: 'text/plain' },
  { bytes: Buffer.from('MZ\x90\x00 not a pdf'), type: 'application/pdf' },
  { bytes: Buffer.alloc(0), type: 'application/pdf' },
  { bytes: Buffer.from('<html><script>alert(1)</script>'), type: 'text/html' },
];

const MEDIA_TYPES = ['', 'application/x-msdownload', 'application/PDF', 'application/pdf; charset=x', 'x'];

const FILE_NAMES = [
  '合同(2026).pdf',
  'scan.png',
  '../../etc/passwd',
  '',
  ' ',
  'a'.repeat(300),
  'name\r\nx-injected: 1.pdf',
  '\u202eexe.pdf',
];

interface Part {
  name: string;
  value: string | Buffer;
  fileName?: string;
  type?: string;
}

const quoted = (text: string) => text.replace(/["\\\r\n]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

/** A multipart body, optionally without its closing boundary (cut short). */
function multipart(boundary: string, parts: Part[], closed: boolean): Buffer {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="${quoted(part.name)}"${
        part.fileName === undefined ? '' : `; filename="${quoted(part.fileName)}"`
      }\r\n${part.type === undefined ? '' : `content-type: ${part.type}\r\n`}\r\n`,
    ),
    Buffer.from(part.value),
    Buffer.from('\r\n'),
  ]);
  if (closed) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** A value of the form's choice fields: mostly right, else wrong. */
const choice = (d: Draw, values: Record<string, string>) =>
  d.chance(0.8) ? d.pick(Object.values(values)) : d.pick(['', 'PUBLIC', 'secret', nastyString(d)]);

/** The upload form's fields, each one present or not, right or wrong. */
function fields(d: Draw, pools: Pools): Part[] {
  const drawn: Record<string, () => string> = {
    customerId: () => id(d, 'customerId', '', pools),
    projectId: () => id(d, 'projectId', '', pools),
    title: () => plainString(d, pools),
    category: () => choice(d, DocumentCategory),
    level: () => choice(d, Confidentiality),
    documentDate: () => localDate(d),
    retentionYears: () => d.pick(['5', '30', '0', '', '-1', '1000', '2.5', 'x', '9'.repeat(30)]),
    retentionUntil: () => localDate(d),
  };
  const wanted = new Set(['customerId', 'title', 'category', 'level']);
  return Object.entries(drawn)
    .filter(([name]) => (wanted.has(name) ? !d.chance(0.1) : d.chance(0.3)))
    .map(([name, value]) => ({ name, value: value() }));
}

function file(d: Draw): Part {
  const content = d.pick(CONTENTS);
  return {
    name: 'file',
    value: content.bytes,
    fileName: d.chance(0.7) ? d.pick(FILE_NAMES.slice(0, 2)) : d.pick(FILE_NAMES),
    type: d.chance(0.8) ? content.type : d.pick(MEDIA_TYPES),
  };
}

const FORM = (boundary: string) => ({ 'content-type': `multipart/form-data; boundary=${boundary}` });

/** Far past the limit, never ending in a closing boundary: the server must stop reading on its own. */
function endless(head: Buffer): () => ReadableStream<Uint8Array> {
  return () => {
    let sent = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        if (sent * 1024 * 1024 < OVER_LIMIT) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
        else controller.close();
        sent += 1;
      },
    });
  };
}

/** Uploads: a plausible form mostly, and forms broken in each way a client could break one. */
function drawUpload(d: Draw, pools: Pools): Omit<RouteRequest, 'upload'> {
  const boundary = d.pick(['fuzz-boundary', 'x', "'()+_,-./:=?", '-'.repeat(70), 'b'.repeat(200)]);
  const good = () => [...fields(d, pools), file(d)];
  const post = (body: Buffer, headers: Record<string, string> = FORM(boundary)) => ({
    method: 'POST' as const,
    path: '/documents',
    headers,
    body,
  });
  const uploads: Array<() => Omit<RouteRequest, 'label' | 'upload'>> = [
    () => post(multipart(boundary, good(), true)),
    () => post(multipart(boundary, good(), false)),
    () => post(multipart(boundary, fields(d, pools), true)),
    () => post(multipart(boundary, [...good(), file(d)], true)),
    () => post(multipart(boundary, [...fields(d, pools), { ...file(d), name: 'attachment' }], true)),
    () => post(multipart(boundary, [...fields(d, pools), { name: 'file', value: 'not a file' }], true)),
    () => post(multipart(boundary, [...good(), { name: 'title', value: 'x'.repeat(1_500) }], true)),
    () =>
      post(
        multipart(
          boundary,
          [...Array.from({ length: 25 }, (_, i) => ({ name: `f${i}`, value: 'x' })), file(d)],
          true,
        ),
      ),
    () => post(multipart('other-boundary', good(), true)),
    () => post(multipart(boundary, good(), true), { 'content-type': 'multipart/form-data' }),
    () => post(Buffer.from(nastyString(d)), FORM(boundary)),
    () =>
      post(multipart(boundary, good(), true), {
        'content-type': d.pick(['application/json', 'text/plain', 'application/octet-stream']),
      }),
    () => post(Buffer.from(JSON.stringify({ title: 'x' })), { 'content-type': 'application/json' }),
    () => ({ ...post(multipart(boundary, good(), true)), declaredLength: OVER_LIMIT }),
    () => ({
      ...post(Buffer.alloc(0)),
      body: endless(multipart(boundary, [...fields(d, pools), file(d)], false)),
    }),
  ];
  // The endless body sends 26 MB: a few of them in a long run, not one in fifteen uploads.
  const index = d.chance(0.01) ? uploads.length - 1 : d.int(0, uploads.length - 2);
  return { ...(uploads[index] as () => Omit<RouteRequest, 'label' | 'upload'>)(), label: `upload #${index}` };
}

/** Content requests: real documents mostly, ids of other rows, forged and garbage ids; view or download. */
function drawContent(d: Draw, pools: Pools): Omit<RouteRequest, 'upload'> {
  const documentId = id(d, 'documentId', '', pools) || 'x';
  const query = d.pick(['', '', '?download', '?download=0', '?download&download', '?x=1']);
  return {
    label: `content${query ? ` ${query}` : ''}`,
    method: 'GET',
    path: `/documents/${encodeURIComponent(documentId)}/content${query}`,
    headers: {},
  };
}

/** Credentials a client could get wrong; none of them may sign anyone in. */
const FORGED_AUTH: Array<Record<string, string>> = [
  { authorization: 'Bearer nope' },
  { authorization: 'Basic YTpi' },
  { authorization: 'Bearer ' },
  { cookie: 'dossier_session=forged' },
];

export function drawRouteRequest(d: Draw, pools: Pools): RouteRequest & { forgedAuth: boolean } {
  const upload = d.chance(0.6);
  const request = upload ? { ...drawUpload(d, pools), upload } : { ...drawContent(d, pools), upload };
  const forgedAuth = d.chance(0.1);
  if (forgedAuth) request.headers = { ...request.headers, ...d.pick(FORGED_AUTH) };
  return { ...request, label: `${request.label}${forgedAuth ? ' (forged credentials)' : ''}`, forgedAuth };
}
