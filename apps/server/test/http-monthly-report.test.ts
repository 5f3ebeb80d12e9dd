import { StaffRole } from '@dossier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/core/env.js';
import { createLogger } from '../src/core/logger.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { generateReport, type StoredReport } from '../src/modules/monthly-report/monthly-report.service.js';
import type { Staff } from '../src/modules/staff/staff.entity.js';
import { type RunningDossier, startDossier } from '../src/server.js';
import { builders } from './builders.js';
import { testDatabase } from './harness.js';
import { httpGraphQL } from './http-graphql.js';

// The report's files over HTTP, with the session as /graphql takes it: the readers of a report download
// it, a rep is refused, a manager of another team finds nothing there.
const db = await testDatabase();
const build = builders(db.orm);
let dossier: RunningDossier;
let base: string;
let team: StoredReport;
const sessions: Record<string, Record<string, string>> = {};

async function signIn(name: string, role: StaffRole): Promise<Staff> {
  const email = `${name}@example.com`;
  const staff = await build.staff({ email, passwordHash: await hashPassword(`${name}-pass-12`) }, role);
  const { body } = await httpGraphQL(base)<{ login: { token: string } }>(
    'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: email, p: `${name}-pass-12` },
  );
  sessions[name] = { authorization: `Bearer ${body.data?.login.token}` };
  return staff;
}

beforeAll(async () => {
  const env = loadEnv({ NODE_ENV: 'production', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
  dossier = await startDossier(env, createLogger({ ...env, LOG_LEVEL: 'silent' }));
  base = `http://127.0.0.1:${dossier.port}`;
  await signIn('admin', StaffRole.ADMIN);
  const lead = await signIn('lead', StaffRole.SALES_MANAGER);
  await signIn('other', StaffRole.SALES_MANAGER);
  await signIn('rep', StaffRole.SALES_REP);
  await build.customer({ code: 'HTTP-1', name: '下载测试客户' });
  team = await generateReport(db.orm.em.fork(), '2026-10', lead, lead, db.clock);
}, 60_000);

afterAll(() => dossier.stop());

const get = (path: string, who?: string) => fetch(`${base}${path}`, { headers: who ? sessions[who] : {} });

describe('GET /monthly-reports/:id/:format', () => {
  it('gives the stored PDF and XLSX to the team’s manager and to admins, named in Chinese', async () => {
    const [row] = await db.orm.em
      .fork()
      .execute<Array<{ pdf: Buffer; xlsx: Buffer }>>('select pdf, xlsx from monthly_report where id = ?', [
        team.id,
      ]);
    for (const who of ['lead', 'admin']) {
      const pdf = await get(`/monthly-reports/${team.id}/pdf`, who);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('cache-control')).toBe('private, no-store');
      expect(decodeURIComponent(pdf.headers.get('content-disposition') ?? '')).toMatch(
        /^attachment; filename="monthly-report-2026-10\.pdf"; filename\*=UTF-8''客户档案月度报告-2026-10-员工.+ 团队\.pdf$/,
      );
      expect(Buffer.from(await pdf.arrayBuffer()).equals(row?.pdf as Buffer)).toBe(true);
      const xlsx = await get(`/monthly-reports/${team.id}/xlsx`, who);
      expect(xlsx.status).toBe(200);
      expect(Buffer.from(await xlsx.arrayBuffer()).equals(row?.xlsx as Buffer)).toBe(true);
    }
  });

  it('refuses a rep, hides it from another team’s manager, asks a stranger to sign in', async () => {
    const code = async (response: Response) => {
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      return [response.status, body.errors[0]?.extensions.code];
    };
    expect(await code(await get(`/monthly-reports/${team.id}/pdf`, 'rep'))).toEqual([403, 'FORBIDDEN']);
    expect(await code(await get(`/monthly-reports/${team.id}/pdf`, 'other'))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await get(`/monthly-reports/${team.id}/pdf`))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await code(await get(`/monthly-reports/${team.id}/docx`, 'admin'))).toEqual([404, 'NOT_FOUND']);
    expect(await code(await get('/monthly-reports/not-a-uuid/pdf', 'admin'))).toEqual([404, 'NOT_FOUND']);
  });
});
