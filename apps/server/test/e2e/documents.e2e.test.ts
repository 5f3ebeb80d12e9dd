import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { testDatabase } from '../harness.js';
import {
  type BrowserHarness,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
  startBrowserHarness,
} from './browser-harness.js';

const db = await testDatabase();

/** One of the demo rep's customers, the same every run, and the rep's name as the register shows it. */
async function customerOfTheRep(): Promise<{ id: string; rep: string }> {
  const [row] = await db.orm.em.getConnection().execute<Array<{ id: string; rep: string }>>(
    `select c.id, s.name as rep
       from customer c join staff s on s.id = c.owner_id
      where s.email = 'rep@demo.dossier'
      order by c.name
      limit 1`,
  );
  if (!row) throw new Error('the demo company has no customer of rep@demo.dossier');
  return row;
}

const NOTES = 'Visit notes: the customer wants the 2027 price list by Friday.\n';

describe.skipIf(!hasChromium)('the documents archive in Chromium', () => {
  let harness: BrowserHarness;
  let customer: { id: string; rep: string };

  beforeAll(async () => {
    harness = await startBrowserHarness(db.url);
    customer = await customerOfTheRep();
  });
  afterEach(() => harness.expectCleanConsole());
  afterAll(() => harness?.close());

  it('a rep files an INTERNAL document, borrows it for 2 days and opens it; the archivist sees the loan', async () => {
    const page = await harness.newPage({ locale: 'en-US' });
    await page.goto(`/customers/${toGlobalId('Customer', customer.id)}/documents`);
    await signIn(page);
    await page.getByRole('heading', { name: 'Documents', level: 2 }).waitFor();

    await page.getByRole('button', { name: 'Upload a document' }).tap();
    const dialog = page.getByRole('dialog', { name: 'Upload a document' });
    await dialog.getByLabel('File (at most 25 MB)').setInputFiles({
      name: 'visit-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(NOTES),
    });
    await dialog.getByLabel('Title').fill('拜访纪要 e2e');
    await dialog.getByLabel('Category').selectOption('MINUTES');
    await dialog.getByLabel('Confidentiality').selectOption('INTERNAL');
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'documents-upload');
    await dialog.getByRole('button', { name: 'Save' }).tap();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /拜访纪要 e2e/ });
    expect(await row.locator('.level').textContent()).toBe('Internal');
    expect(await row.getByText('On registration, up to 2 days').count()).toBe(1);

    // Below SECRET the content is served on a loan (keepers aside): no View, no Download before one.
    expect(await row.getByRole('link').count()).toBe(0);

    await row.getByRole('button', { name: 'Request loan' }).tap();
    await row.getByRole('link', { name: 'Download' }).waitFor();
    expect(await row.getByRole('status').textContent()).toMatch(/^On loan until /);
    const [loan] = await db.orm.em.getConnection().execute<Array<{ hours: number }>>(
      `select extract(epoch from l.due_at - l.granted_at) / 3600 as hours
           from document_loan l join document d on d.id = l.document_id
          where d.title = '拜访纪要 e2e'`,
    );
    expect(Number(loan?.hours)).toBe(48);
    await screenshot(page, 'documents-tab');

    const [opened] = await Promise.all([
      page.context().waitForEvent('page'),
      row.getByRole('link', { name: 'View' }).tap(),
    ]);
    await opened.waitForLoadState();
    expect(await opened.locator('body').textContent()).toBe(NOTES);
    await opened.close();

    const archivist = await harness.newPage({ locale: 'en-US' });
    await archivist.goto('/customers');
    await signIn(archivist, { email: 'archivist@demo.dossier', password: 'dossier-demo' });
    await archivist
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Loan register' })
      .tap();
    await archivist.getByRole('heading', { name: 'Loan register' }).waitFor();
    const entry = archivist.getByRole('row', { name: /拜访纪要 e2e/ });
    expect(await entry.getByRole('cell').first().textContent()).toBe(customer.rep);
    expect(await entry.getByText('On loan').count()).toBe(1);
    await expectNoSeriousAxeViolations(archivist);
    await screenshot(archivist, 'loan-register');

    // The demo archive has nothing past retention yet: the yearly list and the records say so.
    await archivist.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).tap();
    await archivist.getByRole('heading', { name: 'Retention and destruction' }).waitFor();
    await archivist.getByText('No documents are past retention on that day.').waitFor();
    expect(await archivist.getByText('No document has been destroyed.').count()).toBe(1);
    await expectNoSeriousAxeViolations(archivist);
  });
});
