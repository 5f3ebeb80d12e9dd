import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock/clock.js';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { refreshRiskAssessments } from '../../src/modules/risk/risk.refresh.js';
import { testDatabase } from '../harness.js';
import { browserHarness, expectNoSeriousAxeViolations, hasChromium, signIn } from './browser-harness.js';

const db = await testDatabase();
const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);

/** A trading customer of the demo rep with no complaint open too long: the notice starts absent. */
async function calmCustomerOfTheRep(): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `select c.id from customer c
       join staff s on s.id = c.owner_id and s.email = 'rep@demo.dossier'
       join risk_assessment ra on ra.customer_id = c.id
      where c.lifecycle = 'ACTIVE' and not ra.signals @> '[{"code": "COMPLAINT_UNRESOLVED"}]'
      order by c.code limit 1`,
  );
  if (!row) throw new Error('the demo rep has no customer without an unresolved complaint');
  return row.id;
}

const NOTICE = /项客户投诉未结案/;

describe.skipIf(!hasChromium)('the Feedback tab in Chromium', () => {
  const harness = browserHarness(db.url);
  let customerId: string;
  let page: Page;

  beforeAll(async () => {
    customerId = await calmCustomerOfTheRep();
    page = await harness.newPage();
    await page.goto(`/customers/${toGlobalId('Customer', customerId)}/feedback`);
    await signIn(page);
  });

  it('records a complaint; the risk notice shows once it is 8 days old and goes when it is closed', async () => {
    const said = `E2E 投诉：到货包装破损 ${Date.now()}`;
    await page.getByRole('button', { name: '录入投诉' }).tap();
    const dialog = page.getByRole('dialog', { name: '录入投诉' });
    await expectNoSeriousAxeViolations(page);
    await dialog.getByLabel('反馈内容').fill(said);
    await dialog.getByRole('group', { name: '类别' }).getByRole('button', { name: '交货' }).tap();
    await dialog.getByRole('button', { name: '保存' }).tap();
    await dialog.waitFor({ state: 'detached' });
    const card = page.getByRole('article', { name: said });
    await card.waitFor();
    expect(await card.getByRole('listitem').allTextContents()).toEqual([
      '处理中',
      '投诉',
      '一般',
      '交货',
      '电话',
    ]);
    // Received just now: not unresolved too long.
    expect(await page.getByText(NOTICE).count()).toBe(0);

    // Eight days pass (the hourly full refresh re-evaluates the rules that move with the calendar).
    await sql(`update feedback set received_at = now() - interval '8 days' where description = ?`, [said]);
    await refreshRiskAssessments(db.orm.em.fork(), [customerId], { clock: systemClock() });
    await page.reload();
    await expect.poll(() => page.getByText(NOTICE).textContent()).toBe('1 项客户投诉未结案，最早一项已 8 天');

    await card.getByRole('button', { name: '结案' }).tap();
    const closing = page.getByRole('dialog', { name: '填写处理结果并结案' });
    await closing.getByLabel('处理结果').fill('已补发并赔偿运费，客户认可');
    await closing.getByRole('button', { name: '保存' }).tap();
    await closing.waitFor({ state: 'detached' });
    // The closing write answered the customer's risk: no reload needed.
    await expect.poll(() => page.getByText(NOTICE).count()).toBe(0);
    await expect.poll(() => card.getByRole('listitem').first().textContent()).toBe('已结案');
  });

  it('records a survey with a tap per aspect and sees it at the end of the trend', async () => {
    await page.getByRole('button', { name: '录入满意度调查' }).tap();
    const dialog = page.getByRole('dialog', { name: '录入满意度调查' });
    for (const [aspect, score] of [
      ['产品', '5'],
      ['交货', '2'],
      ['服务', '4'],
      ['价格', '3'],
    ] as const) {
      await dialog
        .getByRole('group', { name: `${aspect}评分` })
        .getByRole('button', { name: score })
        .tap();
    }
    await dialog.getByLabel('意见').fill('交期需改进');
    await dialog.getByRole('button', { name: '保存' }).tap();
    await dialog.waitFor({ state: 'detached' });
    const trend = page.getByRole('table', { name: '各项满意度走势（1–5 分）' });
    const last = trend.getByRole('row').last();
    await expect
      .poll(async () => (await last.getByRole('cell').allTextContents()).slice(1))
      .toEqual(['5', '2', '4', '3', '交期需改进', '修改删除']);
    await expect.poll(() => page.getByRole('img', { name: '各项满意度走势（1–5 分）' }).count()).toBe(1);
    // A tablet: every control of the tab is a thumb's tap target.
    const heights = await page
      .locator('.dossier-tab button, .dossier-tab select, .dossier-tab input')
      .evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    expect(heights.filter((h) => h < 40)).toEqual([]);
    await expectNoSeriousAxeViolations(page);
  });

  it('corrects the survey just recorded, then deletes it after confirming in place', async () => {
    const trend = page.getByRole('table', { name: '各项满意度走势（1–5 分）' });
    const last = trend.getByRole('row').last();
    await last.getByRole('button', { name: /^修改 / }).tap();
    const dialog = page.getByRole('dialog', { name: /^修改 .* 的调查$/ });
    await dialog.getByRole('group', { name: '交货评分' }).getByRole('button', { name: '4' }).tap();
    await dialog.getByLabel('意见').fill('交期已改善');
    await dialog.getByRole('button', { name: '保存' }).tap();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await last.getByRole('cell').allTextContents()).slice(1))
      .toEqual(['5', '4', '4', '3', '交期已改善', '修改删除']);
    // Kept: read again from the server.
    await page.reload();
    await expect
      .poll(async () => (await trend.getByRole('row').last().getByRole('cell').allTextContents()).slice(1))
      .toEqual(['5', '4', '4', '3', '交期已改善', '修改删除']);

    await trend
      .getByRole('row')
      .last()
      .getByRole('button', { name: /^删除 / })
      .tap();
    const confirm = page.getByRole('group', { name: /^删除 .* 的调查？$/ });
    await expectNoSeriousAxeViolations(page);
    await confirm.getByRole('button', { name: '删除', exact: true }).tap();
    // At once, and for good: the tab read again after a reload no longer has it.
    await expect.poll(() => page.getByText('交期已改善').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: '客户满意度调查' }).waitFor();
    expect(await page.getByText('交期已改善').count()).toBe(0);
  });
});
