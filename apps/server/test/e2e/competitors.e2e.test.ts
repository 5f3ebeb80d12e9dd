import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

interface Customer {
  id: string;
  name: string;
  keyPersons: { id: string; name: string; active: boolean; isPlaceholder: boolean }[];
  competitors: { sharePercent: string | null; competitor: { id: string } }[];
}

/** The rep's book and the company's list of competitors, over the API the page signed in to. */
async function book(page: Page) {
  const response = await page.request.post('/graphql', {
    data: {
      query: `{ competitors { id name }
        customers(first: 50) { nodes { id name keyPersons { id name active isPlaceholder }
          competitors { sharePercent competitor { id } } } } }`,
    },
  });
  const body = (await response.json()) as {
    data?: { competitors: { id: string; name: string }[]; customers: { nodes: Customer[] } };
    errors?: unknown;
  };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe.skipIf(!hasChromium)('competitors in Chromium', () => {
  const harness = browserHarness(db.url);

  it('a rep records a competitor with its share, marks a key person as favouring it, sees it on the map card, and the list filter finds the customer', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page);
    await page.locator('.customer-row').first().waitFor();
    const data = await book(page);
    const rival = data.competitors.find((c) => c.name === '德力西电气');
    if (!rival) throw new Error('the demo list has no 德力西电气');
    // A customer of the rep with a named key person, where 德力西 is not yet recorded and 15 % still fit.
    const customer = data.customers.nodes.find(
      (c) =>
        c.keyPersons.some((p) => p.active && !p.isPlaceholder) &&
        !c.competitors.some((p) => p.competitor.id === rival.id) &&
        c.competitors.reduce((sum, p) => sum + Number(p.sharePercent ?? 0), 0) <= 85,
    );
    if (!customer) throw new Error('no customer of the rep fits');
    const person = customer.keyPersons.find((p) => p.active && !p.isPlaceholder) as Customer['keyPersons'][0];

    // The dossier's Competitors tab: record 德力西 with a 15 % share and a strength.
    await page.goto(`/customers/${customer.id}/competitors`);
    await page.getByRole('heading', { name: '竞争对手状况' }).waitFor();
    await page.getByRole('button', { name: '记录竞争对手' }).tap();
    const form = page.getByRole('dialog', { name: '记录竞争对手' });
    await form.getByLabel('竞争对手', { exact: true }).selectOption(rival.id);
    await form.getByLabel('估计占客户采购份额（%）').fill('15');
    await form.getByLabel('相对我方的优势').fill('交货快');
    await form.getByRole('button', { name: '保存' }).tap();
    await form.waitFor({ state: 'detached' });
    const row = page.locator('.presence', { hasText: '德力西电气' });
    await row.getByText('占采购 15.00%').waitFor();
    await row.getByText('交货快').waitFor();
    for (const button of await row.getByRole('button').all()) {
      expect((await button.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    }
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'competitors-zh-CN');

    // The map: the key person's menu sets the competitor they favour; the card says so.
    await page.goto(`/customers/${customer.id}/map`);
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByPlaceholder('查找关键人物').fill(person.name);
    await page.getByRole('button', { name: '查找', exact: true }).tap();
    await page.getByRole('button', { name: `编辑${person.name}` }).tap();
    const menu = page.getByRole('dialog', { name: `编辑${person.name}` });
    const favours = menu.locator('form', { has: page.getByLabel('倾向的竞争对手') });
    await favours.getByLabel('倾向的竞争对手').selectOption(rival.id);
    await favours.getByRole('button', { name: '保存' }).tap();
    await menu.waitFor({ state: 'detached' });
    const card = page.locator('.person-card', {
      has: page.locator('.person-card__name', { hasText: person.name }),
    });
    await card.getByText('倾向 德力西电气').waitFor();

    // The list's competitor filter finds the customer.
    await page.goto('/customers?owner=all');
    await page.getByLabel('出现的竞争对手').selectOption(rival.id);
    await page.waitForURL((url) => url.searchParams.get('competitor') === rival.id);
    await page.locator('.customer-row', { hasText: customer.name }).first().waitFor();
    const response = await page.request.post('/graphql', {
      data: {
        query: `query ($c: ID!) { customers(first: 200, filter: { competitorId: $c }) { totalCount nodes { id } } }`,
        variables: { c: rival.id },
      },
    });
    const listed = (await response.json()) as { data: { customers: { nodes: { id: string }[] } } };
    expect(listed.data.customers.nodes.map((n) => n.id)).toContain(customer.id);
  });
});
