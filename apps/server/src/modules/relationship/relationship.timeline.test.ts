import { RelationshipState, StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import type { Customer } from '../customer/customer.entity.js';
import type { KeyPerson } from '../key-person/key-person.entity.js';
import { bulkDossiers, mapFixtures } from '../relationship-map/map.fixtures.js';
import type { Staff } from '../staff/staff.entity.js';

const db = await testDatabase({ clock: fixedClock('2026-11-01T02:00:00.000Z') });
const build = builders(db.orm);
const fixtures = mapFixtures(db.orm);
let rep: Staff;
let manager: Staff;

beforeAll(async () => {
  rep = await build.staff({ name: '张三' }, StaffRole.ADMIN);
  manager = await build.staff({ name: '李经理' }, StaffRole.ADMIN);
});

const SET = `mutation ($input: SetRelationshipStateInput!) { setRelationshipState(input: $input) { version } }`;
const TIMELINES = `query ($id: ID!) { customer(id: $id) { relationshipMap { relationships {
  staff { name }
  timeline { previousState state note noteChanged change { at action actor { name } } }
} } } }`;

type Timelines = {
  customer: { relationshipMap: { relationships: Array<{ staff: { name: string }; timeline: unknown[] }> } };
};

const gid = (type: string, row: { id: string }) => toGlobalId(type, row.id);

/** Sets the link of `staff` to `person` as `viewer` at `at`. */
async function set(
  person: KeyPerson,
  staff: Staff,
  input: Record<string, unknown>,
  viewer: Staff,
  at: string,
) {
  const result = await db.execute(
    SET,
    { input: { keyPersonId: gid('KeyPerson', person), staffId: gid('Staff', staff), ...input } },
    { viewer, clock: fixedClock(at) },
  );
  expect(result.errors).toBeUndefined();
}

async function timelines(customer: Customer) {
  let data: Timelines | undefined;
  const statements = await db.captureSql(async () => {
    const result = await db.execute<Timelines>(TIMELINES, { id: gid('Customer', customer) }, { viewer: rep });
    expect(result.errors).toBeUndefined();
    data = result.data ?? undefined;
  });
  return { relationships: data?.customer.relationshipMap.relationships ?? [], statements };
}

describe("a relationship's timeline", () => {
  it('lists the changes of its state and note newest first, with who and when', async () => {
    const customer = await build.customer();
    const person = await build.keyPerson(customer, { name: '王总' });
    await set(person, rep, { state: 'NEUTRAL', note: '初次拜访' }, rep, '2026-11-02T03:00:00.000Z');
    await set(person, rep, { state: 'POSITIVE', expectedVersion: 1 }, manager, '2026-11-09T04:00:00.000Z');
    await set(
      person,
      rep,
      { state: 'POSITIVE', note: '认可方案', expectedVersion: 2 },
      rep,
      '2026-11-10T05:00:00.000Z',
    );

    const { relationships } = await timelines(customer);
    expect(relationships).toEqual([
      {
        staff: { name: '张三' },
        timeline: [
          {
            previousState: 'POSITIVE',
            state: 'POSITIVE',
            note: '认可方案',
            noteChanged: true,
            change: { at: '2026-11-10T05:00:00.000Z', action: 'UPDATE', actor: { name: '张三' } },
          },
          {
            previousState: 'NEUTRAL',
            state: 'POSITIVE',
            note: '初次拜访',
            noteChanged: false,
            change: { at: '2026-11-09T04:00:00.000Z', action: 'UPDATE', actor: { name: '李经理' } },
          },
          {
            previousState: null,
            state: 'NEUTRAL',
            note: '初次拜访',
            noteChanged: true,
            change: { at: '2026-11-02T03:00:00.000Z', action: 'CREATE', actor: { name: '张三' } },
          },
        ],
      },
    ]);
  });

  it('is empty for a relationship loaded without history', async () => {
    const customer = await build.customer();
    await fixtures.relationship(await build.keyPerson(customer), rep, RelationshipState.NONE);
    await db.orm.em.getConnection().execute(
      `delete from field_change where change_id in (select id from change where entity_type = 'Relationship' and customer_id = ?);
       delete from change where entity_type = 'Relationship' and customer_id = ?`,
      [customer.id, customer.id],
    );
    const { relationships } = await timelines(customer);
    expect(relationships).toEqual([{ staff: { name: '张三' }, timeline: [] }]);
  });

  it("reads a map's worth of timelines with their actors in the same statements as one", async () => {
    const counts: number[] = [];
    for (const size of [1, 20]) {
      const customer = await build.customer();
      for (let i = 0; i < size; i += 1) {
        const person = await build.keyPerson(customer);
        await set(person, rep, { state: 'NEUTRAL' }, rep, '2026-11-02T03:00:00.000Z');
        await set(
          person,
          rep,
          { state: 'POSITIVE', expectedVersion: 1 },
          manager,
          '2026-11-03T03:00:00.000Z',
        );
      }
      const { relationships, statements } = await timelines(customer);
      expect(relationships).toHaveLength(size);
      expect(relationships.every((r) => r.timeline.length === 2)).toBe(true);
      counts.push(statements.length);
    }
    // the customer, its relationships with their staff (one join), the timelines, the timelines' actors
    expect(counts).toEqual([4, 4]);
  });
});

describe('bulk data', () => {
  it('never mixes timelines of relationships of other customers', async () => {
    await bulkDossiers(db.orm, 3);
    const customer = await build.customer();
    const person = await build.keyPerson(customer);
    await set(person, rep, { state: 'NEGATIVE' }, rep, '2026-11-04T03:00:00.000Z');
    const { relationships } = await timelines(customer);
    expect(relationships.map((r) => r.timeline.length)).toEqual([1]);
  });
});
