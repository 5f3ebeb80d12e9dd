import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { seedDemoCompany } from '../../seed/demo-company.js';
import { Staff } from '../staff/staff.entity.js';
import { pdfText, xlsxCells } from './monthly-report.fixtures.js';
import { SHEETS } from './monthly-report.xlsx.js';

// Issue 14, acceptance 3: the report of a past month of the demo company (seeded as `npm start` does on
// 1 March 2027): its PDF reads in Chinese, its XLSX holds the API's figures, a regeneration gives the same.
const clock = fixedClock('2027-03-01T02:00:00Z');
const db = await testDatabase({ clock });
const MONTH = '2027-02';
let admin: Staff;
let manager: Staff;
let manager2: Staff;
let rep: Staff;

beforeAll(async () => {
  await seedDemoCompany(db.orm.em.fork(), clock);
  const em = db.orm.em.fork();
  const by = (name: string) => em.findOneOrFail(Staff, { email: `${name}@demo.dossier` });
  admin = await by('admin');
  manager = await by('manager');
  manager2 = await by('manager2');
  rep = await by('rep');
}, 120_000);

const FIGURES = `figures {
  frozenAt
  abcSummary { from to totalRevenue classes { class customers revenue share } movements { from to customers } }
  topCustomers { customerId code name rank class previousClass revenue share }
  riskCustomers { customerId code name level score signals { code level message } }
  coverage { abcClass customers score0 score1 score2 score3 averageScore }
  newCustomers { customerId code name on }
  lostCustomers { customerId code name on }
  feedback { complaints opinions complaintsClosed complaintsOpenAtEnd byCategory { category complaints } }
  satisfaction { surveys product delivery service price }
  creditReports { customerId code name on validUntil expired }
}`;
const GENERATE = `mutation ($month: String!, $team: ID) {
  generateMonthlyReport(month: $month, teamManagerId: $team) {
    id month version pdfUrl xlsxUrl teamManager { name } generatedBy { name } ${FIGURES}
  }
}`;

interface Report {
  id: string;
  version: number;
  figures: {
    abcSummary: {
      from: string;
      to: string;
      totalRevenue: string;
      classes: Array<{ class: string; customers: number; revenue: string; share: number }>;
    };
    topCustomers: Array<{ customerId: string; name: string; code: string; revenue: string; rank: number }>;
    riskCustomers: Array<{ customerId: string; name: string; signals: Array<{ message: string }> }>;
    newCustomers: Array<{ customerId: string }>;
    lostCustomers: Array<{ customerId: string }>;
    creditReports: Array<{ customerId: string }>;
    feedback: {
      complaints: number;
      opinions: number;
      complaintsClosed: number;
      complaintsOpenAtEnd: number;
      byCategory: Array<{ category: string; complaints: number }>;
    };
    satisfaction: { surveys: number };
  };
}

async function generate(viewer: Staff, team: Staff | null = null) {
  const result = await db.execute<{ generateMonthlyReport: Report }>(
    GENERATE,
    { month: MONTH, team: team && toGlobalId('Staff', team.id) },
    { viewer, locale: 'zh-CN' },
  );
  return result;
}

async function files(report: Report) {
  const uuid = report.id && Buffer.from(report.id, 'base64').toString('utf8').split(':')[1];
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ pdf: Buffer; xlsx: Buffer }>>('select pdf, xlsx from monthly_report where id = ?', [
      uuid,
    ]);
  if (!row) throw new Error(`report ${report.id} is not stored`);
  return row;
}

describe('the company report of February 2027', () => {
  let first: Report;
  let stored: { pdf: Buffer; xlsx: Buffer };

  beforeAll(async () => {
    const result = await generate(admin);
    expect(result.errors).toBeUndefined();
    first = result.data?.generateMonthlyReport as Report;
    stored = await files(first);
  }, 120_000);

  it('ranks the 12 months up to the month’s end, as abcClassification does for that period', async () => {
    const api = await db.execute<{ abcClassification: { totalRevenue: string; classes: unknown[] } }>(
      `{ abcClassification(input: { from: "2026-03-01", to: "2027-02-28" }) {
          totalRevenue classes { class customers revenue share } } }`,
      {},
      { viewer: admin },
    );
    expect(first.figures.abcSummary).toMatchObject({ from: '2026-03-01', to: '2027-02-28' });
    expect(first.figures.abcSummary.totalRevenue).toBe(api.data?.abcClassification.totalRevenue);
    expect(first.figures.abcSummary.classes).toEqual(api.data?.abcClassification.classes);
    expect(first.figures.topCustomers).toHaveLength(20);
    expect(first.figures.topCustomers.map((row) => row.rank)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('its PDF reads in Chinese: section titles, the top customers’ names, the risk reasons', async () => {
    const text = await pdfText(stored.pdf);
    expect(text).toContain('客户档案月度报告 2027年2月 · 全公司');
    for (const title of ['一、ABC 分类汇总与变动', '二、重点客户', '三、风险客户', '七、信用报告到期']) {
      expect(text).toContain(title);
    }
    for (const customer of first.figures.topCustomers) expect(text).toContain(customer.name);
    const risk = first.figures.riskCustomers[0];
    expect(risk).toBeDefined();
    expect(text).toContain(risk?.name);
    expect(stored.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The CJK font is embedded as a subset: the report weighs kilobytes, not the font's 10 MB.
    expect(stored.pdf.length).toBeLessThan(400_000);
  });

  it('its XLSX holds the API’s figures, one sheet per section', async () => {
    const cells = await xlsxCells(stored.xlsx);
    expect(Object.keys(cells)).toEqual(Object.values(SHEETS));
    const abc = cells[SHEETS.abc] ?? [];
    expect(
      abc.slice(1, 4).map(([, customers, revenue, share]) => [customers, Number(revenue).toFixed(2), share]),
    ).toEqual(first.figures.abcSummary.classes.map((row) => [row.customers, row.revenue, row.share]));
    const top = cells[SHEETS.top] ?? [];
    expect(
      top.slice(1).map(([rank, code, name, , , revenue]) => [rank, code, name, Number(revenue).toFixed(2)]),
    ).toEqual(first.figures.topCustomers.map((row) => [row.rank, row.code, row.name, row.revenue]));
    const feedback = new Map((cells[SHEETS.feedback] ?? []).slice(1).map(([label, value]) => [label, value]));
    const f = first.figures.feedback;
    expect([
      feedback.get('本月投诉'),
      feedback.get('本月意见'),
      feedback.get('本月结案投诉'),
      feedback.get('月末未结投诉'),
    ]).toEqual([f.complaints, f.opinions, f.complaintsClosed, f.complaintsOpenAtEnd]);
    expect(f.byCategory.reduce((sum, row) => sum + row.complaints, 0)).toBe(f.complaints);
    expect(feedback.get('满意度调查份数')).toBe(first.figures.satisfaction.surveys);
    expect((cells[SHEETS.risk] ?? []).length - 1).toBe(first.figures.riskCustomers.length);
  });

  it('counts the month’s complaints as the feedback records say', async () => {
    const [row] = await db.orm.em.fork().execute<Array<{ n: number }>>(
      `select count(*)::int as n from feedback where kind = 'COMPLAINT'
         and received_at >= '2027-02-01T00:00:00+08:00' and received_at < '2027-03-01T00:00:00+08:00'`,
    );
    expect(first.figures.feedback.complaints).toBe(row?.n);
    expect(row?.n).toBeGreaterThan(0);
  });

  it('regenerated later, after the data changed, it shows the very same figures and cells', async () => {
    // Today's state moves on: a risk signal clears. The report's frozen figures do not.
    await db.orm.em.fork().execute(`update risk_assessment set level = 'NONE', score = 0, signals = '[]'`);
    const later = fixedClock('2027-04-10T02:00:00Z');
    const again = await db.execute<{ generateMonthlyReport: Report }>(
      GENERATE,
      { month: MONTH, team: null },
      { viewer: admin, locale: 'zh-CN', clock: later },
    );
    const second = again.data?.generateMonthlyReport as Report;
    expect(second.version).toBe(2);
    expect(second.id).toBe(first.id);
    expect(second.figures).toEqual(first.figures);
    const files2 = await files(second);
    expect(await xlsxCells(files2.xlsx)).toEqual(await xlsxCells(stored.xlsx));
    // Same figures, same PDF, byte for byte: its dates are the first generation's.
    expect(files2.pdf.equals(stored.pdf)).toBe(true);
  });

  it('is recorded in the audit log, each generation with its version', async () => {
    const rows = await db.orm.em
      .fork()
      .execute<Array<{ actor_id: string; detail: { month: string; version: number; scope: string } }>>(
        `select actor_id, detail from audit_log where event = 'MONTHLY_REPORT_GENERATED' and detail->>'scope' = 'COMPANY' order by id`,
      );
    expect(rows.map((row) => [row.actor_id, row.detail.month, row.detail.version])).toEqual([
      [admin.id, MONTH, 1],
      [admin.id, MONTH, 2],
    ]);
  });
});

describe('a team’s report', () => {
  it('holds only the customers of that manager’s book', async () => {
    const result = await generate(manager2, manager2);
    expect(result.errors).toBeUndefined();
    const report = result.data?.generateMonthlyReport as Report;
    const figures = report.figures;
    const listed = [
      ...figures.topCustomers,
      ...figures.riskCustomers,
      ...figures.newCustomers,
      ...figures.lostCustomers,
      ...figures.creditReports,
    ].map((row) => row.customerId);
    expect(listed.length).toBeGreaterThan(20);
    const seen = await db.execute<Record<string, { id: string } | null>>(
      `{ ${listed.map((id, i) => `c${i}: customer(id: "${id}") { id }`).join(' ')} }`,
      {},
      { viewer: manager2 },
    );
    expect(Object.values(seen.data ?? {}).filter((value) => value === null)).toEqual([]);
    const api = await db.execute<{ abcClassification: { totalRevenue: string; classes: unknown[] } }>(
      `{ abcClassification(input: { from: "2026-03-01", to: "2027-02-28" }) { totalRevenue classes { class customers revenue share } } }`,
      {},
      { viewer: manager2 },
    );
    expect(figures.abcSummary.totalRevenue).toBe(api.data?.abcClassification.totalRevenue);
    expect(figures.abcSummary.classes).toEqual(api.data?.abcClassification.classes);
    const company = await db.execute<{ monthlyReport: Report }>(
      `query { monthlyReport(month: "${MONTH}") { ${FIGURES} } }`,
      {},
      { viewer: admin },
    );
    const companyTop = company.data?.monthlyReport.figures.topCustomers.map((row) => row.customerId) ?? [];
    const teamIds = new Set(listed);
    // The company's top customers include some outside manager2's book.
    expect(companyTop.filter((id) => !teamIds.has(id)).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('who sees and generates reports', () => {
  const LIST =
    '{ monthlyReports(first: 10) { totalCount nodes { month teamManager { email } generatedBy { name } } } }';
  const list = async (viewer: Staff) =>
    db.execute<{
      monthlyReports: { nodes: Array<{ month: string; teamManager: { email: string } | null }> };
    }>(LIST, {}, { viewer });

  it('admins and analysts every report; a manager their team’s and those below them; a rep none', async () => {
    const scopes = async (viewer: Staff) =>
      (await list(viewer)).data?.monthlyReports.nodes.map((node) => node.teamManager?.email ?? 'company');
    const analyst = await db.orm.em.fork().findOneOrFail(Staff, { role: StaffRole.ANALYST });
    expect(new Set(await scopes(admin))).toEqual(new Set(['company', 'manager2@demo.dossier']));
    expect(new Set(await scopes(analyst))).toEqual(new Set(['company', 'manager2@demo.dossier']));
    expect(await scopes(manager2)).toEqual(['manager2@demo.dossier']);
    // manager2 reports to manager: their team is within manager's book.
    expect(await scopes(manager)).toEqual(['manager2@demo.dossier']);
    const refused = await list(rep);
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const company = await db.execute<{ monthlyReport: unknown }>(
      `{ monthlyReport(month: "${MONTH}") { id } }`,
      {},
      { viewer: manager2 },
    );
    expect(company.data?.monthlyReport).toBeNull();
  });

  it('lists reports with their managers and generators in a fixed number of statements', async () => {
    const statements = await db.captureSql(() =>
      list(admin).then((result) => expect(result.data?.monthlyReports.nodes).toHaveLength(2)),
    );
    // The page, its count, and one batch of staff for every teamManager and generatedBy.
    expect(statements).toHaveLength(3);
  });

  it('a manager generates neither the company’s report nor a team above theirs; a rep none; bad months are named', async () => {
    const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      result.errors?.map((error) => [error.extensions?.code, error.extensions?.field ?? null]);
    expect(codes(await generate(manager2))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await generate(manager2, manager))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await generate(rep, null))).toEqual([['FORBIDDEN', null]]);
    const bad = async (month: string) =>
      codes(await db.execute(GENERATE, { month, team: null }, { viewer: admin }));
    expect(await bad('2027-3')).toEqual([['BAD_USER_INPUT', 'month']]);
    expect(await bad('2027-03')).toEqual([['BAD_USER_INPUT', 'month']]);
    expect(codes(await generate(admin, rep))).toEqual([['BAD_USER_INPUT', 'teamManagerId']]);
  });
});
