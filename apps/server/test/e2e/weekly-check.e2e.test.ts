import { addDays, previousWeekStart } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../../src/core/clock/clock.js';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { Customer } from '../../src/modules/customer/customer.entity.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';
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

/**
 * The demo rep changes one of their customers' address on Tuesday of last week (the server runs on the
 * real clock, and its weekly check shows the previous week by default), through the API as the app does.
 */
async function repChangesLastTuesday() {
  const em = db.orm.em.fork();
  const rep = await em.findOneOrFail(Staff, { email: DEMO_REP.email }, { populate: ['manager'] });
  const manager = rep.manager?.getEntity();
  if (!manager) throw new Error('the demo rep has no manager');
  const customer = await em.findOneOrFail(Customer, { owner: rep.id }, { orderBy: { code: 'asc' } });
  const tuesday = addDays(previousWeekStart(systemClock().today()), 1);
  const result = await db.execute(
    `mutation ($id: ID!, $v: Int!) {
      updateCustomer(id: $id, expectedVersion: $v, input: { address: "每周检查路1号" }) { id }
    }`,
    { id: toGlobalId('Customer', customer.id), v: customer.version },
    { viewer: rep, clock: fixedClock(`${tuesday}T02:00:00Z`) },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return { customer, manager };
}

describe.skipIf(!hasChromium)('the weekly check in Chromium on a 1024×768 tablet', () => {
  const harness = browserHarness(db.url);

  it('a manager checks a dossier with a comment, and the rep reads it on the dossier', async () => {
    const { customer, manager } = await repChangesLastTuesday();
    const page = await harness.newPage();
    await page.goto('/weekly-check');
    await signIn(page, { email: manager.email, password: DEMO_REP.password });
    await page.getByRole('heading', { name: '每周档案检查', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: customer.name }) });
    await row.getByText('尚未检查').waitFor();
    const unchecked = async () =>
      Number(await page.locator('.weekly-check__counts dd').first().textContent());
    const before = await unchecked();

    const check = row.getByRole('button', { name: '检查通过' });
    expect((await check.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await check.tap();
    await row.getByLabel('评语（可选）').fill('地址已核实');
    await expectNoSeriousAxeViolations(page);
    await row.getByRole('button', { name: '签署并确认' }).tap();
    await row.getByText(`${manager.name} 已检查`).waitFor();
    await expect.poll(unchecked).toBe(before - 1);
    await screenshot(page, 'weekly-check-zh-CN');

    const [stored] = await db.orm.em
      .fork()
      .execute<Array<{ verdict: string; comment: string }>>(
        'select verdict, comment from weekly_check where customer_id = ?',
        [customer.id],
      );
    expect(stored).toEqual({ verdict: 'CHECKED', comment: '地址已核实' });

    const rep = await harness.newPage();
    await rep.goto(`/customers/${encodeURIComponent(toGlobalId('Customer', customer.id))}/basic`);
    await signIn(rep);
    const panel = rep.getByRole('region', { name: '主管每周检查评语' });
    await panel.getByText('地址已核实').waitFor();
    expect(await panel.getByText(`${manager.name} 已检查`).count()).toBe(1);
  });
});
