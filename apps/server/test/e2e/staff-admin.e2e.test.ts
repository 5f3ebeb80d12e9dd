import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_ADMIN,
  expectCellsFillTheirRows,
  expectNoSeriousAxeViolations,
  hasChromium,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

describe.skipIf(!hasChromium)('staff administration in Chromium', () => {
  const harness = browserHarness(db.url);

  it('an admin creates a staff member, who then signs in', async () => {
    const admin = await harness.newPage({ locale: 'en-US' });
    await admin.goto('/customers');
    await signIn(admin, DEMO_ADMIN);
    const nav = admin.getByRole('navigation', { name: 'Main' });
    // The team's pages (weekly check, staff) share one menu button: the group's menu loads after the page.
    await nav.locator('button:enabled', { hasText: 'Team' }).click();
    await nav.getByRole('menuitem', { name: 'Staff' }).click();
    await admin.getByRole('heading', { name: 'Staff' }).waitFor();
    // Issue 12: the admin sees the backups' state; this server has no DOSSIER_BACKUP_CRON.
    const backups = admin.getByRole('region', { name: 'Backups' });
    await backups.getByText('Backups are not scheduled (set DOSSIER_BACKUP_CRON on the server).').waitFor();
    const box = await backups.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(1024);
    await expectNoSeriousAxeViolations(admin);

    await admin.getByRole('button', { name: 'New staff member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New staff member' });
    await dialog.getByLabel('Name').fill('周新人');
    await dialog.getByLabel('E-mail').fill('zhou.xinren@example.com');
    await dialog.getByLabel('Role').selectOption('SALES_REP');
    await dialog.getByLabel('Initial password').fill('short');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('password must be at least 12 characters').waitFor();

    await dialog.getByLabel('Initial password').fill('first day at the office');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = admin.getByRole('row').filter({ hasText: 'zhou.xinren@example.com' });
    expect(await row.getByLabel('Role of 周新人').inputValue()).toBe('SALES_REP');
    // The name, e-mail and state stack in the row header, which stays a cell of its row.
    await expectCellsFillTheirRows(admin);

    const newcomer = await harness.newPage({ locale: 'en-US' });
    await newcomer.goto('/customers');
    await signIn(newcomer, { email: 'zhou.xinren@example.com', password: 'first day at the office' });
    await newcomer.getByRole('heading', { name: 'Customers' }).waitFor();
    await expect(newcomer.getByTitle('Signed in as 周新人').waitFor()).resolves.toBeUndefined();
    const links = await newcomer
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link')
      .allTextContents();
    expect(links).toEqual(['Inbox', 'Customers', 'Loan register']);
  });
});
