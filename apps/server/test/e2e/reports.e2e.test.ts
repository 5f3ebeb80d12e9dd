import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../src/modules/monthly-report/monthly-report.fixtures.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_ADMIN,
  expectCellsFillTheirRows,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

describe.skipIf(!hasChromium)('the monthly reports in Chromium', () => {
  const harness = browserHarness(db.url);

  it('an admin generates last month’s company report on a tablet and downloads its PDF in Chinese', async () => {
    const page = await harness.newPage();
    await page.goto('/customers');
    await signIn(page, DEMO_ADMIN);
    await page.getByRole('heading', { name: '客户', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '档案管理' }).tap();
    await nav.getByRole('menuitem', { name: '月度报告' }).tap();
    await page.getByRole('heading', { name: '月度报告', level: 1 }).waitFor();
    await page.getByText('暂无报告。').waitFor();

    const month = await page.getByLabel('月份').inputValue();
    expect(month).toMatch(/^\d{4}-\d{2}$/);
    await page.getByRole('button', { name: '生成' }).tap();
    await page.getByRole('status').getByText(`${month} 的报告已生成。`).waitFor({ timeout: 60_000 });
    const pdfLink = page.getByRole('link', { name: `${month} 全公司 的 PDF` });
    await pdfLink.waitFor();
    expect((await pdfLink.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await expectNoSeriousAxeViolations(page);
    await expectCellsFillTheirRows(page);
    await screenshot(page, 'reports-zh-CN');

    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.tap()]);
    // Debian's Chromium names a download from a link "download" whatever Content-Disposition says (seen
    // here with an ASCII filename too); the header itself is tested over HTTP (http-monthly-report.test.ts).
    expect(download.url()).toMatch(/\/monthly-reports\/[0-9a-f-]{36}\/pdf$/);
    const path = await download.path();
    const text = await pdfText(readFileSync(path));
    const [year, m] = month.split('-');
    expect(text).toContain(`客户档案月度报告 ${year}年${Number(m)}月 · 全公司`);
    const [top] = await db.orm.em.fork().execute<Array<{ name: string }>>(
      `select t->>'name' as name from monthly_report, jsonb_array_elements(figures->'topCustomers') t
         where month = ? and team_manager_id is null and (t->>'rank')::int = 1`,
      [month],
    );
    expect(top?.name).toBeTruthy();
    expect(text).toContain(top?.name);
  }, 120_000);
});
