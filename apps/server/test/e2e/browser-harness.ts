import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadEnv } from '../../src/core/env.js';
import { createLogger } from '../../src/core/logger.js';
import { type RunningDossier, startDossier } from '../../src/server.js';

// Debian's Chromium, never a downloaded browser. CI installs it (.ci/run); elsewhere the tests say they skip.
const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium`);
if (!hasChromium)
  console.warn(`skipping browser tests: ${CHROMIUM} not installed (apt-get install chromium chromium-l10n)`);

/** The demo company's accounts, one per role the tests sign in as; they share one password. */
const demoAccount = (name: string) => ({ email: `${name}@demo.dossier`, password: 'dossier-demo' });
export const DEMO_REP = demoAccount('rep');
export const DEMO_MANAGER = demoAccount('manager');
export const DEMO_ADMIN = demoAccount('admin');
export const DEMO_ARCHIVIST = demoAccount('archivist');

/**
 * The browser on the real clock. The suite is also run "as if" on another date under libfaketime
 * (LD_PRELOAD), which stalls Chromium's event loop; nothing the browser checks depends on the date.
 */
const withoutFakeTime = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(
    Object.entries(env).filter(([name]) => name !== 'LD_PRELOAD' && !name.startsWith('FAKETIME')),
  );

const webDir = fileURLToPath(new URL('../../../web/', import.meta.url));
const screenshotDir = `${webDir}e2e/screenshots/`;

/** The real bundle, rebuilt when its sources are newer than the last build (the web's `build:if-stale`). */
function ensureWebBuilt(): void {
  const script: string = JSON.parse(readFileSync(`${webDir}package.json`, 'utf8')).scripts['build:if-stale'];
  const [, ...args] = script.split(' ');
  // A production bundle whatever NODE_ENV the test runner set: that is what people get (and its size).
  const build = spawnSync(process.execPath, args, {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('building the web app failed');
}

/**
 * Chromium in a language, as a person's browser runs in theirs. A context's `locale` sets
 * navigator.language and Intl, but the browser's own controls (a date field's 年/月/日 or mm/dd/yyyy)
 * follow the language Chromium started in: on Linux its environment, with Debian's chromium-l10n.
 */
function launchIn(locale: string): Promise<Browser> {
  const posix = locale.replace('-', '_');
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...withoutFakeTime(process.env), LANGUAGE: posix, LANG: `${posix}.UTF-8` },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      `--lang=${locale}`,
    ],
  });
}

/** `newPage` options for a desktop with a mouse, where the map is worked by dragging. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, hasTouch: false };

export interface BrowserHarness {
  /** The app's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /**
   * A page in a fresh context (own cookies): a 1024×768 touch tablet in `locale` (default zh-CN), in a
   * Chromium started in that language, every request that leaves the app's origin aborted, console
   * errors and warnings collected for `expectCleanConsole`.
   */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Fails on any console error or warning (or blocked request) seen since the last call. */
  expectCleanConsole(): void;
  close(): Promise<void>;
}

/**
 * The built app served by the real server on the test database, filled with the demo company
 * (`DOSSIER_SEED=demo`, as on a fresh clone's first start), and Chromium to look at it.
 */
export async function startBrowserHarness(databaseUrl: string): Promise<BrowserHarness> {
  ensureWebBuilt();
  const env = loadEnv({ NODE_ENV: 'test', PORT: '0', DATABASE_URL: databaseUrl, DOSSIER_SEED: 'demo' });
  const dossier: RunningDossier = await startDossier(env, createLogger(env));
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (locale: string) => {
    let browser = browsers.get(locale);
    if (!browser) {
      browser = launchIn(locale);
      browsers.set(locale, browser);
    }
    return browser;
  };
  try {
    await browserFor('zh-CN');
  } catch (error) {
    await dossier.stop();
    throw error;
  }
  const base = `http://127.0.0.1:${dossier.port}`;
  let problems: string[] = [];

  return {
    base,
    async newPage(options = {}) {
      const locale = options.locale ?? 'zh-CN';
      const browser = await browserFor(locale);
      const context = await browser.newContext({
        viewport: { width: 1024, height: 768 },
        hasTouch: true,
        baseURL: base,
        ...options,
        locale,
      });
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === base) return route.continue();
        problems.push(`blocked request leaving the origin: ${url}`);
        return route.abort('blockedbyclient');
      });
      const page = await context.newPage();
      // Below the test timeout, so a missing element fails with its locator rather than a bare timeout.
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      return page;
    },
    expectCleanConsole() {
      const seen = problems;
      problems = [];
      expect(seen).toEqual([]);
    },
    async close() {
      for (const browser of browsers.values()) await (await browser.catch(() => null))?.close();
      await dossier.stop();
    },
  };
}

/**
 * The harness of the enclosing describe: the app and Chromium start before its first test, every test ends
 * with a clean console (expectCleanConsole), and both stop after its last test.
 */
export function browserHarness(databaseUrl: string): BrowserHarness {
  let started: BrowserHarness | undefined;
  const harness = () => {
    if (!started) throw new Error('the browser harness starts in beforeAll: use it in tests and hooks');
    return started;
  };
  beforeAll(async () => {
    started = await startBrowserHarness(databaseUrl);
  });
  afterEach(() => started?.expectCleanConsole());
  afterAll(() => started?.close());
  return {
    get base() {
      return harness().base;
    },
    newPage: (options) => harness().newPage(options),
    expectCleanConsole: () => harness().expectCleanConsole(),
    close: () => harness().close(),
  };
}

/** Signs in through the login form the app shows at whatever URL the page is on, in either language. */
export async function signIn(page: Page, { email, password } = DEMO_REP): Promise<void> {
  const form = page.locator('form').filter({ has: page.locator('input[type=password]') });
  await form.locator('input[type=email]').fill(email);
  await form.locator('input[type=password]').fill(password);
  await form.locator('button[type=submit]').click();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core (from npm, evaluated in the page) on the page and fails on serious or critical findings. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // Evaluated through the DevTools protocol, not added as a <script>: the app's CSP refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

/**
 * Every cell of the page's tables spans its row, top to bottom: a cell styled as a flex box stops being a
 * table cell and draws its border off the row's (what people saw on the reports table).
 */
export async function expectCellsFillTheirRows(page: Page): Promise<void> {
  const misplaced = await page.locator('tr').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const box = row.getBoundingClientRect();
      return [...row.children]
        .map((cell) => ({ cell, rect: cell.getBoundingClientRect() }))
        .filter(({ rect }) => Math.abs(rect.top - box.top) > 1 || Math.abs(rect.bottom - box.bottom) > 1)
        .map(
          ({ cell, rect }) =>
            `${cell.textContent?.trim()}: ${rect.top}–${rect.bottom} in ${box.top}–${box.bottom}`,
        );
    }),
  );
  expect(misplaced).toEqual([]);
}

/** Writes `apps/web/e2e/screenshots/<name>.png` (git-ignored), for people to look at after a run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = `${screenshotDir}${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
