import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_REP,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

/** A dossier just opened for the demo rep: a name and an owner, nothing else. */
async function thinDossier(): Promise<string> {
  const [row] = await db.orm.em.fork().execute<Array<{ id: string }>>(
    `insert into customer (id, code, name, nature, owner_id)
     select gen_random_uuid(), 'THIN-E2E', '薄档案测试客户', 'COMPANY', s.id from staff s where s.email = ?
     returning id`,
    [DEMO_REP.email],
  );
  return toGlobalId('Customer', row?.id as string);
}

const badge = (page: Page) => page.locator('.dossier__header summary .completeness');

/** The scores of the list's rows, top to bottom. */
const rowScores = async (page: Page) =>
  (await page.locator('.customer-row .completeness').allTextContents()).map((text) =>
    Number.parseInt(text, 10),
  );

/** Whether the scores run up (1) or down (-1) the page, and not all the same. */
const inOrder = (scores: number[], way: 1 | -1) =>
  scores.length > 5 &&
  scores.every((score, i) => i === 0 || (score - (scores[i - 1] ?? 0)) * way >= 0) &&
  new Set(scores).size > 1;

describe.skipIf(!hasChromium)('a rep completes a thin dossier in Chromium on a 1024×768 touch tablet', () => {
  const harness = browserHarness(db.url);
  let customerId: string;

  beforeAll(async () => {
    customerId = await thinDossier();
  });

  it('reads the badge and checklist, follows a link, fills an item and sees the score rise', async () => {
    const page = await harness.newPage();
    await page.goto(`/customers/${encodeURIComponent(customerId)}/basic`);
    await signIn(page);
    await page.getByRole('heading', { name: '薄档案测试客户', level: 1 }).waitFor();

    // An owner (4) and a review within the interval, the dossier being new (10): 14 of 100.
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('档案完整度 14 分（满分 100）');
    await page.locator('.dossier__header summary').tap();
    const checklist = page.getByRole('list', { name: '缺项清单' });
    await checklist.waitFor();
    expect(await checklist.getByRole('link').allTextContents()).toEqual([
      '未填写行业 · 基本情况',
      '未填写销售区域 · 基本情况',
      '未填写地址 · 基本情况',
      '未填写电话 · 基本情况',
      '未填写法定代表人 · 基本情况',
      '客户特征未填全 · 客户特征',
      '没有关键人物 · 关键人物',
      '未确定决策者 · 关系图',
      '没有资信调查报告 · 资信',
      '未记录竞争对手 · 竞争对手',
    ]);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'completeness-checklist-zh-CN');

    // Each item leads to where it is filled in: no key person, to the key persons tab.
    await checklist.getByRole('link', { name: /没有关键人物/ }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/people'));
    expect(await checklist.isVisible()).toBe(false);

    await page.locator('.dossier__header summary').tap();
    await checklist.getByRole('link', { name: /未填写电话/ }).tap();
    await page.waitForURL((url) => url.pathname.endsWith('/basic'));
    await page.getByRole('button', { name: '编辑', exact: true }).tap();
    await page.getByLabel('电话').fill('021-5555 0101');
    await page.getByRole('button', { name: '保存' }).tap();
    await page.getByRole('button', { name: '编辑', exact: true }).waitFor();

    // The phone is worth 4: the badge reads the new score without a reload.
    await expect.poll(() => badge(page).getAttribute('aria-label')).toBe('档案完整度 18 分（满分 100）');
    await page.locator('.dossier__header summary').tap();
    expect(await checklist.getByRole('link', { name: /未填写电话/ }).count()).toBe(0);
  });

  it('sorts the customer list by completeness, least complete first, then most', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page);
    await page.locator('.customer-row').first().waitFor();

    await page.getByLabel('排序').selectOption('COMPLETENESS');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'COMPLETENESS');
    await expect.poll(async () => inOrder(await rowScores(page), 1)).toBe(true);
    const ascending = await rowScores(page);

    await page.getByLabel('顺序').selectOption('DESC');
    await page.waitForURL((url) => url.searchParams.get('dir') === 'DESC');
    await expect.poll(async () => inOrder(await rowScores(page), -1)).toBe(true);
    const descending = await rowScores(page);
    expect(descending[0]).toBeGreaterThan(ascending[0] ?? 100);
    await screenshot(page, 'customers-by-completeness');
  });
});
