import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { hashOf } from '../../src/modules/auth/session.store.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

interface CustomerRow {
  id: string;
  version: number;
  city: string | null;
  phone: string | null;
  name: string;
}

const sql = <T>(text: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(text, params);

/** The demo rep's first customer by name, and the rep's name as the history shows it. */
async function customerOfTheRep(): Promise<CustomerRow & { rep: string }> {
  const [row] = await sql<CustomerRow & { rep: string }>(
    `select c.id, c.version, c.city, c.phone, c.name, s.name as rep
       from customer c join staff s on s.id = c.owner_id
      where s.email = 'rep@demo.dossier' order by c.name limit 1`,
  );
  if (!row) throw new Error('the demo company has no customer of rep@demo.dossier');
  return row;
}

async function customerNow(id: string): Promise<Omit<CustomerRow, 'id'>> {
  const [row] = await sql<CustomerRow>('select version, city, phone, name from customer where id = ?', [id]);
  if (!row) throw new Error(`customer ${id} is gone`);
  return { version: row.version, city: row.city, phone: row.phone, name: row.name };
}

/** The rep's dialog: a link for the customer, valid `days`; answers its address, shown this once. */
async function sendSheet(page: Page, days: string): Promise<string> {
  await page.getByRole('button', { name: 'Send sheet to customer' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Send the basic sheet to the customer' });
  await dialog.getByLabel('Link valid for').selectOption({ label: days });
  await dialog.getByRole('button', { name: 'Create link' }).tap();
  const url = await dialog.getByLabel('Link for the customer').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).tap();
  await dialog.waitFor({ state: 'detached' });
  return url;
}

describe.skipIf(!hasChromium)('the customer’s own sheet in Chromium', () => {
  const harness = browserHarness(db.url);
  let customer: CustomerRow & { rep: string };

  beforeAll(async () => {
    customer = await customerOfTheRep();
  });

  it('the customer corrects two fields through a link, the rep accepts one, the link is then used up', async () => {
    const gid = toGlobalId('Customer', customer.id);
    const rep = await harness.newPage({ locale: 'en-US' });
    await rep.goto(`/customers/${gid}/basic`);
    await signIn(rep);
    const links = rep.getByRole('region', { name: 'Sheets sent to the customer' });
    await links.getByText('No sheet has been sent to this customer yet.').waitFor();

    const url = await sendSheet(rep, '14 days');
    expect(url).toMatch(new RegExp(`^${harness.base}/sheet/dcs_[A-Za-z0-9_-]{43}$`));
    const token = url.split('/').pop() ?? '';
    // The database holds its hash, never the secret.
    const stored = await sql<{ n: number }>(
      `select count(*)::int as n from customer_sheet_link where token_hash = ? and customer_id = ?`,
      [hashOf(token), customer.id],
    );
    expect(stored[0]?.n).toBe(1);
    const anywhere = await sql<{ n: number }>(
      `select count(*)::int as n from customer_sheet_link l where l::text like ?`,
      [`%${token.slice(4)}%`],
    );
    expect(anywhere[0]?.n).toBe(0);
    await links.getByText('Open', { exact: true }).waitFor();

    // The customer: another browser, no session, a Chinese phone-sized screen.
    const visitor = await harness.newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    await visitor.goto(url);
    await visitor.getByRole('heading', { name: '贵公司的基本情况' }).waitFor();
    expect(await visitor.getByLabel('客户名称 (必填)').inputValue()).toBe(customer.name);
    expect(await visitor.getByLabel('城市').inputValue()).toBe(customer.city ?? '');
    // Nothing else of the dossier: no owner, no customer number, no ids.
    const text = (await visitor.locator('main').textContent()) ?? '';
    expect(text).not.toContain(customer.rep);
    expect(text).not.toContain(gid);
    await expectNoSeriousAxeViolations(visitor);
    await visitor.getByLabel('语言').selectOption('en');
    await visitor.getByRole('heading', { name: "Your company's basic information" }).waitFor();
    await visitor.getByLabel('City').fill('苏州市');
    await visitor.getByLabel('Phone').fill('0512-6666 0202');
    await screenshot(visitor, 'customer-sheet-public');
    await visitor.getByRole('button', { name: 'Submit' }).tap();
    expect(await visitor.getByRole('status').textContent()).toBe(
      'Thank you: your sheet was submitted. Your contact will review it.',
    );
    expect(await customerNow(customer.id)).toEqual({
      version: customer.version,
      city: customer.city,
      phone: customer.phone,
      name: customer.name,
    });

    // The rep reviews the diff, field by field, and accepts the city only.
    await rep.reload();
    const review = links.getByRole('group', { name: 'The customer’s changes' });
    await review.getByRole('button', { name: 'Accept selected' }).waitFor();
    const rows = await review.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual([
      `City${customer.city ?? '—'}苏州市`,
      `Phone${customer.phone ?? '—'}0512-6666 0202`,
    ]);
    await review.getByRole('checkbox', { name: 'Accept Phone' }).tap();
    await expectNoSeriousAxeViolations(rep);
    await screenshot(rep, 'customer-sheet-review');
    await review.getByRole('button', { name: 'Accept selected' }).tap();
    await links.getByText(`Accepted: City · reviewed by ${customer.rep}`).waitFor();
    const sheet = rep.locator('dl.sheet');
    await sheet.locator('.sheet__row', { hasText: 'City' }).getByText('苏州市').waitFor();
    expect(await customerNow(customer.id)).toEqual({
      version: customer.version + 1,
      city: '苏州市',
      phone: customer.phone,
      name: customer.name,
    });

    // The history says whose change it was.
    await rep.goto(`/customers/${gid}/history`);
    const change = rep.getByRole('row').filter({ hasText: 'City: ' }).first();
    expect(await change.getByRole('cell').nth(1).textContent()).toBe(
      `The customer, via link · accepted by ${customer.rep}`,
    );
    expect(await change.getByRole('cell').nth(3).textContent()).toBe(
      `City: ${customer.city ?? '—'} → 苏州市`,
    );

    // The link refuses further use, and says so.
    await visitor.reload();
    expect(await visitor.getByRole('alert').textContent()).toBe(
      'This sheet has already been submitted, so the link cannot be used again.',
    );
  });

  it('an expired link and a forged one get a plain page and change nothing', async () => {
    const gid = toGlobalId('Customer', customer.id);
    const rep = await harness.newPage({ locale: 'en-US' });
    await rep.goto(`/customers/${gid}/basic`);
    await signIn(rep);
    const url = await sendSheet(rep, '3 days');
    const token = url.split('/').pop() ?? '';
    // A day later, as the server's clock sees it: the link's expiry moved into the past.
    await sql(
      "update customer_sheet_link set expires_at = now() - interval '1 minute' where token_hash = ?",
      [hashOf(token)],
    );
    await rep.reload();
    await rep
      .getByRole('region', { name: 'Sheets sent to the customer' })
      .getByText('Expired')
      .first()
      .waitFor();
    const before = await customerNow(customer.id);

    const visitor = await harness.newPage({ locale: 'zh-CN' });
    await visitor.goto(url);
    expect(await visitor.getByRole('alert').textContent()).toBe('此链接已过期，请向您的联系人索取新链接。');
    expect(await visitor.getByRole('textbox').count()).toBe(0);
    await visitor.getByLabel('语言').selectOption('en');
    expect(await visitor.getByRole('alert').textContent()).toBe(
      'This link has expired. Please ask your contact for a new one.',
    );

    await visitor.goto('/sheet/dcs_this-is-not-a-link-anyone-was-sent');
    expect(await visitor.getByRole('alert').textContent()).toBe(
      'This link is not valid. Check that you opened the whole address, or ask your contact for a new link.',
    );
    // Submitting anyway, straight to the API, changes nothing either.
    const answers = await visitor.evaluate(async (secret) => {
      const submit = (t: string) =>
        fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'mutation ($t: String!) { submitCustomerSheet(token: $t, values: [{ field: "city", value: "杭州" }]) }',
            variables: { t },
          }),
        })
          .then((r) => r.json() as Promise<{ errors?: Array<{ extensions?: { code?: string } }> }>)
          .then((body) => body.errors?.[0]?.extensions?.code);
      return [await submit(secret), await submit('dcs_forged')];
    }, token);
    expect(answers).toEqual(['LINK_EXPIRED', 'NOT_FOUND']);
    expect(await customerNow(customer.id)).toEqual(before);
    const [link] = await sql<{ submitted_at: string | null }>(
      'select submitted_at from customer_sheet_link where token_hash = ?',
      [hashOf(token)],
    );
    expect(link?.submitted_at).toBeNull();
  });
});
