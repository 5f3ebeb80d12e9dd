import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_ADMIN,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

describe.skipIf(!hasChromium)('the audit log in Chromium', () => {
  const harness = browserHarness(db.url);

  it('shows the admin their own sign-in and a refused one, and filters by event on a tablet', async () => {
    const intruder = await harness.newPage();
    await intruder.goto('/customers');
    await signIn(intruder, { ...DEMO_ADMIN, password: 'not the password' });
    await intruder.getByText('邮箱或密码错误。').waitFor();

    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page, DEMO_ADMIN);
    await page.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    const [admin] = await db.orm.em
      .fork()
      .execute<{ name: string }[]>('select name from staff where email = ?', [DEMO_ADMIN.email]);
    const name = admin?.name;
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '档案管理' }).tap();
    await nav.getByRole('menuitem', { name: '审计日志' }).tap();
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();

    // Newest first: the admin's own sign-in, then the refused attempt with the same e-mail.
    const rows = page.locator('tbody tr');
    const cells = (row: number) => rows.nth(row).locator('th, td').allTextContents();
    const [own, refused] = [await cells(0), await cells(1)];
    expect([own[1], own[2], own[3]]).toEqual([name, '登录成功', name]);
    expect([refused[1], refused[2], refused[3]]).toEqual(['—', '登录失败', name]);
    // Node reports an IPv4 client on a dual-stack socket as ::ffff:127.0.0.1; the log keeps what it got.
    expect(own[5]).toMatch(/(^|:)127\.0\.0\.1$/);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'audit-log-zh-CN');

    // Every control a finger can hit: 40 px at least.
    for (const control of await page.locator('.filters select, .filters input').all()) {
      expect((await control.boundingBox())?.height).toBeGreaterThanOrEqual(40);
    }

    await page.getByLabel('事件').selectOption('LOGIN_FAILED');
    await page.waitForURL((url) => url.searchParams.get('event') === 'LOGIN_FAILED');
    await page.getByRole('rowheader', { name: '登录成功' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['登录失败']);

    // The filter is in the address: opening it again shows the same list.
    await page.reload();
    await page.getByRole('rowheader', { name: '登录失败' }).waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual(['登录失败']);
  });
});
