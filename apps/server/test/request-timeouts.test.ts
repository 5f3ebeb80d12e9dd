import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { createLogger } from '../src/core/logger.js';
import { openSession } from '../src/modules/auth/session.store.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders, tableCounts } from './builders.js';
import { testDatabase } from './harness.js';

// Small times, in the same proportion as production's (30 s for GraphQL, 10 minutes for an upload's body).
const REQUEST_TIMEOUT_MS = 400;
const UPLOAD_TIMEOUT_MS = 3_000;

const db = await testDatabase();
const build = builders(db.orm);
let dossier: RunningDossier;
let authorization: string;

beforeAll(async () => {
  // A session opened directly: checking a password over HTTP can take longer than the small timeout.
  const archivist = await build.staff({ email: 'dang.an@example.com' }, StaffRole.ARCHIVIST);
  authorization = `Bearer ${(await openSession(db.orm.em.fork(), archivist.id)).token}`;
  const env = loadEnv({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: db.url,
    DOSSIER_SEED: 'none',
    DOSSIER_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    DOSSIER_UPLOAD_TIMEOUT_MS: String(UPLOAD_TIMEOUT_MS),
  });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
});

afterAll(() => dossier?.stop());

interface Trickled {
  status: number;
  body: { id?: string; errors?: Array<{ message: string; extensions: { code: string } }> };
  /** Milliseconds from the first byte sent until the server closed the connection; null if it kept it. */
  closedAfter: number | null;
  /** Body parts still unsent when the server closed the connection. */
  unsent: number;
}

/**
 * Sends a keep-alive request as a slow link does: the head at once, then each body part after a pause,
 * stopping when the server closes. Resolves once the whole answer (by its Content-Length) is in and the
 * client has sent everything or the server has closed.
 */
function trickle(head: string, parts: Buffer[], pauseMs: number): Promise<Trickled> {
  return new Promise((resolve, reject) => {
    const socket = connect(dossier.port, '127.0.0.1');
    const started = Date.now();
    let received = Buffer.alloc(0);
    let closedAfter: number | null = null;
    let unsent = parts.length;
    // Writing after the server hung up fails with EPIPE/ECONNRESET: that is the server closing, seen below.
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
    });
    socket.on('close', () => {
      closedAfter ??= Date.now() - started;
    });
    socket.on('end', () => {
      closedAfter = Date.now() - started;
    });
    const answer = () => {
      const text = received.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end))?.[1]);
      const body = received.subarray(Buffer.byteLength(text.slice(0, end + 4)));
      if (body.length < length) return null;
      return {
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]),
        body: JSON.parse(body.subarray(0, length).toString('utf8')),
      };
    };
    const run = async () => {
      socket.write(head);
      for (const part of parts) {
        await sleep(pauseMs);
        if (closedAfter !== null) break;
        socket.write(part);
        unsent -= 1;
      }
      // Time for a late answer or a late close to arrive.
      await sleep(2 * REQUEST_TIMEOUT_MS);
      const answered = answer();
      socket.destroy();
      if (!answered) throw new Error(`no complete answer: ${received.toString('utf8')}`);
      return { ...answered, closedAfter, unsent };
    };
    run().then(resolve, reject);
  });
}

/** `body` cut into `count` parts of near-equal length. */
function split(body: Buffer, count: number): Buffer[] {
  const size = Math.ceil(body.length / count);
  return Array.from({ length: count }, (_, i) => body.subarray(i * size, (i + 1) * size));
}

const BOUNDARY = 'slow-link-boundary';

function uploadForm(customerId: string): Buffer {
  const field = (name: string, value: string) =>
    `--${BOUNDARY}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(
      field('customerId', customerId) +
        field('title', '扫描合同') +
        field('category', 'CONTRACT') +
        field('level', 'INTERNAL') +
        field('retentionYears', '10') +
        `--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
        'content-type: application/pdf\r\n\r\n%PDF-1.7\n',
    ),
    Buffer.alloc(64 * 1024, 0x20),
    Buffer.from(`\n%%EOF\n\r\n--${BOUNDARY}--\r\n`),
  ]);
}

const uploadHead = (form: Buffer) =>
  'POST /documents HTTP/1.1\r\nhost: 127.0.0.1\r\n' +
  `authorization: ${authorization}\r\n` +
  `content-type: multipart/form-data; boundary=${BOUNDARY}\r\ncontent-length: ${form.length}\r\n\r\n`;

const documentCount = async () =>
  Number((await db.orm.em.fork().execute('select count(*)::int as n from document'))[0]?.n);

describe('how long a request may take to arrive', () => {
  it('files an upload whose body takes several times the GraphQL request timeout to arrive', async () => {
    const customerId = toGlobalId('Customer', (await build.customer()).id);
    const form = uploadForm(customerId);
    const parts = split(form, 12);
    const pause = 100;
    expect(parts.length * pause).toBeGreaterThanOrEqual(3 * REQUEST_TIMEOUT_MS);

    const answer = await trickle(uploadHead(form), parts, pause);
    expect([answer.status, answer.unsent]).toEqual([201, 0]);
    // Read back through the content route (no deadline there), byte for byte.
    const content = await fetch(`http://127.0.0.1:${dossier.port}/documents/${answer.body.id}/content`, {
      headers: { authorization },
    });
    const file = form.subarray(form.indexOf('%PDF'), form.length - `\r\n--${BOUNDARY}--\r\n`.length);
    expect(Buffer.from(await content.arrayBuffer()).equals(file)).toBe(true);
  });

  it('refuses an upload slower than the upload timeout with a JSON 408, and files nothing', async () => {
    const customerId = toGlobalId('Customer', (await build.customer()).id);
    const form = uploadForm(customerId);
    const before = [await tableCounts(db.orm), await documentCount()];
    const pause = 250;
    const parts = split(form, Math.ceil((2 * UPLOAD_TIMEOUT_MS) / pause));

    const answer = await trickle(uploadHead(form), parts, pause);
    expect([answer.status, answer.body]).toEqual([
      408,
      { errors: [{ message: 'The request did not arrive in time', extensions: { code: 'BAD_REQUEST' } }] },
    ]);
    expect(answer.unsent).toBeGreaterThan(0);
    expect(answer.closedAfter).toBeGreaterThanOrEqual(UPLOAD_TIMEOUT_MS);
    expect(answer.closedAfter).toBeLessThan(UPLOAD_TIMEOUT_MS + 2 * REQUEST_TIMEOUT_MS);
    expect([await tableCounts(db.orm), await documentCount()]).toEqual(before);
  });

  it('answers a GraphQL request whose body is still trickling at its deadline with 503 TIMEOUT and hangs up', async () => {
    const body = Buffer.from(JSON.stringify({ query: `{ customers(first: 1) { totalCount } }` }));
    const head =
      'POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
      `authorization: ${authorization}\r\ncontent-length: ${body.length}\r\n\r\n`;
    // The body alone would take longer than an upload may: the server must not wait for it.
    const parts = split(body, body.length);
    const pause = 100;
    expect(parts.length * pause).toBeGreaterThan(UPLOAD_TIMEOUT_MS);

    const answer = await trickle(head, parts, pause);
    expect([answer.status, answer.body]).toEqual([
      503,
      {
        errors: [
          {
            message: `The request took longer than ${REQUEST_TIMEOUT_MS} ms and was stopped`,
            extensions: { code: 'TIMEOUT' },
          },
        ],
      },
    ]);
    expect(answer.unsent).toBeGreaterThan(0);
    // Hung up at the deadline, not once Node's (upload) time to receive a request runs out.
    expect(answer.closedAfter).toBeLessThan(UPLOAD_TIMEOUT_MS / 2);
  });
});
