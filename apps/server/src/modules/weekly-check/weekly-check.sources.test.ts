import { ReminderKind } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { type Clock, fixedClock } from '../../core/clock/clock.js';
import type { Customer } from '../customer/customer.entity.js';
import type { ReminderSource } from '../inbox/reminder-source.js';
import { CHECK, COMMENTS, gid, LIST, RETURN, weeklyCheckWorld } from './weekly-check.fixtures.js';
import { weeklyCheckSources } from './weekly-check.sources.js';

// Issue 14, acceptance 2, on an injected clock: a rep's change on Tuesday 1 December 2026 appears on the
// manager's list on Monday 7 December; checked with a comment it leaves the unchecked list and the rep reads
// the comment; sent back with a request, the rep gets the item in their inbox until the manager checks it.
const db = await testDatabase({ clock: fixedClock('2026-11-30T01:00:00Z') });
const world = await weeklyCheckWorld(db);
const { manager, otherManager, li, chen } = world;
const WEEK = '2026-11-30';
/** Monday 7 December 2026, 09:00 in Beijing. */
const monday = fixedClock('2026-12-07T01:00:00Z');
let tianhe: Customer;
let huaxia: Customer;

const source = (kind: ReminderKind) => weeklyCheckSources.find((s) => s.kind === kind) as ReminderSource;
const collect = (kind: ReminderKind, clock: Clock) =>
  source(kind).collect(db.orm.em.fork(), clock.today(), clock);

beforeAll(async () => {
  tianhe = await world.customerOf(li, '天河机电');
  huaxia = await world.customerOf(li, '华夏物流');
  // Tuesday 10:00 in Beijing.
  await world.changeAddress(li, tianhe, '2026-12-01T02:00:00Z', '广州天河路1号');
  await world.changeAddress(li, huaxia, '2026-12-01T03:00:00Z', '上海浦东路2号');
});

describe('acceptance 2: the weekly check through the week', () => {
  it('exports both kinds, each settling when its work is done', () => {
    expect(weeklyCheckSources.map((s) => [s.kind, s.settles])).toEqual([
      [ReminderKind.WEEKLY_CHECK, true],
      [ReminderKind.WEEKLY_CHECK_RETURNED, true],
    ]);
  });

  it('reminds nobody while the week runs, and the manager on the Monday after', async () => {
    // Sunday 6 December, 23:00 in Beijing: the week has not ended.
    expect(await collect(ReminderKind.WEEKLY_CHECK, fixedClock('2026-12-06T15:00:00Z'))).toEqual([]);
    expect(await collect(ReminderKind.WEEKLY_CHECK, monday)).toEqual([
      {
        kind: ReminderKind.WEEKLY_CHECK,
        recipientId: manager.id,
        key: WEEK,
        customerId: null,
        dueOn: '2026-12-07',
        params: { weekStart: WEEK, count: 2 },
        link: `/weekly-check?week=${WEEK}`,
      },
    ]);
    const list = await db.execute(LIST, {}, { viewer: manager, clock: monday });
    expect(list.data?.weeklyCheck).toMatchObject({
      weekStart: WEEK,
      unchecked: 2,
      rows: [
        { customer: { name: '华夏物流' }, changedBy: [{ name: '李明' }], check: null },
        { customer: { name: '天河机电' }, changedBy: [{ name: '李明' }], check: null },
      ],
    });
    // Another manager's rep changed nothing: that manager gets nothing.
    const drafts = await collect(ReminderKind.WEEKLY_CHECK, monday);
    expect(
      drafts.some((draft) => draft.recipientId === otherManager.id || draft.recipientId === chen.id),
    ).toBe(false);
  });

  it('checked with a comment, the dossier leaves the unchecked list and the rep reads the comment', async () => {
    const checked = await db.execute(
      CHECK,
      { c: gid(tianhe), week: WEEK, comment: '地址已核实，很好' },
      { viewer: manager, clock: monday },
    );
    expect(checked.errors).toBeUndefined();
    const list = await db.execute(LIST, {}, { viewer: manager, clock: monday });
    expect(list.data?.weeklyCheck).toMatchObject({ unchecked: 1, checked: 1 });
    const seen = await db.execute(COMMENTS, { id: gid(tianhe) }, { viewer: li, clock: monday });
    expect(seen.data?.customer).toEqual({
      weeklyChecks: [
        { weekStart: WEEK, verdict: 'CHECKED', comment: '地址已核实，很好', manager: { name: '王经理' } },
      ],
    });
    // One dossier is still unchecked: the manager's item stays, counting it.
    expect((await collect(ReminderKind.WEEKLY_CHECK, monday)).map((d) => d.params)).toEqual([
      { weekStart: WEEK, count: 1 },
    ]);
  });

  it('sent back with a request, the rep gets the item; checked later, it settles', async () => {
    expect(await collect(ReminderKind.WEEKLY_CHECK_RETURNED, monday)).toEqual([]);
    // Monday 15:00 in Beijing.
    const afternoon = fixedClock('2026-12-07T07:00:00Z');
    const sent = await db.execute(
      RETURN,
      { c: gid(huaxia), week: WEEK, request: '请补充开票信息' },
      { viewer: manager, clock: afternoon },
    );
    expect(sent.errors).toBeUndefined();
    // Every dossier of the week has a verdict: the manager's item settles.
    expect(await collect(ReminderKind.WEEKLY_CHECK, afternoon)).toEqual([]);
    const returned = {
      kind: ReminderKind.WEEKLY_CHECK_RETURNED,
      recipientId: li.id,
      key: `${huaxia.id}:${WEEK}`,
      customerId: huaxia.id,
      dueOn: '2026-12-07',
      params: { customer: '华夏物流', request: '请补充开票信息', manager: '王经理' },
      link: `/customers/${gid(huaxia)}`,
    };
    expect(await collect(ReminderKind.WEEKLY_CHECK_RETURNED, afternoon)).toEqual([returned]);
    // The next day it is still there; the rep fixes the dossier, the manager checks it.
    const tuesday = fixedClock('2026-12-08T02:00:00Z');
    expect(await collect(ReminderKind.WEEKLY_CHECK_RETURNED, tuesday)).toEqual([returned]);
    await world.changeAddress(li, huaxia, '2026-12-08T03:00:00Z', '上海浦东路2号B座');
    const rechecked = await db.execute(
      CHECK,
      { c: gid(huaxia), week: WEEK, comment: '已补充', version: 1 },
      { viewer: manager, clock: tuesday },
    );
    expect(rechecked.data?.checkDossier).toMatchObject({ verdict: 'CHECKED', version: 2 });
    expect(await collect(ReminderKind.WEEKLY_CHECK_RETURNED, tuesday)).toEqual([]);
  });

  it('reminds the manager of the next week only for that week', async () => {
    // The rep's fix on Tuesday 8 December is the next week's: due on Monday 14 December.
    const next = fixedClock('2026-12-14T01:00:00Z');
    expect(await collect(ReminderKind.WEEKLY_CHECK, next)).toEqual([
      expect.objectContaining({
        key: '2026-12-07',
        dueOn: '2026-12-14',
        params: { weekStart: '2026-12-07', count: 1 },
      }),
    ]);
  });
});
