import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { EXPECTED_SCORES_SQL } from '../../src/modules/account-coverage/account-coverage.fixtures.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_MANAGER,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

interface ClassSummary {
  class: string;
  customers: number;
  revenue: string;
}

/** The API as the manager, asked apart from the page: what the dashboard must show. */
async function managerApi(base: string) {
  async function post<T>(query: string, variables: object = {}, token?: string): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  const { login } = await post<{ login: { token: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    DEMO_MANAGER,
  );
  return {
    classes: async (input?: { from: string; to: string }) =>
      (
        await post<{ abcClassification: { classes: ClassSummary[] } }>(
          'query ($input: AbcInput) { abcClassification(input: $input) { classes { class customers revenue } } }',
          { input },
          login.token,
        )
      ).abcClassification.classes,
    movements: async () =>
      (
        await post<{
          abcClassification: { movements: Array<{ from: string | null; to: string; customers: number }> };
        }>('{ abcClassification { movements { from to customers } } }', {}, login.token)
      ).abcClassification.movements,
    /** How many customers moved `way` (UP, or DOWN with the lost ones) in the default period. */
    movers: async (way: 'UP' | 'DOWN') =>
      (
        await post<{ abcClassification: { customers: { totalCount: number } } }>(
          'query ($way: AbcMovementWay) { abcClassification { customers(movement: $way, first: 0) { totalCount } } }',
          { way },
          login.token,
        )
      ).abcClassification.customers.totalCount,
    /** Share of wallet per competitor in the default period, most revenue at stake first. */
    wallet: async () =>
      (
        await post<{
          competitorShareOfWallet: {
            competitors: Array<{
              competitor: { id: string; name: string };
              customers: number;
              revenueAtStake: string;
            }>;
          };
        }>(
          '{ competitorShareOfWallet { competitors { competitor { id name } customers revenueAtStake } } }',
          {},
          login.token,
        )
      ).competitorShareOfWallet.competitors,
    /** The first `first` risk customers at `minLevel` or above (all: 200 is the API's page limit). */
    riskCustomers: async (
      minLevel: string,
      first = 100,
      filters: { signals?: string[]; ownerId?: string; region?: string[] } = {},
    ) =>
      (
        await post<{
          riskCustomers: {
            nodes: Array<{ id: string; name: string; code: string; owner: { id: string } | null }>;
          };
        }>(
          `query ($minLevel: RiskLevel, $first: Int, $signals: [RiskCode!], $ownerId: ID, $region: [String!]) {
            riskCustomers(minLevel: $minLevel, first: $first, signals: $signals, ownerId: $ownerId, region: $region) {
              nodes { id name code owner { id } }
            }
          }`,
          { minLevel, first, ...filters },
          login.token,
        )
      ).riskCustomers.nodes,
  };
}

type Api = Awaited<ReturnType<typeof managerApi>>;

/** Taps the download button inside `within` and reads the file's first sheet, row by row. */
async function downloadSheet(within: Locator, fileName?: string): Promise<unknown[][]> {
  const [download] = await Promise.all([
    within.page().waitForEvent('download'),
    within.getByRole('button', { name: '下载 XLSX' }).tap(),
  ]);
  if (fileName) expect(download.suggestedFilename()).toBe(fileName);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error('the download has no worksheet');
  return Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
}

type CoverageRow = [owner: string, customers: number, ...scores: number[]];

/**
 * The coverage table as counted straight from the tables: the test's own score of every customer
 * (EXPECTED_SCORES_SQL, written apart from the server's rule), grouped by owner. `average` is
 * rounded to two decimals as the page shows it.
 */
async function expectedCoverage(): Promise<CoverageRow[]> {
  const rows = await db.orm.em.fork().execute<
    Array<{
      owner: string | null;
      customers: number;
      s0: number;
      s1: number;
      s2: number;
      s3: number;
      average: number;
    }>
  >(`
    select s.name as owner, count(*)::int as customers,
      count(*) filter (where e.score = 0)::int as s0, count(*) filter (where e.score = 1)::int as s1,
      count(*) filter (where e.score = 2)::int as s2, count(*) filter (where e.score = 3)::int as s3,
      avg(e.score)::float8 as average
    from (${EXPECTED_SCORES_SQL}) e left join staff s on s.id = e.owner_id
    group by s.id, s.name`);
  return rows.map((r) => [
    r.owner ?? '无负责人',
    r.customers,
    r.s0,
    r.s1,
    r.s2,
    r.s3,
    Math.round(r.average * 100) / 100,
  ]);
}

const byOwner = (a: CoverageRow, b: CoverageRow) => a[0].localeCompare(b[0]);

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

/** Each class card shows the API's customers and revenue (compared as digits, whatever the format). */
async function expectCardsToShow(page: Page, classes: ClassSummary[]) {
  for (const c of classes) {
    const card = page.locator(`.abc-card[data-class="${c.class}"]`);
    await expect
      .poll(async () => digits(await card.locator('.abc-card__figure').textContent()), { timeout: 10_000 })
      .toBe(String(c.customers));
    expect(digits(await card.textContent())).toContain(digits(c.revenue));
  }
}

describe.skipIf(!hasChromium)(
  'a manager watches both ends on the dashboard, on a 1024×768 touch tablet',
  () => {
    const harness = browserHarness(db.url);
    let api: Api;

    beforeAll(async () => {
      api = await managerApi(harness.base);
    });

    it('shows the classes, Pareto bands, movements and risks as the API computes them', async () => {
      const page = await harness.newPage();
      await page.goto('/');
      await signIn(page, DEMO_MANAGER);
      await page.getByRole('link', { name: '经营看板' }).tap();
      await page.getByRole('heading', { name: '经营看板', level: 1 }).waitFor();

      const defaultClasses = await api.classes();
      expect(defaultClasses.map((c) => c.class)).toEqual(['A', 'B', 'C']);
      expect(defaultClasses.every((c) => c.customers > 0)).toBe(true);
      await expectCardsToShow(page, defaultClasses);

      // The Pareto chart: bars and line drawn, the three bands named on the chart and listed beside it.
      const chart = page.getByRole('img', { name: /帕累托图/ });
      await chart.locator('svg text', { hasText: 'A类客户' }).waitFor();
      expect(await chart.locator('svg path').count()).toBeGreaterThan(50);
      const chartText = await chart.locator('svg text').allTextContents();
      for (const name of ['A类客户', 'B类客户', 'C类客户']) expect(chartText).toContain(name);
      expect(
        await page.locator('.pareto__bands tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.class)),
      ).toEqual(['A', 'B', 'C']);

      // Movements: a from/to matrix of the four previous states by three classes.
      const matrix = page.getByRole('table', { name: /上一个等长期间的类别/ });
      expect(await matrix.locator('tbody tr').count()).toBe(4);
      expect(await matrix.locator('tbody td').count()).toBe(12);
      const matrixSheet = await downloadSheet(page.locator('.movements'));
      expect(matrixSheet[0]).toEqual(['上期类别', '现 A类客户', '现 B类客户', '现 C类客户']);
      const fromNames: Record<string, string> = { A: '原 A类客户', B: '原 B类客户', C: '原 C类客户' };
      for (const m of await api.movements()) {
        const row = matrixSheet.find((r) => r[0] === (m.from ? fromNames[m.from] : '新客户'));
        expect(row?.[['A', 'B', 'C'].indexOf(m.to) + 1]).toBe(m.customers);
      }

      // The fast-growing customers: as many as the matrix counts moving up, each in a better class now.
      const movedUp = Number(digits(await page.locator('.moved--up').textContent()));
      expect(movedUp).toBeGreaterThan(0);
      const risers = page.getByRole('table', { name: '成长快的客户：类别上升' });
      expect(await risers.locator('tbody tr').count()).toBe(Math.min(movedUp, 10));
      const classes = await risers
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [r.children[4]?.textContent, r.children[5]?.textContent]));
      for (const [now, before] of classes) expect(`${now}`.localeCompare(`${before}`)).toBe(-1);
      expect(await api.movers('UP')).toBe(movedUp);
      // The fallers, lost customers among them: the page shows 10, the file holds every one, best ranked first.
      const fallers = await api.movers('DOWN');
      expect(fallers).toBeGreaterThan(10);
      const fallersTable = page.getByRole('table', { name: /^下滑或丢失的客户/ });
      expect(await fallersTable.locator('tbody tr').count()).toBe(10);
      const [, ...fallerRows] = await downloadSheet(page.locator('.data-table', { has: fallersTable }));
      const ranks = fallerRows.map((row) => Number(row[0]));
      expect(ranks).toHaveLength(fallers);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

      // Risk customers: the API's riskiest first.
      const risky = await api.riskCustomers('LOW');
      expect(risky.length).toBeGreaterThan(0);
      const riskTable = page.getByRole('table', { name: '风险客户' });
      expect(await riskTable.locator('tbody tr').first().locator('a').textContent()).toBe(risky[0]?.name);
      expect(await riskTable.locator('tbody tr').count()).toBe(risky.length);
      // The demo company has more than one page of risk customers: the next page follows on request.
      const twoPages = await api.riskCustomers('LOW', 200);
      expect(twoPages.length).toBeGreaterThan(100);
      await page.getByRole('button', { name: '显示更多风险客户' }).tap();
      await expect
        .poll(() => riskTable.locator('tbody tr a').allTextContents(), { timeout: 10_000 })
        .toEqual(twoPages.map((c) => c.name));
      await expectNoSeriousAxeViolations(page);

      // Touch: every control and link on the page at least 40 px tall.
      const heights = await page
        .locator('.dashboard select, .dashboard button, .dashboard a')
        .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
      expect(heights.filter((h) => h < 40)).toEqual([]);
    });

    it('counts decision-maker coverage per rep as the database does, on the page and in the file', async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const table = page.getByRole('table', { name: '决策者覆盖' });
      await table.waitFor();

      const expected = (await expectedCoverage()).sort(byOwner);
      // The demo company spreads over several reps and scores: a table that could not be wrong is no test.
      expect(expected.length).toBeGreaterThan(2);
      const scoresSeen = [2, 3, 4, 5].filter((column) => expected.some((row) => Number(row[column]) > 0));
      expect(scoresSeen.length).toBeGreaterThan(1);

      const shown = await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
      expect(
        shown
          .map(
            ([owner, ...figures]): CoverageRow =>
              [owner ?? '', ...figures.map((f) => Number(f.replace(/,/g, '')))] as CoverageRow,
          )
          .sort(byOwner),
      ).toEqual(expected);

      const [header, ...rows] = await downloadSheet(
        page.locator('.data-table', { has: table }),
        'decision-maker-coverage.xlsx',
      );
      expect(header).toEqual(['负责人', '客户数', '0 分', '1 分', '2 分', '3 分', '平均分']);
      expect((rows as CoverageRow[]).sort(byOwner)).toEqual(expected);
      await page
        .getByText('已知决策者，但有决策者未覆盖（与我方在职员工无“积极的”关系）', { exact: true })
        .waitFor();
    });

    it('lists the A and B customers whose decision makers are not covered, as the database does', async () => {
      // The test's own scores (EXPECTED_SCORES_SQL), A and B customers under 3, by ABC rank.
      const uncovered = (ownerName?: string) =>
        db.orm.em.fork().execute<Array<{ id: string; name: string; owner: string | null }>>(
          `select c.id, c.name, s.name as owner from (${EXPECTED_SCORES_SQL}) e
           join customer c on c.id = e.id join abc_grade g on g.customer_id = c.id
           left join staff s on s.id = c.owner_id
           where e.class in ('A', 'B') and e.score < 3 ${ownerName ? 'and s.name = ?' : ''}
           order by g.rank, c.id`,
          ownerName ? [ownerName] : [],
        );
      const expected = await uncovered();
      expect(expected.length).toBeGreaterThan(0);
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const list = page.getByRole('table', { name: '决策者未覆盖的 A、B 类客户' });
      const names = () => list.locator('tbody tr td:first-child').allTextContents();
      await expect.poll(names, { timeout: 10_000 }).toEqual(expected.slice(0, 50).map((c) => c.name));

      // A rep's name in the coverage table narrows the list to that rep's customers.
      const rep = expected.find((c) => c.owner)?.owner ?? '';
      await page
        .getByRole('table', { name: '决策者覆盖' })
        .getByRole('link', { name: rep, exact: true })
        .tap();
      await page.waitForURL((url) => url.searchParams.has('coverageOwner'));
      const theirs = await uncovered(rep);
      expect(theirs.length).toBeLessThan(expected.length);
      await expect.poll(names, { timeout: 10_000 }).toEqual(theirs.slice(0, 50).map((c) => c.name));

      // A row opens that customer's dossier.
      const first = theirs[0];
      const dossier = `/customers/${encodeURIComponent(toGlobalId('Customer', first?.id ?? ''))}/basic`;
      await list.getByRole('link', { name: first?.name, exact: true }).tap();
      await page.waitForURL((url) => url.pathname === dossier);
      await page.getByRole('heading', { name: first?.name, level: 1 }).waitFor();
    });

    it('breaks revenue down by region and opens the customers behind a region', async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      await page.getByRole('button', { name: '地区构成' }).tap();
      await page.waitForURL((url) => url.searchParams.get('by') === 'REGION');
      const table = page.getByRole('table', { name: '销售额：地区构成' });
      await table.waitFor();

      // Every region's revenue adds up to the period's revenue in the head of the page, to the cent.
      const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((r) => [...r.children].map((c) => c.textContent ?? '')));
      expect(rows.length).toBeGreaterThan(2);
      // The head reads "<from> – <to> · 销售额 ¥…": the amount is what follows the last dot.
      const head = (await page.locator('.dashboard__head p').textContent()) ?? '';
      const total = cents(head.slice(head.lastIndexOf('·')));
      expect(total).toBeGreaterThan(0);
      expect(rows.reduce((sum, [, revenue]) => sum + cents(revenue ?? ''), 0)).toBe(total);

      // The file has the table's columns and rows, named by dimension and period.
      const [period] = await db.orm.em
        .fork()
        .execute<Array<{ from: string; to: string }>>(
          `select period_from::text as "from", period_to::text as "to" from analytics_snapshot`,
        );
      const [header, ...sheet] = await downloadSheet(
        page.locator('section', { has: table }),
        `composition_REGION_${period?.from}_${period?.to}.xlsx`,
      );
      expect(header).toEqual(await table.locator('thead th').allTextContents());
      expect(sheet.map((r) => r[0])).toEqual(rows.map((r) => r[0]));
      expect(sheet.reduce((sum, r) => sum + Math.round(Number(r[1]) * 100), 0)).toBe(total);

      // The first region opens the customer list of those who ordered there in the period.
      const [region, , , shownCustomers] = rows[0] ?? [];
      await table.getByRole('link', { name: region }).tap();
      await page.waitForURL(
        (url) => url.pathname === '/customers' && url.searchParams.get('orderRegion') === region,
      );
      await page.getByTestId('ordered-filter').getByText(`销售区域 ${region}`).waitFor();
      const [expected] = await db.orm.em.fork().execute<Array<{ n: number }>>(
        `select count(distinct o.customer_id)::int as n
         from sales_order o join customer c on c.id = o.customer_id, analytics_snapshot s
         where o.ordered_at between s.period_from and s.period_to
           and case when o.region is null then c.region else o.region end = ?
           and exists (select 1 from order_line l where l.order_id = o.id)`,
        [region],
      );
      expect(expected?.n).toBeGreaterThan(0);
      expect(Number(digits(shownCustomers ?? ''))).toBe(expected?.n);
      await page.getByText(`共 ${expected?.n} 个客户`).waitFor();
    });

    it("shows a row per rep whose customers are the database's, in the file too, and opens a rep's list", async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const table = page.getByRole('table', { name: '团队' });
      await table.waitFor();

      // Counted straight from the tables: the owners of customers, and every active rep (with none: 0).
      const expected = await db.orm.em
        .fork()
        .execute<Array<{ id: string | null; name: string; customers: number }>>(`
        select s.id, coalesce(s.name, '无负责人') as name, count(c.id)::int as customers
        from customer c full join staff s on s.id = c.owner_id
        where c.id is not null or (s.active and s.role = 'SALES_REP')
        group by s.id, s.name`);
      const reps = await db.orm.em
        .fork()
        .execute<Array<{ name: string }>>(`select name from staff where active and role = 'SALES_REP'`);
      expect(reps.length).toBeGreaterThan(2);
      const want = expected
        .map((r): [string, number] => [r.name, r.customers])
        .sort(([a], [b]) => a.localeCompare(b));
      expect(want.map(([name]) => name)).toEqual(expect.arrayContaining(reps.map((r) => r.name)));

      const shown = await table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [r.children[0]?.textContent ?? '', r.children[1]?.textContent ?? '']),
        );
      expect(
        shown
          .map(([name, n]): [string, number] => [name ?? '', Number(digits(n ?? ''))])
          .sort(([a], [b]) => a.localeCompare(b)),
      ).toEqual(want);
      const [header, ...rows] = await downloadSheet(page.locator('section', { has: table }));
      expect(header?.slice(0, 2)).toEqual(['销售', '客户数']);
      await table.scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-team');
      expect(rows.map((r) => [r[0], r[1]]).sort(([a], [b]) => `${a}`.localeCompare(`${b}`))).toEqual(want);

      // The busiest rep's name opens the customer list of that rep, as many customers as the table counts.
      const busiest = expected.filter((r) => r.id).sort((a, b) => b.customers - a.customers)[0];
      await table.getByRole('link', { name: busiest?.name, exact: true }).tap();
      await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.has('owner'));
      await page.getByText(`共 ${busiest?.customers} 个客户`).waitFor();
    });

    it("shows the demo's competitors as the API ranks them and opens the customers where one is present", async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const table = page.getByRole('table', { name: '竞争对手：钱包份额' });
      await table.waitFor();

      const expected = await api.wallet();
      const names = await db.orm.em.fork().execute<Array<{ name: string }>>(`select name from competitor`);
      expect(expected.map((r) => r.competitor.name).sort()).toEqual(names.map((r) => r.name).sort());
      const shown = await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));
      expect(shown.map((r) => [r[0], Number(digits(r[1] ?? '')), digits(r[4] ?? '')])).toEqual(
        expected.map((r) => [r.competitor.name, r.customers, digits(r.revenueAtStake)]),
      );
      expect(
        await page.getByRole('img', { name: '各竞争对手涉及金额' }).locator('svg text').allTextContents(),
      ).toEqual(expect.arrayContaining(expected.map((r) => r.competitor.name)));

      // The first competitor opens the customer list narrowed to it: as many customers as the database holds.
      const [first] = expected;
      await table.getByRole('link', { name: first?.competitor.name, exact: true }).tap();
      await page.waitForURL(
        (url) => url.pathname === '/customers' && url.searchParams.get('competitor') === first?.competitor.id,
      );
      const [present] = await db.orm.em.fork().execute<Array<{ n: number }>>(
        `select count(distinct cc.customer_id)::int as n
         from customer_competitor cc join competitor k on k.id = cc.competitor_id where k.name = ?`,
        [first?.competitor.name],
      );
      expect(present?.n).toBe(first?.customers);
      await page.getByText(`共 ${present?.n} 个客户`).waitFor();
    });

    it('narrows the risk table by signal and owner, as the API filters, kept in the URL', async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard?signal=OVERDUE_RECEIVABLE');
      await signIn(page, DEMO_MANAGER);
      const riskTable = page.getByRole('table', { name: '风险客户' });
      const names = () => riskTable.locator('tbody tr a').allTextContents();

      const overdue = await api.riskCustomers('LOW', 200, { signals: ['OVERDUE_RECEIVABLE'] });
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThan((await api.riskCustomers('LOW', 200)).length);
      expect(await page.getByLabel('风险类型').inputValue()).toBe('OVERDUE_RECEIVABLE');
      await expect.poll(names, { timeout: 10_000 }).toEqual(overdue.slice(0, 100).map((c) => c.name));

      // The owner of the first overdue customer: the table keeps that rep's overdue customers only.
      const ownerId = overdue.find((c) => c.owner)?.owner?.id ?? '';
      await page.getByLabel('负责人', { exact: true }).selectOption(ownerId);
      await page.waitForURL((url) => url.searchParams.get('owner') === ownerId);
      const theirs = await api.riskCustomers('LOW', 200, { signals: ['OVERDUE_RECEIVABLE'], ownerId });
      expect(theirs.length).toBeLessThan(overdue.length);
      await expect.poll(names, { timeout: 10_000 }).toEqual(theirs.map((c) => c.name));

      // Any signal again: the rep's every risk customer.
      await page.getByLabel('风险类型').selectOption('');
      await page.waitForURL((url) => !url.searchParams.has('signal'));
      const allTheirs = await api.riskCustomers('LOW', 200, { ownerId });
      expect(allTheirs.length).toBeGreaterThan(theirs.length);
      await expect.poll(names, { timeout: 10_000 }).toEqual(allTheirs.slice(0, 100).map((c) => c.name));
    });

    it('follows the period picked, keeps it in the URL, and opens the list of a class', async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const defaultClasses = await api.classes();
      await expectCardsToShow(page, defaultClasses);

      // Another period: every figure follows, and the URL holds it.
      const picker = page.getByLabel('期间');
      const year = await picker.locator('option').nth(2).getAttribute('value');
      expect(year).toMatch(/^\d{4}$/);
      await picker.selectOption(year ?? '');
      await page.waitForURL((url) => url.searchParams.get('period') === year);
      const yearClasses = await api.classes({ from: `${year}-01-01`, to: `${year}-12-31` });
      expect(yearClasses).not.toEqual(defaultClasses);
      await expectCardsToShow(page, yearClasses);
      await page.reload();
      await expectCardsToShow(page, yearClasses);

      // A class card opens the customer list filtered by that class (the default period's).
      await picker.selectOption('');
      await page.locator('.abc-card[data-class="A"] a').tap();
      await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('abc') === 'A');
    });

    it('downloads the risk table as filtered, opens a dossier from a row, and reads in English', async () => {
      const page = await harness.newPage();
      await page.goto('/dashboard');
      await signIn(page, DEMO_MANAGER);
      const riskTable = page.getByRole('table', { name: '风险客户' });
      await riskTable.waitFor();

      await page.getByLabel('最低风险等级').selectOption('HIGH');
      await page.waitForURL((url) => url.searchParams.get('risk') === 'HIGH');
      const high = await api.riskCustomers('HIGH');
      expect(high.length).toBeGreaterThan(0);
      expect(high.length).toBeLessThan((await api.riskCustomers('LOW')).length);
      await expect.poll(() => riskTable.locator('tbody tr').count(), { timeout: 10_000 }).toBe(high.length);

      const [header, ...rows] = await downloadSheet(
        page.locator('section', { has: riskTable }),
        'risk-customers_HIGH.xlsx',
      );
      expect(header).toEqual(['客户', '编号', '负责人', '区域', '风险等级', '风险原因']);
      expect(rows.map((row) => row.slice(0, 2))).toEqual(high.map((c) => [c.name, c.code]));

      // A row opens that customer's dossier.
      const first = high[0];
      await riskTable.getByRole('link', { name: first?.name }).first().tap();
      await page.waitForURL(
        (url) => url.pathname === `/customers/${encodeURIComponent(first?.id ?? '')}/basic`,
      );
      await page.getByRole('heading', { name: first?.name, level: 1 }).waitFor();

      await page.goBack();
      await page.getByLabel('语言').selectOption('en');
      await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'Movements since the previous period' }).waitFor();
      await page
        .getByRole('table', { name: 'Risk customers' })
        .getByRole('columnheader', { name: 'Reasons' })
        .waitFor();
      await page
        .getByRole('img', { name: /Pareto chart/ })
        .locator('svg text', { hasText: 'Class A' })
        .first()
        .waitFor();
      await expectNoSeriousAxeViolations(page);
      await screenshot(page, 'dashboard-en');
    });
  },
);
