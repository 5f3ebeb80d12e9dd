import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { StaffRole } from '@dossier/domain';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/core/env.js';
import { createLogger } from '../../src/core/logger.js';
import { hashPassword } from '../../src/modules/auth/passwords.js';
import { type RunningDossier, startDossier } from '../../src/server.js';
import { builders } from '../builders.js';
import { testDatabase } from '../harness.js';

// Debian's Chromium, never a downloaded browser. CI installs it (.ci/run); elsewhere the test says it skips.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium`);
if (!hasChromium)
  console.warn(`skipping browser tests: ${CHROMIUM} not installed (apt-get install chromium)`);

/**
 * The browser on the real clock. The suite is also run "as if" on another date under libfaketime
 * (LD_PRELOAD), which stalls Chromium's event loop; nothing the browser checks here depends on the date.
 */
const withoutFakeTime = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')),
  );

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));

/** The real bundle, built once if this checkout has not built it yet. */
function ensureWebBuilt(): void {
  if (existsSync(`${webDir}dist/index.html`)) return;
  const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    cwd: webDir,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');
}

const db = await testDatabase();

describe.skipIf(!hasChromium)('the web app in Chromium', () => {
  let dossier: RunningDossier;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureWebBuilt();
    const build = builders(db.orm);
    await build.staff(
      {
        name: '韩梅梅',
        email: 'han.meimei@example.com',
        passwordHash: await hashPassword('visit-every-week'),
      },
      StaffRole.SALES_MANAGER,
    );
    const env = loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: db.url, DOSSIER_SEED: 'none' });
    dossier = await startDossier(env, createLogger(env));
    base = `http://127.0.0.1:${dossier.port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: withoutFakeTime(process.env),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await dossier?.stop();
  });

  it('signs in, greets the manager, switches to Chinese and signs out', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(message.text());
    });
    await page.goto(base);
    await page.getByLabel('Email').fill('han.meimei@example.com');
    await page.getByLabel('Password').fill('visit-every-week');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Welcome, 韩梅梅').waitFor()).resolves.toBeUndefined();

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByText('欢迎，韩梅梅').waitFor()).resolves.toBeUndefined();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page.getByText('登录客户档案系统').waitFor()).resolves.toBeUndefined();
    expect(consoleErrors).toEqual([]);
  });

  it('says the password is wrong when signing in from a deep link', async () => {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${base}/customers/deep-link`);
    await page.getByLabel('Email').fill('han.meimei@example.com');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.').waitFor()).resolves.toBeUndefined();
  });
});
