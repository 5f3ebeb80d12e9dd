import { randomUUID } from 'node:crypto';
import { RelationshipState, StaffRole } from '@dossier/domain';
import type { Knex } from '@mikro-orm/postgresql';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders, tableCounts } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { mapFixtures } from '../relationship-map/map.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';

const NOW = '2026-12-31T16:30:00.000Z';
const db = await testDatabase({ clock: fixedClock(NOW) });
const build = builders(db.orm);
const fixtures = mapFixtures(db.orm);
let rep: Staff;
let customer: Customer;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.ADMIN);
  customer = await build.customer();
});

const SET = `mutation ($input: SetRelationshipStateInput!) {
  setRelationshipState(input: $input) { id state note version lastContactAt keyPerson { name } staff { name } }
}`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

type Link = { id: string; state: string; note: string | null; version: number; lastContactAt: string | null };
type Result = Awaited<ReturnType<typeof db.execute<{ setRelationshipState: Link }>>>;

const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);
const set = (person: KeyPerson, input: Record<string, unknown>, staff: Staff = rep, clock = db.clock) =>
  db.execute<{ setRelationshipState: Link }>(
    SET,
    { input: { keyPersonId: gid('KeyPerson', person), staffId: gid('Staff', staff), ...input } },
    { viewer: rep, clock },
  );

/** The history of one relationship: each change with its `state` field before and after. */
async function stateHistory(relationshipId: string) {
  return db.orm.em.getConnection().execute(
    `select c.action, f.before, f.after from change c
     join field_change f on f.change_id = c.id and f.field = 'state'
     where c.entity_type = 'Relationship' and c.entity_id = ? order by c.at, c.id`,
    [relationshipId],
  );
}

/**
 * Sends `requests` while another transaction holds what they need (`hold`: a row lock or an uncommitted row),
 * stepping aside only once all of them wait for it: the race is then certain, not a matter of timing.
 */
async function race(
  hold: (blocker: Knex.Transaction) => Promise<unknown>,
  requests: Array<() => Promise<Result>>,
) {
  const blocker = await db.orm.em.getKnex().transaction();
  await hold(blocker);
  const racing = Promise.all(requests.map((request) => request()));
  const waiting = `select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`;
  try {
    for (let attempt = 0; ; attempt += 1) {
      const [row] = await db.orm.em.getConnection().execute<Array<{ n: number }>>(waiting);
      if (row?.n === requests.length) break;
      if (attempt === 500) throw new Error(`${row?.n} of ${requests.length} requests waited for the lock`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await blocker.rollback();
  }
  return racing;
}

const uuidOf = (result: Result) =>
  Buffer.from(result.data?.setRelationshipState.id ?? '', 'base64url')
    .toString()
    .split(':')[1] ?? '';

describe('setRelationshipState', () => {
  it('creates a link without a version, then changes it with the version, recording both in history', async () => {
    const person = await build.keyPerson(customer, { name: '李工' });
    const created = await set(person, { state: 'NEUTRAL', note: ' 初次拜访 ' });
    expect(created.errors).toBeUndefined();
    expect(created.data?.setRelationshipState).toMatchObject({
      state: 'NEUTRAL',
      note: '初次拜访',
      version: 1,
      keyPerson: { name: '李工' },
      staff: { name: '张三' },
    });
    expect(created.data?.setRelationshipState.lastContactAt).toBe(NOW);

    const nextDay = '2027-01-02T01:00:00.000Z';
    const changed = await set(person, { state: 'POSITIVE', expectedVersion: 1 }, rep, fixedClock(nextDay));
    expect(changed.data?.setRelationshipState).toMatchObject({
      state: 'POSITIVE',
      note: '初次拜访',
      version: 2,
      lastContactAt: nextDay,
    });
    expect(await stateHistory(uuidOf(created))).toEqual([
      { action: 'CREATE', before: null, after: 'NEUTRAL' },
      { action: 'UPDATE', before: 'NEUTRAL', after: 'POSITIVE' },
    ]);
  });

  it('leaves an unchanged link alone: same version, no history, no new contact time', async () => {
    const person = await build.keyPerson(customer);
    const created = await set(person, { state: 'NEGATIVE', note: '偏向竞争对手' });
    const before = await tableCounts(db.orm);
    const again = await set(person, { state: 'NEGATIVE', expectedVersion: 1 });
    expect(again.data?.setRelationshipState).toEqual(created.data?.setRelationshipState);
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('ignores an expectedVersion given when creating', async () => {
    const person = await build.keyPerson(customer);
    const created = await set(person, { state: 'NONE', expectedVersion: 7 });
    expect(created.data?.setRelationshipState).toMatchObject({ state: 'NONE', version: 1 });
  });

  it('clears the note with null', async () => {
    const person = await build.keyPerson(customer);
    await set(person, { state: 'NEUTRAL', note: '备注' });
    const cleared = await set(person, { state: 'NEUTRAL', note: null, expectedVersion: 1 });
    expect(cleared.data?.setRelationshipState).toMatchObject({ note: null, version: 2 });
  });

  it('requires expectedVersion to change an existing link, and refuses a stale one', async () => {
    const person = await build.keyPerson(customer);
    await set(person, { state: 'NEUTRAL' });
    await set(person, { state: 'POSITIVE', expectedVersion: 1 });
    const before = await tableCounts(db.orm);
    const missing = await set(person, { state: 'NEGATIVE' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.expectedVersion',
    });
    const stale = await set(person, { state: 'NEGATIVE', expectedVersion: 1 });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('lets exactly one of two concurrent changes with the same version win', async () => {
    const person = await build.keyPerson(customer);
    const created = await set(person, { state: 'NEUTRAL' });
    const results = await race(
      (blocker) => blocker.raw('select 1 from relationship where key_person_id = ? for update', [person.id]),
      [
        () => set(person, { state: 'POSITIVE', expectedVersion: 1 }),
        () => set(person, { state: 'NEGATIVE', expectedVersion: 1 }),
      ],
    );
    const winners = results.filter((result) => result.errors === undefined);
    const losers = results.filter((result) => result.errors !== undefined);
    expect(winners).toHaveLength(1);
    expect(losers.map((result) => result.errors?.[0]?.extensions)).toEqual([
      { code: 'VERSION_CONFLICT', currentVersion: 2 },
    ]);
    const winner = winners[0]?.data?.setRelationshipState;
    expect(winner?.version).toBe(2);
    expect(await stateHistory(uuidOf(created))).toEqual([
      { action: 'CREATE', before: null, after: 'NEUTRAL' },
      { action: 'UPDATE', before: 'NEUTRAL', after: winner?.state },
    ]);
  });

  it('turns a concurrent first creation of the same link into VERSION_CONFLICT, keeping one link', async () => {
    const person = await build.keyPerson(customer);
    const results = await race(
      (blocker) =>
        blocker('relationship').insert({
          id: randomUUID(),
          key_person_id: person.id,
          staff_id: rep.id,
          state: 'NONE',
        }),
      [() => set(person, { state: 'POSITIVE' }), () => set(person, { state: 'NEUTRAL' })],
    );
    const winners = results.filter((result) => result.errors === undefined);
    expect(winners).toHaveLength(1);
    expect(results.flatMap((result) => result.errors?.map((error) => error.extensions) ?? [])).toEqual([
      { code: 'VERSION_CONFLICT', currentVersion: 1 },
    ]);
    const created = winners[0] as Result;
    expect(await stateHistory(uuidOf(created))).toEqual([
      { action: 'CREATE', before: null, after: created.data?.setRelationshipState.state },
    ]);
  });

  it('refuses a staff member who has left, writing nothing', async () => {
    const person = await build.keyPerson(customer);
    const departed = await build.staff({ active: false });
    const before = await tableCounts(db.orm);
    const result = await set(person, { state: 'POSITIVE' }, departed);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.staffId' });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['a malformed key person id', 'BAD_USER_INPUT', 'input.keyPersonId', { keyPersonId: 'bogus' }],
    [
      'a staff id as key person',
      'BAD_USER_INPUT',
      'input.keyPersonId',
      { keyPersonId: toGlobalId('Staff', UNKNOWN) },
    ],
    [
      'an unknown key person',
      'NOT_FOUND',
      'input.keyPersonId',
      { keyPersonId: toGlobalId('KeyPerson', UNKNOWN) },
    ],
    ['a malformed staff id', 'BAD_USER_INPUT', 'input.staffId', { staffId: '' }],
    [
      'a key person id as staff',
      'BAD_USER_INPUT',
      'input.staffId',
      { staffId: toGlobalId('KeyPerson', UNKNOWN) },
    ],
    ['an unknown staff member', 'NOT_FOUND', 'input.staffId', { staffId: toGlobalId('Staff', UNKNOWN) }],
    ['a note of 2001 characters', 'BAD_USER_INPUT', 'input.note', { note: 'n'.repeat(2001) }],
  ])('refuses %s with %s on %s, writing nothing', async (_case, code, field, input) => {
    const person = await build.keyPerson(customer);
    const before = await tableCounts(db.orm);
    const result = await set(person, { state: 'POSITIVE', ...input });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it.each([
    ['a missing state', { state: undefined }],
    ['an unknown state', { state: 'FRIENDLY' }],
    ['a fractional version', { state: 'POSITIVE', expectedVersion: 1.5 }],
  ])('refuses %s before any resolver runs', async (_case, input) => {
    const person = await build.keyPerson(customer);
    const before = await tableCounts(db.orm);
    const result = await set(person, input);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableCounts(db.orm)).toEqual(before);
  });

  it('lists the links of a key person and reads each back from both ends', async () => {
    const person = await build.keyPerson(customer, { name: '周' });
    const colleague = await build.staff({ name: '李四' });
    await fixtures.relationship(person, rep, RelationshipState.POSITIVE);
    await fixtures.relationship(person, colleague, RelationshipState.NONE);
    const result = await db.execute(
      'query ($id: ID!) { keyPerson(id: $id) { relationships { state staff { name } keyPerson { name } } } }',
      { id: gid('KeyPerson', person) },
      { viewer: rep },
    );
    expect(result.data).toEqual({
      keyPerson: {
        relationships: [
          { state: 'POSITIVE', staff: { name: '张三' }, keyPerson: { name: '周' } },
          { state: 'NONE', staff: { name: '李四' }, keyPerson: { name: '周' } },
        ],
      },
    });
  });
});
