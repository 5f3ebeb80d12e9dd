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
  customer_id: string;
}

/** A named, active key person of one of the demo rep's customers, with no birthday recorded yet. */
async function repsKeyPerson(): Promise<Target> {
  const [row] = await db.orm.em.fork().execute<Array<Target>>(
    `select kp.id, kp.name, kp.customer_id from key_person kp
       join customer c on c.id = kp.customer_id join staff s on s.id = c.owner_id
     where s.email = ? and kp.active and kp.name is not null and kp.profile_birthday is null
     order by c.code, kp.name limit 1`,
    [DEMO_REP.email],
  );
  if (!row) throw new Error('the demo rep has no key person without a birthday');
  return row;
}

async function stored(id: string) {
  const em = db.orm.em.fork();
  const [row] = await em.execute<Array<{ profile_birthday: string | null }>>(
    'select profile_birthday from key_person where id = ?',
    [id],
  );
  const changes = await em.execute<Array<{ field: string; after: string | null }>>(
    `select fc.field, fc.after from field_change fc join change c on c.id = fc.change_id
     where c.entity_id = ? and fc.field = 'profile.birthday'`,
    [id],
  );
  return { birthday: row?.profile_birthday ?? null, changes };
}

describe.skipIf(!hasChromium)(
  "a rep records a key person's birthday in Chromium on a 1024×768 tablet",
  () => {
    const harness = browserHarness(db.url);
    let target: Target;

    beforeAll(async () => {
      target = await repsKeyPerson();
    });

    it('picks month and day, saves, and still sees the birthday after a reload', async () => {
      const page = await harness.newPage();
      await page.goto(`/customers/${encodeURIComponent(toGlobalId('Customer', target.customer_id))}/people`);
      await signIn(page);
      await page.locator('.pick-list__item', { hasText: target.name }).first().tap();
      const card = page.locator('.profile-card');
      await card.getByRole('heading', { name: target.name, level: 3 }).waitFor();

      await card.getByRole('button', { name: '编辑生日', exact: true }).tap();
      const dialog = page.getByRole('dialog', { name: '编辑生日' });
      await dialog.getByLabel('月', { exact: true }).selectOption({ label: '九月' });
      await dialog.getByLabel('日', { exact: true }).selectOption({ label: '14' });
      await expectNoSeriousAxeViolations(page);
      await dialog.getByRole('button', { name: '保存' }).tap();

      const birthday = card
        .locator('.sheet__row', { has: page.getByText('生日', { exact: true }) })
        .locator('dd');
      await expect.poll(() => birthday.textContent()).toBe('9月14日');
      await screenshot(page, 'birthday-zh-CN');
      await expect
        .poll(() => stored(target.id))
        .toEqual({
          birthday: '09-14',
          changes: [{ field: 'profile.birthday', after: '09-14' }],
        });

      await page.reload();
      await page.locator('.pick-list__item', { hasText: target.name }).first().tap();
      await expect.poll(() => birthday.textContent()).toBe('9月14日');
    });
  },
);
