import { describe, expect, it } from 'vitest';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_ARCHIVIST,
  expectNoSeriousAxeViolations,
  hasChromium,
  screenshot,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();

/** The open and checked findings of the one inspection, as the database holds them. */
async function stored() {
  const [row] = await db.orm.em.getConnection().execute<Array<{ open: string; checked: string }>>(
    `select count(*) filter (where checked_at is null) as open, count(*) filter (where checked_at is not null) as checked
       from archive_inspection_item`,
  );
  return { open: Number(row?.open), checked: Number(row?.checked) };
}

describe.skipIf(!hasChromium)('the archive inspection in Chromium', () => {
  const harness = browserHarness(db.url);

  it('the archivist draws up the inspection, ticks a finding with a note and sees the open count drop', async () => {
    const page = await harness.newPage();
    await page.goto('/archive-inspections');
    await signIn(page, DEMO_ARCHIVIST);
    await page.getByRole('heading', { name: '档案检查', level: 1 }).waitFor();

    await page.getByRole('button', { name: /^生成 \d{4}-(03|09) 档案检查$/ }).tap();
    await page.getByRole('heading', { name: /^\d{4}-(03|09) 档案检查$/, level: 1 }).waitFor();
    const before = await stored();
    expect(before.open).toBeGreaterThan(0);
    expect(before.checked).toBe(0);
    const counts = page.locator('.inspection-counts');
    expect(await counts.textContent()).toBe(`未核查 ${before.open} 项 · 已核查 0 项`);

    const first = page.locator('.inspection-finding').first();
    const title = await first.locator('.inspection-finding__title').textContent();
    const tick = first.getByRole('button', { name: '标记为已核查' });
    // A finger's target on the 1024×768 tablet.
    expect((await tick.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    await tick.tap();
    await first.getByLabel(`${title} 的核查备注`).fill('已与经办人核实');
    await expectNoSeriousAxeViolations(page);
    await first.getByRole('button', { name: '确认' }).tap();

    await page.getByText(`未核查 ${before.open - 1} 项 · 已核查 1 项`).waitFor();
    await first.getByText('已与经办人核实').waitFor();
    const [archivist] = await db.orm.em
      .getConnection()
      .execute<Array<{ name: string }>>('select name from staff where email = ?', [DEMO_ARCHIVIST.email]);
    expect(await first.locator('.inspection-finding__state p').textContent()).toMatch(
      new RegExp(`^${archivist?.name} 于 .+ 核查已与经办人核实$`),
    );
    expect(await stored()).toEqual({ open: before.open - 1, checked: 1 });
    const [note] = await db.orm.em
      .getConnection()
      .execute<Array<{ note: string; email: string }>>(
        `select i.note, s.email from archive_inspection_item i join staff s on s.id = i.checked_by_id`,
      );
    expect(note).toEqual({ note: '已与经办人核实', email: DEMO_ARCHIVIST.email });
    await screenshot(page, 'archive-inspection');

    // Back to the list: the inspection shows its new counts, and no second one is offered.
    await page.getByRole('link', { name: '全部档案检查' }).tap();
    const row = page.getByRole('row', { name: /\d{4}-(03|09)/ });
    // The list renders once it has loaded (a busy machine shows it a moment after the link is followed).
    await expect
      .poll(() => row.getByRole('cell').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.any(String), String(before.open - 1), '1']);
    expect(await page.getByRole('button', { name: /^生成/ }).count()).toBe(0);
  });
});
