import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/core/graphql/global-id.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_ADMIN,
  DEMO_ARCHIVIST,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

/**
 * One of the demo rep's customers with a project, the same every run, the rep's name as the register
 * shows it, and one of the customer's projects.
 */
async function customerOfTheRep(): Promise<{ id: string; rep: string; project: string }> {
  const [row] = await db.orm.em.getConnection().execute<Array<{ id: string; rep: string; project: string }>>(
    `select c.id, s.name as rep,
            (select p.name from project p where p.customer_id = c.id order by p.name limit 1) as project
       from customer c join staff s on s.id = c.owner_id
      where s.email = 'rep@demo.dossier' and exists (select 1 from project p where p.customer_id = c.id)
      order by c.name
      limit 1`,
  );
  if (!row) throw new Error('the demo company has no customer of rep@demo.dossier');
  return row;
}

const NOTES = 'Visit notes: the customer wants the 2027 price list by Friday.\n';

/** The demo's documents past retention on the day it was made (apps/server/src/seed/demo-documents.ts). */
const DEMO_PAST_RETENTION = ['营业执照副本（旧版）', '往来函件（货期确认）', '年度报价单', '项目启动会纪要'];

/**
 * The parts of the page's first date field in their order, as the browser draws them: its language's,
 * not the page's (read from Chromium's accessibility tree: the parts live in its closed shadow DOM).
 */
async function dateFieldParts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const field = (await cdp.send('Runtime.evaluate', {
    expression: "document.querySelector('input[type=date]')",
  })) as { result: { objectId?: string } };
  const { nodes } = (await cdp.send('Accessibility.queryAXTree', {
    objectId: field.result.objectId,
    role: 'spinbutton',
  })) as { nodes: Array<{ name?: { value?: string } }> };
  await cdp.detach();
  // Each part is named twice over ("Month Month", "年 年").
  return nodes.map((node) => String(node.name?.value).split(' ')[0] ?? '');
}

/**
 * The admin's menu on a 1024×768 tablet: one row of five targets at least 40 px high (the API's and the
 * archive's pages behind one button each); returns the archive's button.
 */
async function expectOneRowMenu(page: Page, archive: string) {
  const nav = page.locator('nav.header__nav');
  // The groups' menu loads after the page: its buttons are enabled once it has.
  await nav.locator('button:enabled', { hasText: archive }).waitFor();
  const targets = await nav.locator(':scope > *').all();
  const boxes = await Promise.all(
    targets.map(async (target) => (await target.boundingBox()) ?? { y: -1, height: 0 }),
  );
  // Inbox, customers, dashboard, and the team, API and archive menus.
  expect(boxes.length).toBe(6);
  expect(new Set(boxes.map((box) => Math.round(box.y))).size).toBe(1);
  for (const box of boxes) expect(box.height).toBeGreaterThanOrEqual(40);
  // The tools beside the menu stay on the same row too: the header is one control high.
  expect((await page.locator('header.header').boundingBox())?.height).toBeLessThan(80);
  return nav.getByRole('button', { name: archive });
}

describe.skipIf(!hasChromium)('the documents archive in Chromium', () => {
  const harness = browserHarness(db.url);
  let customer: { id: string; rep: string; project: string };

  beforeAll(async () => {
    customer = await customerOfTheRep();
  });

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
    await dialog.getByLabel('Filed under').selectOption({ label: `Project: ${customer.project}` });
    await dialog.getByLabel('Title').fill('拜访纪要 e2e');
    await dialog.getByLabel('Category').selectOption('MINUTES');
    await dialog.getByLabel('Confidentiality').selectOption('INTERNAL');
    // An English browser draws its date fields month first.
    expect(await dateFieldParts(page)).toEqual(['Month', 'Day', 'Year']);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'documents-upload');
    await dialog.getByRole('button', { name: 'Save' }).tap();
    await dialog.waitFor({ state: 'detached' });

    const row = page.getByRole('row', { name: /拜访纪要 e2e/ });
    expect(await row.locator('.level').textContent()).toBe('Internal');
    await row.getByText(`Project: ${customer.project}`).waitFor();
    expect(await row.getByRole('cell').nth(4).textContent()).toBe(`${Buffer.byteLength(NOTES)} bytes`);
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
    await signIn(archivist, DEMO_ARCHIVIST);
    const nav = archivist.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'Archive' }).tap();
    await nav.getByRole('menuitem', { name: 'Loan register' }).tap();
    await archivist.getByRole('heading', { name: 'Loan register' }).waitFor();
    const entry = archivist.getByRole('row', { name: /拜访纪要 e2e/ });
    expect(await entry.getByRole('cell').first().textContent()).toBe(customer.rep);
    expect(await entry.getByText('On loan').count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Archive' }).getAttribute('class')).toContain('active');
    await expectNoSeriousAxeViolations(archivist);
    await screenshot(archivist, 'loan-register');

    // The demo archive has documents past retention from the first start: the yearly list shows them.
    await nav.getByRole('button', { name: 'Archive' }).tap();
    await nav.getByRole('menuitem', { name: 'Retention' }).tap();
    await archivist.getByRole('heading', { name: 'Retention and destruction' }).waitFor();
    await archivist.getByRole('row', { name: /年度报价单/ }).waitFor();
    for (const title of DEMO_PAST_RETENTION)
      expect(await archivist.getByRole('row', { name: new RegExp(title) }).count()).toBe(1);
    expect(await archivist.getByText('No document has been destroyed.').count()).toBe(1);
    await expectNoSeriousAxeViolations(archivist);
    await screenshot(archivist, 'retention');

    // A keeper corrects the filed document's metadata in the dossier: the list shows it at once.
    await archivist.goto(`/customers/${toGlobalId('Customer', customer.id)}/documents`);
    const filed = archivist.getByRole('row', { name: /拜访纪要 e2e/ });
    await filed.getByRole('button', { name: 'Edit' }).tap();
    const edit = archivist.getByRole('dialog', { name: 'Edit 拜访纪要 e2e' });
    await edit.getByLabel('Title').fill('拜访纪要 e2e（已核）');
    await edit.getByLabel('Category').selectOption('LETTER');
    await edit.getByLabel('Retention', { exact: true }).selectOption('permanent');
    await screenshot(archivist, 'documents-edit');
    await edit.getByRole('button', { name: 'Save' }).tap();
    await edit.waitFor({ state: 'detached' });
    const corrected = archivist.getByRole('row', { name: /拜访纪要 e2e（已核）/ });
    expect((await corrected.getByRole('cell').allTextContents()).slice(0, 3)).toEqual([
      'Letter',
      'Internal',
      'Permanent',
    ]);
  });

  it('gives the admin a one-row menu in Chinese at 1024×768, worked by keyboard, and a Chinese browser', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page, DEMO_ADMIN);
    await page.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const archive = await expectOneRowMenu(page, '档案管理');

    // Keyboard only: Enter opens the menu on its first page, ↓ moves on, Enter opens the page.
    await archive.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: '档案管理' });
    // Each key waits for the focus the previous one moves: a loaded machine otherwise presses ahead of it.
    const focused = (name: string) => menu.getByRole('menuitem', { name }).and(page.locator(':focus'));
    await focused('借阅登记').waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      '借阅登记',
      '保管与销毁',
      '档案检查',
      '审计日志',
      '月度报告',
    ]);
    for (const item of await menu.getByRole('menuitem').all())
      expect((await item.boundingBox())?.height).toBeGreaterThanOrEqual(40);
    await expectNoSeriousAxeViolations(page);
    await screenshot(page, 'header-admin-zh-CN');
    await page.keyboard.press('ArrowDown');
    await focused('保管与销毁').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '保管期限与销毁', level: 1 }).waitFor();
    await menu.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /年度报价单/ }).waitFor();
    // A Chinese browser draws the day field year first (年/月/日), as a Chinese user's does.
    expect(await dateFieldParts(page)).toEqual(['年', '月', '日']);
    await screenshot(page, 'retention-zh-CN');
  });

  it('gives the admin a one-row menu in English at 1024×768', async () => {
    const page = await harness.newPage({ locale: 'en-US' });
    await page.goto('/customers');
    await signIn(page, DEMO_ADMIN);
    await page.getByRole('heading', { name: 'Customers', level: 1 }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const archive = await expectOneRowMenu(page, 'Archive');
    await archive.tap();
    await page.getByRole('menuitem', { name: 'Audit log' }).waitFor();
    await screenshot(page, 'header-admin-en');
    // Escape closes it and leaves focus on its button: Enter opens it again.
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await page.locator('nav button:focus', { hasText: 'Archive' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: 'Archive' }).waitFor();
  });
});
