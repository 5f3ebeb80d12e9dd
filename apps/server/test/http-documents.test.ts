import { Confidentiality, DocumentCategory, StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { fileDocument } from '../src/modules/document/document.service.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

const db = await testDatabase();
const build = builders(db.orm);
let dossier: RunningDossier;
let base: string;
let archivist: Staff;
let bearer: Record<string, string>;

beforeAll(async () => {
  archivist = await build.staff(
    { email: 'dang.an@example.com', passwordHash: await hashPassword('archive-pass-1') },
    StaffRole.ARCHIVIST,
  );
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  base = `http://127.0.0.1:${dossier.port}`;
  const { body } = await httpGraphQL(base)<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: 'dang.an@example.com', p: 'archive-pass-1' },
  );
  bearer = { authorization: `Bearer ${body.data?.login.token}` };
});

afterAll(() => dossier.stop());

async function file(confidentiality: Confidentiality) {
  const customerId = toGlobalId('Customer', (await build.customer()).id);
  const document = await fileDocument(
    db.context({ viewer: archivist }),
    {
      customerId,
      category: DocumentCategory.LETTER,
      confidentiality,
      title: '往来函件',
      documentDate: '2026-01-05',
      retentionYears: 10,
      fileName: '函件(2026).pdf',
      mediaType: 'application/pdf',
    },
    Buffer.from(`%PDF-1.7 ${confidentiality}`),
  );
  return toGlobalId('Document', document.id);
}

/** The error code of a refused request's JSON answer. */
const codeOf = async (response: Response) =>
  ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

describe('GET /documents/:id/content', () => {
  it('shows a SECRET document inline, with its UTF-8 file name, and never as an attachment', async () => {
    const id = await file(Confidentiality.SECRET);
    const view = await get(`/documents/${id}/content`, bearer);
    expect(view.status).toBe(200);
    expect(view.headers.get('content-type')).toBe('application/pdf');
    expect(view.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''%E5%87%BD%E4%BB%B6%282026%29.pdf`,
    );
    expect(view.headers.get('cache-control')).toBe('private, no-store');
    expect(await view.text()).toBe('%PDF-1.7 SECRET');

    const download = await get(`/documents/${id}/content?download`, bearer);
    expect(download.status).toBe(403);
    expect(download.headers.get('content-disposition')).toBeNull();
    expect(await codeOf(download)).toBe('FORBIDDEN');
  });

  it('lets the archivist download an INTERNAL document as an attachment', async () => {
    const download = await get(`/documents/${await file(Confidentiality.INTERNAL)}/content?download`, bearer);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
  });

  it('answers 401 without a sign-in and 404 for a document that does not exist', async () => {
    const id = await file(Confidentiality.INTERNAL);
    const anonymous = await get(`/documents/${id}/content`);
    expect(anonymous.status).toBe(401);
    expect(await codeOf(anonymous)).toBe('UNAUTHENTICATED');
    const missing = await get(`/documents/${toGlobalId('Document', crypto.randomUUID())}/content`, bearer);
    expect(missing.status).toBe(404);
    expect(await codeOf(missing)).toBe('NOT_FOUND');
  });
});
