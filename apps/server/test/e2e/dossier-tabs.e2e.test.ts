import { addMonths, CustomerTier, customerTierLabels, formatCents, parseMoney } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { testDatabase } from '../harness.js';
import { browserHarness, expectNoSeriousAxeViolations, hasChromium, signIn } from './browser-harness.js';

const db = await testDatabase();

interface OpenOrder {
  customer_id: string;
  number: string;
  ordered_at: string;
  open: string;
}

/**
 * An order of one of the demo rep's customers that still has money to pay, among the customer's
 * newest (the tab's first page), the same one every run.
 */
async function openOrderOfTheRep(): Promise<OpenOrder> {
  const [row] = await db.orm.em.getConnection().execute<OpenOrder[]>(
    `select customer_id, number, to_char(ordered_at, 'YYYY-MM-DD') as ordered_at, open
       from (select o.*, (o.total - o.returned_amount - o.paid_amount)::text as open,
                    row_number() over (partition by o.customer_id order by o.ordered_at desc) as recency
               from sales_order o
               join customer c on c.id = o.customer_id
               join staff s on s.id = c.owner_id
              where s.email = 'rep@demo.dossier') recent
      where recency <= 10 and open::numeric >= 100
      order by number
      limit 1`,
  );
  if (!row) throw new Error('the demo company has no open order of rep@demo.dossier');
  return row;
}

describe.skipIf(!hasChromium)('the roles, projects, trade and credit tabs in Chromium', () => {
  const harness = browserHarness(db.url);
  let order: OpenOrder;

  beforeAll(async () => {
    order = await openOrderOfTheRep();
  });

  it('records a payment: the open amount drops, and stays down after a reload', async () => {
    const page = await harness.newPage();
    await page.goto(`/customers/${toGlobalId('Customer', order.customer_id)}/trade`);
    await signIn(page);
    const card = page.getByRole('article', { name: `订单 ${order.number}` });
    const openAmount = card.locator('.amounts__open dd');
    const yuan = (amount: string) =>
      `¥${new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(Number(amount))}`;
    expect(await openAmount.textContent()).toBe(yuan(order.open));

    // The demo may hold bank transfers of its own, before or after the order's date: count ours.
    const ours = card.getByRole('listitem').filter({ hasText: '银行转账' }).filter({ hasText: '¥50.00' });
    const oursBefore = await ours.count();

    await card.getByRole('button', { name: '录入付款' }).tap();
    const dialog = page.getByRole('dialog', { name: `录入订单 ${order.number} 的付款` });
    await expectNoSeriousAxeViolations(page);
    await dialog.getByLabel('付款金额（元）').fill('50.00');
    // The order's own date: never before it, never in the future, whatever the clocks say.
    await dialog.getByLabel('付款日期').fill(order.ordered_at);
    await dialog.getByLabel('付款方式').fill('银行转账');
    await dialog.getByRole('button', { name: '保存' }).tap();
    await dialog.waitFor({ state: 'detached' });

    const left = formatCents(parseMoney(order.open) - 5000n);
    expect(await openAmount.textContent()).toBe(yuan(left));
    await page.reload();
    await card.waitFor();
    expect(await openAmount.textContent()).toBe(yuan(left));
    expect(await ours.count()).toBe(oursBefore + 1);
  });

  it('records a credit report and lists it with its rating and limit', async () => {
    const page = await harness.newPage();
    await page.goto(`/customers/${toGlobalId('Customer', order.customer_id)}/credit`);
    await signIn(page);
    await page.getByRole('button', { name: '录入资信调查报告' }).tap();
    const dialog = page.getByRole('dialog', { name: '录入资信调查报告' });
    await dialog.getByLabel('报告日期').fill(order.ordered_at);
    await dialog.getByLabel('有效期至').fill(addMonths(order.ordered_at, 13));
    await dialog.getByLabel('信用等级').selectOption('BBB');
    await dialog.getByLabel('授信建议（元）').fill('123456.78');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: '保存' }).tap();

    // Thirteen months is longer than a report may be valid: the server says so next to the field.
    const validUntil = dialog.getByLabel('有效期至');
    await dialog.locator('.field__error').waitFor();
    expect(await validUntil.getAttribute('aria-invalid')).toBe('true');

    await validUntil.fill(addMonths(order.ordered_at, 6));
    await dialog.getByRole('button', { name: '保存' }).tap();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row').filter({ hasText: '¥123,456.78' });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('BBB级');
    await page.reload();
    await row.waitFor();
    expect(await row.getByRole('cell').last().textContent()).toBe('魏丽');

    // The history reads the new report as the tab does: labels, rating label, yuan, the author's name.
    await page.getByRole('link', { name: '变更历史' }).tap();
    const created = page
      .locator('.history tbody tr', { hasText: '¥123,456.78' })
      .locator('.field-changes li');
    await created.first().waitFor();
    expect(await created.allTextContents()).toEqual(
      expect.arrayContaining(['信用等级：BBB级', '授信建议：¥123,456.78', '调查人：魏丽']),
    );
  });

  it('a refused "mark reviewed" says what someone else changed in the meantime, by whom', async () => {
    const read = async () => {
      const [row] = await db.orm.em
        .getConnection()
        .execute<Array<{ tier: CustomerTier; reviewed_at: string | null }>>(
          'select tier, reviewed_at from customer where id = ?',
          [order.customer_id],
        );
      return row as { tier: CustomerTier; reviewed_at: string | null };
    };
    const { tier: current } = await read();
    const target = current === CustomerTier.IMPORTANT ? CustomerTier.GENERAL : CustomerTier.IMPORTANT;
    const zh = (tier: CustomerTier) => customerTierLabels[tier]['zh-CN'];
    const started = Date.now();
    const dossier = `/customers/${toGlobalId('Customer', order.customer_id)}/basic`;
    const mine = await harness.newPage();
    await mine.goto(dossier);
    await signIn(mine);
    await mine.getByRole('button', { name: '标记已审阅' }).waitFor();

    const theirs = await harness.newPage();
    await theirs.goto(dossier);
    await signIn(theirs);
    await theirs.getByRole('button', { name: '编辑' }).tap();
    await theirs.getByLabel('档次', { exact: true }).selectOption({ label: zh(target) });
    await theirs.getByRole('button', { name: '保存' }).tap();
    await theirs.getByRole('button', { name: '编辑' }).waitFor();

    await mine.getByRole('button', { name: '标记已审阅' }).tap();
    const conflict = mine.getByRole('alert', { name: '他人已修改此内容：请刷新后重新提交。' });
    const change = conflict.locator('.conflict__changes > ul > li');
    await change.first().waitFor();
    expect(await change.allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^客户档次：${zh(current)} → ${zh(target)} · 魏丽 · 2\\d{3}年`)),
    ]);
    await expectNoSeriousAxeViolations(mine);

    await conflict.getByRole('button', { name: '重新提交我的修改' }).tap();
    await conflict.waitFor({ state: 'detached' });
    await expect
      .poll(async () => Date.parse((await read()).reviewed_at ?? '') || 0)
      .toBeGreaterThanOrEqual(started);
  });

  it('shows the role table and the project log without serious accessibility problems', async () => {
    const page = await harness.newPage();
    const dossier = `/customers/${toGlobalId('Customer', order.customer_id)}`;
    await page.goto(`${dossier}/roles`);
    await signIn(page);
    await page.getByRole('heading', { name: '购买决策中关键人物角色作用表' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.goto(`${dossier}/projects`);
    await page.getByRole('heading', { name: '项目销售记录' }).waitFor();
    await expectNoSeriousAxeViolations(page);
  });
});
