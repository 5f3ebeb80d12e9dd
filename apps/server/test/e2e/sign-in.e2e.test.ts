import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import { browserHarness, DEMO_REP, hasChromium, signIn } from './browser-harness.js';

const db = await testDatabase();

describe.skipIf(!hasChromium)('signing in to the web app in Chromium', () => {
  const harness = browserHarness(db.url);

  it('signs in at a deep link, lands on it, switches to Chinese and signs out', async () => {
    const page = await harness.newPage({ locale: 'en-US' });
    await page.goto('/customers?q=none-such');
    await signIn(page);
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    expect(new URL(page.url()).search).toBe('?q=none-such');

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '客户' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByText('登录客户档案系统').waitFor()).resolves.toBeUndefined();
  });

  it('says the password is wrong when signing in from a deep link', async () => {
    const page = await harness.newPage({ locale: 'en-US' });
    await page.goto('/customers/deep-link/basic');
    await signIn(page, { ...DEMO_REP, password: 'wrong' });
    await expect(page.getByText('Wrong email or password.').waitFor()).resolves.toBeUndefined();
  });
});
