import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import type { Customer } from '../customer/customer.entity.js';
import { CHECK, COMMENTS, gid, LIST, RETURN, weeklyCheckWorld } from './weekly-check.fixtures.js';

// Monday 7 December 2026, 10:00 in Beijing: the check looks back on the week of 30 November.
const db = await testDatabase({ clock: fixedClock('2026-12-07T02:00:00Z') });
const world = await weeklyCheckWorld(db);
const { manager, li, zhang, chen, admin, analyst } = world;
const WEEK = '2026-11-30';
let tianhe: Customer;
let huaxia: Customer;
let later: Customer;
let elsewhere: Customer;

beforeAll(async () => {
  tianhe = await world.customerOf(li, '天河机电');
  huaxia = await world.customerOf(zhang, '华夏物流');
  later = await world.customerOf(li, '后来贸易');
  elsewhere = await world.customerOf(chen, '别组公司');
  // Tuesday 10:00 and 11:00 in Beijing: an address and a new key person of 天河机电.
  await world.changeAddress(li, tianhe, '2026-12-01T02:00:00Z', '广州天河路1号');
  await world.addPerson(li, tianhe, '2026-12-01T03:00:00Z', '周总');
  // Sunday 23:30 in Beijing (15:30 UTC): still the week of 30 November.
  await world.changeAddress(zhang, huaxia, '2026-12-06T15:30:00Z', '上海浦东路2号');
  // Monday 00:10 in Beijing, still Sunday in UTC: the next week.
  await world.changeAddress(li, later, '2026-12-06T16:10:00Z', '深圳南山路3号');
  await world.changeAddress(chen, elsewhere, '2026-12-02T02:00:00Z', '北京海淀路4号');
});

const list = async (viewer = manager, week?: string) => db.execute(LIST, { week }, { viewer });
const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.map((e) => [e.extensions?.code, e.extensions?.field ?? null]);

describe('the weekly check list', () => {
  it("lists what the manager's reps changed in the business week, the week before today by default", async () => {
    const result = await list();
    expect(result.errors).toBeUndefined();
    expect(result.data?.weeklyCheck).toEqual({
      weekStart: WEEK,
      weekEnd: '2026-12-06',
      total: 2,
      unchecked: 2,
      checked: 0,
      returned: 0,
      rows: [
        {
          customer: { name: '华夏物流' },
          changes: 1,
          created: false,
          sections: ['BASIC'],
          lastChangedAt: '2026-12-06T15:30:00.000Z',
          changedBy: [{ name: '张伟' }],
          check: null,
        },
        {
          customer: { name: '天河机电' },
          changes: 2,
          created: false,
          sections: ['BASIC', 'PEOPLE'],
          lastChangedAt: '2026-12-01T03:00:00.000Z',
          changedBy: [{ name: '李明' }],
          check: null,
        },
      ],
    });
  });

  it('puts a change at Monday 00:10 in Beijing into the new week, and an admin sees every team', async () => {
    const current = await list(manager, '2026-12-07');
    expect(current.data?.weeklyCheck).toMatchObject({ total: 1, rows: [{ customer: { name: '后来贸易' } }] });
    const everyone = await db.execute<{ weeklyCheck: { rows: { customer: { name: string } }[] } }>(
      LIST,
      { week: WEEK },
      { viewer: admin },
    );
    const names = everyone.data?.weeklyCheck.rows ?? [];
    expect(names.map((row) => row.customer.name)).toEqual(['华夏物流', '别组公司', '天河机电']);
  });

  it('is refused to reps and analysts, and takes only a Monday', async () => {
    expect(codes(await list(li))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await list(analyst))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await list(manager, '2026-12-01'))).toEqual([['BAD_USER_INPUT', 'weekStart']]);
  });
});

describe('verdicts', () => {
  const verdict = (query: string, viewer: typeof manager, variables: Record<string, unknown>) =>
    db.execute(query, { week: WEEK, ...variables }, { viewer });

  it('refuses bad input and dossiers the manager does not check, writing nothing', async () => {
    expect(codes(await verdict(CHECK, li, { c: gid(tianhe) }))).toEqual([['FORBIDDEN', null]]);
    expect(codes(await verdict(CHECK, manager, { c: gid(elsewhere) }))).toEqual([
      ['NOT_FOUND', 'customerId'],
    ]);
    expect(codes(await verdict(CHECK, manager, { c: gid(later) }))).toEqual([
      ['BAD_USER_INPUT', 'customerId'],
    ]);
    expect(codes(await verdict(CHECK, manager, { c: gid(tianhe), week: '2026-12-02' }))).toEqual([
      ['BAD_USER_INPUT', 'weekStart'],
    ]);
    expect(codes(await verdict(CHECK, manager, { c: gid(tianhe), week: '2026-12-14' }))).toEqual([
      ['BAD_USER_INPUT', 'weekStart'],
    ]);
    expect(codes(await verdict(RETURN, manager, { c: gid(tianhe), request: '  ' }))).toEqual([
      ['BAD_USER_INPUT', 'request'],
    ]);
    expect((await list()).data?.weeklyCheck).toMatchObject({ unchecked: 2, checked: 0 });
  });

  it('checks with a comment, versioned, recorded in the history, and the rep reads it', async () => {
    const first = await verdict(CHECK, manager, { c: gid(tianhe), comment: '联系人信息已补全' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.checkDossier).toMatchObject({
      verdict: 'CHECKED',
      comment: '联系人信息已补全',
      weekStart: WEEK,
      version: 1,
      reviewedAt: '2026-12-07T02:00:00.000Z',
      manager: { name: '王经理' },
      customer: { name: '天河机电' },
    });
    // A second verdict must name the version it replaces.
    const blind = await verdict(RETURN, admin, { c: gid(tianhe), request: '补充决策人' });
    expect(blind.errors?.map((e) => [e.extensions?.code, e.extensions?.currentVersion])).toEqual([
      ['VERSION_CONFLICT', 1],
    ]);
    const stale = await verdict(CHECK, manager, { c: gid(tianhe), comment: '好', version: 3 });
    expect(codes(stale)).toEqual([['VERSION_CONFLICT', null]]);
    const again = await verdict(CHECK, manager, { c: gid(tianhe), comment: '已核对', version: 1 });
    expect(again.data?.checkDossier).toMatchObject({ comment: '已核对', version: 2 });

    expect((await list()).data?.weeklyCheck).toMatchObject({
      total: 2,
      unchecked: 1,
      checked: 1,
      rows: [{ customer: { name: '华夏物流' }, check: null }, { check: { verdict: 'CHECKED', version: 2 } }],
    });
    const seen = await db.execute(COMMENTS, { id: gid(tianhe) }, { viewer: li });
    expect(seen.data?.customer).toEqual({
      weeklyChecks: [{ weekStart: WEEK, verdict: 'CHECKED', comment: '已核对', manager: { name: '王经理' } }],
    });
    const notForAnalysts = await db.execute(COMMENTS, { id: gid(tianhe) }, { viewer: analyst });
    expect(notForAnalysts.data?.customer).toEqual({ weeklyChecks: [] });
    const history = await db.execute<{
      customer: { history: { nodes: { entityType: string; action: string; actor: { name: string } }[] } };
    }>(
      `query ($id: ID!) { customer(id: $id) { history(first: 2, sections: [BASIC]) {
        nodes { entityType action actor { name } } } } }`,
      { id: gid(tianhe) },
      { viewer: li },
    );
    expect(history.data?.customer.history.nodes).toEqual([
      { entityType: 'WeeklyCheck', action: 'UPDATE', actor: { name: '王经理' } },
      { entityType: 'WeeklyCheck', action: 'CREATE', actor: { name: '王经理' } },
    ]);
  });

  it('sends back with a request, which the owner finds among the returned dossiers', async () => {
    const sent = await verdict(RETURN, manager, { c: gid(huaxia), request: '请补充开票信息' });
    expect(sent.data?.returnDossier).toMatchObject({ verdict: 'RETURNED', comment: '请补充开票信息' });
    const RETURNED = '{ returnedDossiers { weekStart comment customer { name } manager { name } } }';
    expect((await db.execute(RETURNED, {}, { viewer: zhang })).data?.returnedDossiers).toEqual([
      {
        weekStart: WEEK,
        comment: '请补充开票信息',
        customer: { name: '华夏物流' },
        manager: { name: '王经理' },
      },
    ]);
    expect((await db.execute(RETURNED, {}, { viewer: li })).data?.returnedDossiers).toEqual([]);
    expect(codes(await db.execute(RETURNED, {}, { viewer: analyst }))).toEqual([['FORBIDDEN', null]]);
    expect((await list()).data?.weeklyCheck).toMatchObject({ unchecked: 0, checked: 1, returned: 1 });
  });
});

describe('batching', () => {
  it('reads rows, reps, customers and verdicts in a fixed number of statements', async () => {
    // Three rows, two with a verdict (the tests above gave them): the list; its customers; the reps; the
    // verdicts; the verdicts' managers, each one statement whatever the number of rows.
    const result = await list(admin, WEEK);
    expect(result.data?.weeklyCheck).toMatchObject({ total: 3, checked: 1, returned: 1 });
    const statements = await db.captureSql(() => list(admin, WEEK));
    expect(statements).toHaveLength(5);
  });
});
