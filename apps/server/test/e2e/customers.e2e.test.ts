import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_MANAGER,
  DEMO_REP,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

interface RepBook {
  id: string;
  name: string;
  codes: string[];
}

/** The current rep owning the most customers and those customers' codes, read straight from the database. */
async function busiestRep(): Promise<RepBook> {
  const rows = await db.orm.em.fork().execute<Array<{ id: string; name: string; codes: string[] }>>(
    `select s.id, s.name, array_agg(c.code order by c.code) as codes
       from staff s join customer c on c.owner_id = s.id
      where s.role = 'SALES_REP' and s.active and s.email <> ?
      group by s.id, s.name
      order by count(*) desc, s.id
      limit 1`,
    [DEMO_REP.email],
  );
  const [rep] = rows;
  if (!rep) throw new Error('the demo company has no rep with customers');
  return rep;
}

/** Scrolls the list until every row of its total is shown; answers each row's code and owner's name. */
async function allRows(page: Page, total: number): Promise<Array<{ code: string; owner: string }>> {
  const rows = page.locator('.customer-row');
  while ((await rows.count()) < total) {
    const shown = await rows.count();
    await page.getByText('正在加载更多…').scrollIntoViewIfNeeded();
    await rows.nth(shown).waitFor();
  }
  const lines = await page.locator('.customer-row__main .muted').allTextContents();
  return lines.map((line) => {
    const parts = line.split(' · ');
    return { code: parts[0] ?? '', owner: parts.at(-1) ?? '' };
  });
}

const totalShown = async (page: Page) =>
  Number((await page.getByText(/^共 \d+ 个客户$/).textContent())?.match(/\d+/)?.[0]);

interface Target {
  customer: string;
  keyPerson: string;
}

/** One of the rep's own customers and a key person there, asked of the API as the rep. */
async function pickTarget(base: string): Promise<Target> {
  async function post<T>(query: string, token?: string): Promise<T> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ query }),
    });
    return ((await response.json()) as { data: T }).data;
  }
  const { login } = await post<{ login: { token: string; staff: { id: string } } }>(
    `mutation { login(email: "${DEMO_REP.email}", password: "${DEMO_REP.password}") { token staff { id } } }`,
  );
  type Person = { name: string; active: boolean };
  const { customers } = await post<{ customers: { nodes: Array<{ name: string; keyPersons: Person[] }> } }>(
    `{ customers(first: 20, filter: { ownerId: "${login.staff.id}" }) { nodes { name keyPersons { name active } } } }`,
    login.token,
  );
  const customer = customers.nodes.find((c) => c.keyPersons.some((p) => p.active));
  const keyPerson = customer?.keyPersons.find((p) => p.active);
  if (!customer || !keyPerson) throw new Error('the demo rep has no customer with a key person');
  return { customer: customer.name, keyPerson: keyPerson.name };
}

describe.skipIf(!hasChromium)('a rep keeps a dossier in Chromium on a 1024×768 touch tablet', () => {
  const harness = browserHarness(db.url);
  let target: Target;

  beforeAll(async () => {
    target = await pickTarget(harness.base);
  });

  it('finds a customer by a key person, edits the basic sheet, sees it in history, reads it in English', async () => {
    const page = await harness.newPage();
    await page.goto('/');
    await signIn(page);

    // The start page: the rep's own customers, in Chinese.
    await page.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/customers');
    expect(await page.getByLabel('负责销售').inputValue()).toBe('mine');
    await page.locator('.customer-row').first().waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'customers-zh-CN');

    await page.getByLabel('搜索').fill(target.keyPerson);
    await page.waitForURL((url) => url.searchParams.get('q') === target.keyPerson);
    const row = page.locator('.customer-row', { hasText: target.customer });
    await row.tap();

    await page.getByRole('heading', { name: target.customer, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/customers\/[^/]+\/basic$/);
    await page.getByRole('heading', { name: '基本情况' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'dossier-zh-CN');

    await page.getByRole('button', { name: '编辑' }).tap();
    await page.getByLabel('行业').fill('精密仪器 E2E');
    await page.getByRole('button', { name: '保存' }).tap();
    await page.getByRole('button', { name: '编辑' }).waitFor();
    // the term exactly: 行业地位 (industry standing) is a row of the characteristics beside it
    const industry = page.locator('.sheet__row', {
      has: page.getByRole('term').getByText('行业', { exact: true }),
    });
    expect(await industry.locator('dd').textContent()).toBe('精密仪器 E2E');

    await page.getByRole('link', { name: '变更历史' }).tap();
    const change = page.locator('.history tbody tr', { hasText: '精密仪器 E2E' });
    await change.waitFor();
    expect(await change.locator('td').nth(1).textContent()).not.toBe('');
    await page.getByLabel('栏目', { exact: true }).selectOption('people');
    await page.waitForURL((url) => url.searchParams.get('section') === 'people');
    await expect.poll(() => change.count()).toBe(0);
    await page.getByLabel('栏目', { exact: true }).selectOption('basic');
    await change.waitFor();

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'History' }).waitFor();
    await page.getByRole('columnheader', { name: 'When' }).waitFor();
    await page.getByRole('link', { name: 'Basic sheet' }).tap();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await page.locator('.sheet__row dt').first().textContent()).toBe('Name');
    await expectNoSeriousAxeViolations(page);
  });

  it('pages in more customers as the rep scrolls, with touch targets at least 40 px tall', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page);
    await page.locator('.customer-row').first().waitFor();
    const heights = await page
      .locator('.customer-row, select, input, button')
      .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    expect(heights.filter((h) => h < 40)).toEqual([]);

    // 30 rows a page: scrolling to the end of the first page brings the second.
    expect(await page.locator('.customer-row').count()).toBe(30);
    await page.getByText('正在加载更多…').scrollIntoViewIfNeeded();
    await page.locator('.customer-row').nth(30).waitFor();
    const total = Number((await page.getByText(/^共 \d+ 个客户$/).textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(30);
  });

  it("shows a manager exactly one rep's customers when picked as owner, and keeps the pick on reload", async () => {
    const rep = await busiestRep();
    const ownerId = toGlobalId('Staff', rep.id);
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page, DEMO_MANAGER);
    await page.locator('.customer-row').first().waitFor();
    const owner = page.getByLabel('负责销售');
    expect(await owner.inputValue()).toBe('all');
    const everyone = await totalShown(page);

    // Each option names the rep and how many customers they own, as the database counts them.
    const option = `${rep.name}（${rep.codes.length}）`;
    await owner.locator('option', { hasText: option }).waitFor({ state: 'attached' });
    await owner.selectOption({ label: option });
    await page.waitForURL((url) => url.searchParams.get('owner') === ownerId);
    await expect.poll(() => totalShown(page)).toBe(rep.codes.length);
    expect(rep.codes.length).toBeLessThan(everyone);
    await screenshot(page, 'customers-by-owner');

    const expectTheRepsBook = async () => {
      const rows = await allRows(page, rep.codes.length);
      expect(rows.map((row) => row.code).sort()).toEqual(rep.codes);
      expect(new Set(rows.map((row) => row.owner))).toEqual(new Set([rep.name]));
    };
    await expectTheRepsBook();
    await expectNoSeriousAxeViolations(page);

    await page.reload();
    await page.locator('.customer-row').first().waitFor();
    expect(new URL(page.url()).searchParams.get('owner')).toBe(ownerId);
    await expect.poll(() => owner.inputValue()).toBe(ownerId);
    expect(await totalShown(page)).toBe(rep.codes.length);
    await expectTheRepsBook();
  });
});
