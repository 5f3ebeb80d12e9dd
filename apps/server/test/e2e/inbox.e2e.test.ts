import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock/clock.js';
import { reminderSourcesOf } from '../../src/modules/inbox/reminder-sources.js';
import { sweepReminders } from '../../src/modules/inbox/reminders.job.js';
import { testDatabase } from '../harness.js';
import {
  browserHarness,
  DEMO_REP,
  expectNoSeriousAxeViolations,
  hasChromium,
  signIn,
} from './browser-harness.js';

const db = await testDatabase();
const sql = <T>(query: string, params: unknown[] = []) =>
  db.orm.em.getConnection().execute<T[]>(query, params);

/** The demo rep's open items, newest first as the inbox lists them. */
const openItemsOfTheRep = () =>
  sql<{ link: string }>(
    `select i.link from inbox_item i join staff s on s.id = i.recipient_id and s.email = ?
     where i.state = 'OPEN' order by i.created_at desc, i.id desc`,
    [DEMO_REP.email],
  );

describe.skipIf(!hasChromium)('the inbox in Chromium', () => {
  const harness = browserHarness(db.url);
  let page: Page;

  beforeAll(async () => {
    // The hourly sweep, run once now over the demo company: the rep's reminders arrive.
    await sweepReminders(
      db.orm,
      new Date(),
      systemClock(),
      reminderSourcesOf({ DOSSIER_CARE_LEAD_DAYS: 3, DOSSIER_HANDOVER_INTRO_DAYS: 30 }),
    );
    page = await harness.newPage();
    await page.goto('/inbox');
    await signIn(page);
  });

  it('shows the rep their reminders, follows one, marks one done, and the count drops', async () => {
    const items = await openItemsOfTheRep();
    expect(items.length).toBeGreaterThan(0);
    const nav = page.getByRole('navigation', { name: '主导航' });
    const badge = nav.getByRole('status');
    await expect.poll(() => badge.getAttribute('aria-label')).toBe(`未办 ${items.length} 项`);
    await page.getByRole('heading', { name: '待办提醒' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    const list = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^已办：/ }) });
    const first = list.getByRole('listitem').first();
    // 44 px tap targets on the 1024×768 tablet: the sentence and each button
    for (const target of [first.getByRole('link'), ...(await first.getByRole('button').all())]) {
      const box = await target.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);
      expect(box?.width).toBeGreaterThanOrEqual(44);
    }

    await first.getByRole('link').tap();
    await expect.poll(() => new URL(page.url()).pathname).toBe(items[0]?.link);

    await nav.getByRole('link', { name: /^待办/ }).tap();
    await page.getByRole('heading', { name: '待办提醒' }).waitFor();
    await list
      .getByRole('listitem')
      .first()
      .getByRole('button', { name: /^已办：/ })
      .tap();
    await expect.poll(() => badge.getAttribute('aria-label')).toBe(`未办 ${items.length - 1} 项`);
    expect(await openItemsOfTheRep()).toHaveLength(items.length - 1);
    expect(await list.getByRole('listitem').count()).toBe(Math.min(items.length - 1, 50));
  });
});
