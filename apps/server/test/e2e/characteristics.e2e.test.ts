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

interface Target {
  id: string;
  name: string;
}

/** One of the demo rep's customers with no capital strength recorded yet. */
async function repsCustomer(): Promise<Target> {
  const [row] = await db.orm.em.fork().execute<Array<Target>>(
    `select c.id, c.name from customer c join staff s on s.id = c.owner_id
     where s.email = ? and c.capital_strength is null order by c.code limit 1`,
    [DEMO_REP.email],
  );
  if (!row) throw new Error('the demo rep has no customer without a capital strength');
  return row;
}

/** What the customer's row holds, and the change history's record of the two fields. */
async function stored(id: string) {
  const em = db.orm.em.fork();
  const [row] = await em.execute<Array<{ capital_strength: string | null; service_area: string | null }>>(
    'select capital_strength, service_area from customer where id = ?',
    [id],
  );
  const changes = await em.execute<Array<{ field: string; after: string | null }>>(
    `select fc.field, fc.after from field_change fc join change c on c.id = fc.change_id
     where c.entity_id = ? and fc.field like 'characteristics.%' order by fc.field`,
    [id],
  );
  return { row, changes };
}

describe.skipIf(!hasChromium)(
  'a rep records customer characteristics in Chromium on a 1024×768 tablet',
  () => {
    const harness = browserHarness(db.url);
    let target: Target;

    beforeAll(async () => {
      target = await repsCustomer();
    });

    it('fills two characteristics on the basic sheet, sees them kept and finds the customer by one', async () => {
      const page = await harness.newPage();
      await page.goto(`/customers/${encodeURIComponent(toGlobalId('Customer', target.id))}/basic`);
      await signIn(page);
      await page.getByRole('heading', { name: target.name, level: 1 }).waitFor();

      await page.getByRole('button', { name: '修改特征', exact: true }).tap();
      const form = page.getByRole('form', { name: '编辑客户特征' });
      await form.getByLabel('资金实力').selectOption({ label: '强' });
      await form.getByLabel('服务区域').fill('长三角');
      await expectNoSeriousAxeViolations(page);
      await form.getByRole('button', { name: '保存' }).tap();

      const sheet = page.getByRole('region', { name: '客户特征' });
      const row = (term: string) =>
        sheet.locator('.sheet__row', { has: page.getByText(term, { exact: true }) });
      await expect.poll(() => row('资金实力').locator('dd').textContent()).toBe('强');
      expect(await row('服务区域').locator('dd').textContent()).toBe('长三角');
      await screenshot(page, 'characteristics-zh-CN');
      expect(await stored(target.id)).toEqual({
        row: { capital_strength: 'HIGH', service_area: '长三角' },
        changes: [
          { field: 'characteristics.capitalStrength', after: 'HIGH' },
          { field: 'characteristics.serviceArea', after: '长三角' },
        ],
      });

      // The list's characteristics filter finds it, and every customer it lists has a strong capital.
      await page.goto('/customers');
      await page.locator('.customer-row').first().waitFor();
      await page.locator('.filters__more summary').tap();
      await page.locator('.filters__more').getByLabel('资金实力').selectOption({ label: '强' });
      await page.waitForURL(/capitalStrength=HIGH/);
      const strong = new Set(
        (
          await db.orm.em
            .fork()
            .execute<Array<{ name: string }>>(`select name from customer where capital_strength = 'HIGH'`)
        ).map((row) => row.name),
      );
      // The rows the filtered list settles on: the customer just graded, and only strong ones.
      const notStrong = async () =>
        (await page.locator('.customer-row__name').allTextContents()).filter((name) => !strong.has(name));
      await expect.poll(notStrong).toEqual([]);
      expect(await page.locator('.customer-row__name').allTextContents()).toContain(target.name);
    });
  },
);
