import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { GROUP_CUSTOMER_NAME } from '../../src/seed/demo-group.js';
import { testDatabase } from '../harness.js';
import { browserHarness, DEMO_ADMIN, hasChromium, signIn } from './browser-harness.js';

const db = await testDatabase();

/** The demo admin reads every screen (README "Who sees what"). */

/** The dossier's tabs, as apps/web/src/features/dossier/tabs.tsx lists them. */
const DOSSIER_TABS = [
  'basic',
  'people',
  'map',
  'roles',
  'projects',
  'trade',
  'credit',
  'documents',
  'feedback',
  'competitors',
  'history',
];

/**
 * Every violation the page reports, from the document and from its workers, as Chromium dispatches it:
 * the init script runs before any of the app's code on every navigation.
 */
async function watchViolations(page: Page, seen: string[]): Promise<void> {
  await page.exposeFunction('reportCspViolation', (violation: string) => seen.push(violation));
  // A string, as the server's tsconfig has no DOM types: it runs in the page, not here.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      reportCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' at ' + event.sourceFile);
    });`,
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
}

/** Waits until a screen has drawn what makes it that screen, so that late code gets to run too. */
async function visit(page: Page, path: string, drawn: string): Promise<void> {
  await page.goto(path);
  await page.locator(drawn).first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe.skipIf(!hasChromium)('the whole app under its Content-Security-Policy in Chromium', () => {
  const harness = browserHarness(db.url);
  let customerId: string;

  beforeAll(async () => {
    const [group] = await db.orm.em
      .getConnection()
      .execute<Array<{ id: string }>>('select id from customer where name = ?', [GROUP_CUSTOMER_NAME]);
    if (!group) throw new Error(`the demo company has no ${GROUP_CUSTOMER_NAME}`);
    customerId = toGlobalId('Customer', group.id);
  });

  /** A signed-in admin's page whose violations land in `violations`. */
  async function signedInPage(violations: string[]): Promise<Page> {
    const page = await harness.newPage({ locale: 'en-US' });
    await watchViolations(page, violations);
    await page.goto('/customers');
    await signIn(page, DEMO_ADMIN);
    await page.locator('.customer-row').first().waitFor();
    return page;
  }

  it('runs the customer list and every tab of a dossier, the relationship map too, with no violation', async () => {
    const violations: string[] = [];
    const page = await signedInPage(violations);
    for (const tab of DOSSIER_TABS) await visit(page, `/customers/${customerId}/${tab}`, 'main h1');
    await visit(page, `/customers/${customerId}/map`, '.react-flow__node');
    await visit(page, '/customers', '.customer-row');
    expect(violations).toEqual([]);
  });

  it('runs the dashboard with its charts, the admin, archive and not-found screens and the customer’s sheet with no violation', async () => {
    const violations: string[] = [];
    const page = await signedInPage(violations);
    await visit(page, '/dashboard', 'main svg text');
    for (const path of ['/staff', '/api-tokens', '/loans', '/retention', '/audit-log', '/no-such-screen'])
      await visit(page, path, 'main h1');
    // The customer's own sheet, outside the app's shell: a forged link draws its refusal.
    await visit(page, '/sheet/dcs_forged', '.public-sheet [role="alert"]');
    expect(violations).toEqual([]);
  });

  it('runs GraphiQL, its same-origin Monaco workers and a query with no violation', async () => {
    const violations: string[] = [];
    const page = await signedInPage(violations);
    // The editor's language workers start with the query's highlighting and the JSON response.
    await visit(page, '/graphiql', '.graphiql-container .monaco-editor');
    await page.getByLabel('Saved examples').selectOption('top-customers');
    await page.getByRole('tab', { name: 'TopCustomers' }).waitFor();
    await page.getByRole('button', { name: /execute query/i }).click();
    await expect
      .poll(async () => page.locator('.graphiql-response .view-lines').textContent())
      .toContain('"data"');
    const workers = page.workers().map((worker) => new URL(worker.url()));
    expect(workers.length).toBeGreaterThan(0);
    expect(workers.every((url) => url.origin === harness.base)).toBe(true);
    expect(violations).toEqual([]);
  });
});
