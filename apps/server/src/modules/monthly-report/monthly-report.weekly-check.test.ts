import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { CHECK, gid, LIST, RETURN, weeklyCheckWorld } from '../weekly-check/weekly-check.fixtures.js';
import { pdfText, xlsxCells } from './monthly-report.fixtures.js';
import { SHEETS } from './monthly-report.xlsx.js';

// The report of June 2026 counts the weekly checks of the weeks starting 1, 8, 15, 22 and 29 June (the
// Mondays in June). 王经理's rep 李明 changes three dossiers in the week of 8 June; 王经理 checks one, sends
// one back and leaves one. 赵经理's rep 陈静 changes one dossier in that week, one in the week of 25 May
// (May's) and one on 1 July (week of 29 June: June's); 赵经理 checks none.
const clock = fixedClock('2026-07-05T02:00:00Z');
const db = await testDatabase({ clock });
const world = await weeklyCheckWorld(db);
const { manager, otherManager, li, chen, admin } = world;
const MONTH = '2026-06';
const WEEK = '2026-06-08';
const MONDAY = fixedClock('2026-06-15T02:00:00Z');
let left: Customer;

const SECTION = `weeklyCheck {
  weeks
  managers { managerId managerName total checked returned unchecked completion }
  total { total checked returned unchecked completion }
}`;
const GENERATE = `mutation ($month: String!, $team: ID) {
  generateMonthlyReport(month: $month, teamManagerId: $team) { id version figures { ${SECTION} } }
}`;

interface Counts {
  total: number;
  checked: number;
  returned: number;
  unchecked: number;
  completion: number | null;
}
interface Report {
  id: string;
  version: number;
  figures: {
    weeklyCheck: { weeks: string[]; managers: Array<Counts & { managerName: string }>; total: Counts };
  };
}

beforeAll(async () => {
  const dossiers = [];
  for (const name of ['天河机电', '华南五金', '珠江贸易']) dossiers.push(await world.customerOf(li, name));
  const [checked, returned, unchecked] = dossiers as [Customer, Customer, Customer];
  left = unchecked;
  // Tuesday 9 June, 10:00 in Beijing.
  for (const [i, customer] of dossiers.entries()) {
    await world.changeAddress(li, customer, `2026-06-09T02:0${i}:00Z`, `广州天河路${i + 1}号`);
  }
  const other = await world.customerOf(chen, '别组公司');
  const may = await world.customerOf(chen, '五月公司');
  const july = await world.customerOf(chen, '七月公司');
  await world.changeAddress(chen, other, '2026-06-10T02:00:00Z', '北京海淀路4号');
  // Sunday 31 May, 10:00 in Beijing: the week of 25 May, whose Monday is in May.
  await world.changeAddress(chen, may, '2026-05-31T02:00:00Z', '北京朝阳路5号');
  // Wednesday 1 July: the week of 29 June, whose Monday is in June.
  await world.changeAddress(chen, july, '2026-07-01T02:00:00Z', '北京东城路6号');

  const verdict = async (mutation: string, customer: Customer, vars: Record<string, string>) => {
    const result = await db.execute(
      mutation,
      { c: gid(customer), week: WEEK, ...vars },
      { viewer: manager, clock: MONDAY },
    );
    expect(result.errors).toBeUndefined();
  };
  await verdict(CHECK, checked, { comment: '已核对' });
  await verdict(RETURN, returned, { request: '请补充开票信息' });
});

async function generate(team: Staff | null, at = clock) {
  const result = await db.execute<{ generateMonthlyReport: Report }>(
    GENERATE,
    { month: MONTH, team: team && toGlobalId('Staff', team.id) },
    { viewer: admin, locale: 'zh-CN', clock: at },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.generateMonthlyReport as Report;
}

async function files(report: Report) {
  const uuid = Buffer.from(report.id, 'base64').toString('utf8').split(':')[1];
  const [row] = await db.orm.em
    .fork()
    .execute<Array<{ pdf: Buffer; xlsx: Buffer }>>('select pdf, xlsx from monthly_report where id = ?', [
      uuid,
    ]);
  if (!row) throw new Error(`report ${report.id} is not stored`);
  return row;
}

const JUNE_WEEKS = ['2026-06-01', '2026-06-08', '2026-06-15', '2026-06-22', '2026-06-29'];
const WANG = { total: 3, checked: 1, returned: 1, unchecked: 1, completion: 2 / 3 };

describe('weekly-check completion in the report of June 2026', () => {
  let team: Report;

  beforeAll(async () => {
    team = await generate(manager);
  }, 120_000);

  it('counts the team’s lists of the weeks starting in June: 3 listed, 1 checked, 1 sent back, 1 left', () => {
    expect(team.figures.weeklyCheck).toEqual({
      weeks: JUNE_WEEKS,
      managers: [{ managerId: toGlobalId('Staff', manager.id), managerName: '王经理', ...WANG }],
      total: WANG,
    });
  });

  it('its XLSX sheet and PDF section read the same, and another team’s manager is in neither', async () => {
    const stored = await files(team);
    const sheet = (await xlsxCells(stored.xlsx))[SHEETS.weeklyCheck] ?? [];
    expect(sheet.slice(0, 3)).toEqual([
      ['经理', '待检查档案', '已检查', '已退回', '未检查', '完成率'],
      ['王经理', 3, 1, 1, 1, 2 / 3],
      ['合计', 3, 1, 1, 1, 2 / 3],
    ]);
    expect(sheet[4]).toEqual(['统计周（周一在本月）', JUNE_WEEKS.join('、')]);
    const text = await pdfText(stored.pdf);
    const section = text.slice(text.indexOf('八、每周档案检查完成情况'));
    // pdf.js reads the table's cells in order, a space between two cells of a line.
    expect(section).toContain(
      '经理 待检查档案 已检查 已退回 未检查 完成率王经理 3 1 1 1 66.7%合计 3 1 1 1 66.7%',
    );
    expect(text).not.toContain('赵经理');
  });

  it('the company’s counts every manager: 赵经理’s dossiers of the weeks of 8 and 29 June, not of 25 May', async () => {
    const company = await generate(null);
    const zhao = { total: 2, checked: 0, returned: 0, unchecked: 2, completion: 0 };
    expect(company.figures.weeklyCheck).toEqual({
      weeks: JUNE_WEEKS,
      managers: [
        { managerId: toGlobalId('Staff', manager.id), managerName: '王经理', ...WANG },
        { managerId: toGlobalId('Staff', otherManager.id), managerName: '赵经理', ...zhao },
      ],
      total: { total: 5, checked: 1, returned: 1, unchecked: 3, completion: 0.4 },
    });
    const text = await pdfText((await files(company)).pdf);
    expect(text).toContain('王经理 3 1 1 1 66.7%赵经理 2 0 0 2 0.0%合计 5 1 1 3 40.0%');
  });

  it('regenerated after the manager checks the last dossier, it still reads 3 / 1 / 1 / 1: frozen', async () => {
    const before = await files(team);
    const late = fixedClock('2026-07-06T02:00:00Z');
    const checked = await db.execute(
      CHECK,
      { c: gid(left), week: WEEK, comment: '补查' },
      { viewer: manager, clock: late },
    );
    expect(checked.errors).toBeUndefined();
    // The manager's page moved on: nothing of that week is unchecked any more.
    const page = await db.execute(LIST, { week: WEEK }, { viewer: manager, clock: late });
    expect(page.data?.weeklyCheck).toMatchObject({ total: 3, checked: 2, returned: 1, unchecked: 0 });

    const again = await generate(manager, late);
    expect(again.version).toBe(2);
    expect(again.figures).toEqual(team.figures);
    const after = await files(again);
    expect((await xlsxCells(after.xlsx))[SHEETS.weeklyCheck]).toEqual(
      (await xlsxCells(before.xlsx))[SHEETS.weeklyCheck],
    );
    expect(after.pdf.equals(before.pdf)).toBe(true);
  });

  it('a report frozen before the section existed keeps its figures and says so in its files', async () => {
    // As a report stored before this section: its figures have no weeklyCheck and are never recollected.
    await db.orm.em
      .fork()
      .execute(`update monthly_report set figures = figures - 'weeklyCheck' where team_manager_id is null`);
    const old = await generate(null, fixedClock('2026-07-07T02:00:00Z'));
    expect(old.figures.weeklyCheck).toBeNull();
    const stored = await files(old);
    expect(await pdfText(stored.pdf)).toContain('八、每周档案检查完成情况（本报告首次生成时尚无此项）');
    const sheet = (await xlsxCells(stored.xlsx))[SHEETS.weeklyCheck] ?? [];
    expect(sheet).toEqual([
      ['经理', '待检查档案', '已检查', '已退回', '未检查', '完成率'],
      [],
      ['（本报告首次生成时尚无此项）'],
    ]);
  });
});
