import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import { httpGraphQL } from '../http-graphql.js';
import { browserHarness, DEMO_REP, hasChromium, screenshot, signIn } from './browser-harness.js';

const db = await testDatabase();

/** The demo company's analyst (demo-staff.ts), with the password every demo account shares. */
const DEMO_ANALYST = { email: 'analyst@demo.dossier', password: DEMO_REP.password };

interface TopCustomers {
  abcClassification: { customers: { nodes: Array<{ customer: { name: string } }> } };
}

/** Signs in over HTTP as `account` and returns its bearer token. */
async function tokenOf(base: string, account: { email: string; password: string }): Promise<string> {
  const { body } = await httpGraphQL(base)<{ login: { token: string } }>(
    'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    account,
  );
  if (!body.data) throw new Error(`cannot sign in as ${account.email}`);
  return body.data.login.token;
}

/** The lines Monaco shows in GraphiQL's response pane, run together, its non-breaking spaces made plain. */
/** The response pane's text without whitespace: the editor wraps long lines, even inside a string. */
const responseText = async (page: Page) =>
  ((await page.locator('.graphiql-response .view-lines').textContent()) ?? '').replace(/\s/g, '');

/** Everything the page's origin keeps in localStorage, as one string. */
async function storedItems(page: Page): Promise<string> {
  const { origins } = await page.context().storageState();
  return JSON.stringify(origins.flatMap((origin) => origin.localStorage));
}

describe.skipIf(!hasChromium)('GraphiQL for analysts in Chromium, with nothing from the internet', () => {
  const harness = browserHarness(db.url);

  it('opens from /graphql and runs the top-customers example on the signed-in session', async () => {
    // The API's largest class A customer, asked as the same analyst over HTTP.
    const token = await tokenOf(harness.base, DEMO_ANALYST);
    const { body } = await httpGraphQL(harness.base)<TopCustomers>(
      '{ abcClassification { customers(class: A, first: 1) { nodes { customer { name } } } } }',
      {},
      { headers: { authorization: `Bearer ${token}` } },
    );
    const first = body.data?.abcClassification.customers.nodes[0]?.customer.name;
    if (!first) throw new Error('the demo company has no class A customer');

    const page = await harness.newPage({ locale: 'en-US' });
    await page.goto('/graphql');
    expect(new URL(page.url()).pathname).toBe('/graphiql');
    await signIn(page, DEMO_ANALYST);

    await page.getByLabel('Saved examples').selectOption('top-customers');
    await page.getByRole('tab', { name: 'TopCustomers' }).waitFor();
    await page.getByRole('button', { name: /execute query/i }).click();
    await expect.poll(() => responseText(page)).toContain(`"name":"${first.replace(/\s/g, '')}"`);
    await screenshot(page, 'graphiql');
  });

  it('runs as the account whose bearer token is pasted in the headers, never storing it, in Chinese', async () => {
    const repToken = await tokenOf(harness.base, DEMO_REP);
    const page = await harness.newPage({ locale: 'zh-CN' });
    await page.goto('/graphiql');
    await signIn(page, DEMO_ANALYST);
    await page.getByLabel('示例查询').waitFor();

    await page.locator('.graphiql-query-editor .monaco-editor').click();
    // Cleared first: a `{` typed over a selection would wrap it in braces (Monaco's auto-surround).
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ me { email } }');
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator('.graphiql-editor-tool .monaco-editor:visible').click();
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${repToken}` }));
    await page.getByRole('button', { name: /execute query/i }).click();

    await expect.poll(() => responseText(page)).toContain(`"email":"${DEMO_REP.email}"`);
    // Tabs and history keep the run (history stored its headers too, before we stripped them); the token is nowhere.
    await expect.poll(() => storedItems(page)).toContain('me { email }');
    expect(await storedItems(page)).not.toContain(repToken);
  });
});
