import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import type { Customer } from '../../modules/customer/customer.entity.js';
import type { KeyPerson } from '../../modules/key-person/key-person.entity.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { toGlobalId } from '../graphql/global-id.js';
import { customerInBook } from './scope.js';

// customer_book is kept by triggers: after every kind of write it must hold exactly what the need-to-know
// rule computed from the source tables before it existed, written out here as it was.

const db = await testDatabase();
const build = builders(db.orm);
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  db.orm.em.fork().execute<T[]>(text, params);

/** The rule before customer_book, per staff member: owned, a relationship to a key person, a project. */
const OLD_BOOK = `
  select s.id as staff_id, c.id as customer_id from staff s cross join customer c
  where c.owner_id = s.id
     or exists (select 1 from relationship r join key_person kp on kp.id = r.key_person_id
                where kp.customer_id = c.id and r.staff_id = s.id)
     or exists (select 1 from project p where p.customer_id = c.id and p.owner_id = s.id)`;

const pairs = (rows: Array<{ staff_id: string; customer_id: string }>) =>
  rows.map((row) => `${row.staff_id}/${row.customer_id}`).sort();

/** The stored book against the old rule; and the viewer's visible customers, new predicate against old. */
async function expectBookAsBefore() {
  const stored = pairs(await sql('select staff_id, customer_id from customer_book'));
  const computed = pairs(await sql(OLD_BOOK));
  expect(stored).toEqual(computed);
  for (const viewer of [manager, rep]) {
    const holders =
      viewer.role === StaffRole.SALES_MANAGER
        ? 'select ?::uuid union all select staff_id from staff_line where manager_id = ?'
        : 'select ?::uuid';
    const holderIds = viewer.role === StaffRole.SALES_MANAGER ? [viewer.id, viewer.id] : [viewer.id];
    const pool = viewer.role === StaffRole.SALES_MANAGER ? 'c.owner_id is null or ' : '';
    const before = await sql<{ id: string }>(
      `select c.id from customer c where ${pool}c.owner_id in (${holders})
         or exists (select 1 from relationship r join key_person kp on kp.id = r.key_person_id
                    where kp.customer_id = c.id and r.staff_id in (${holders}))
         or exists (select 1 from project p where p.customer_id = c.id and p.owner_id in (${holders}))
       order by c.id`,
      [...holderIds, ...holderIds, ...holderIds],
    );
    const condition = customerInBook('c', viewer);
    const now = await sql<{ id: string }>(
      `select c.id from customer c where ${condition.sql} order by c.id`,
      condition.bindings,
    );
    expect(now.map((row) => row.id)).toEqual(before.map((row) => row.id));
  }
  return stored.length;
}

let manager: Staff;
let lead: Staff;
let rep: Staff;
let other: Staff;
let customers: Customer[];
let persons: KeyPerson[];

beforeAll(async () => {
  manager = await build.staff({}, StaffRole.SALES_MANAGER);
  lead = await build.staff({ manager: build.ref(Staff, manager) }, StaffRole.SALES_MANAGER);
  rep = await build.staff({ manager: build.ref(Staff, lead) });
  other = await build.staff();
  customers = [
    await build.customer({ owner: build.ref(Staff, rep) }),
    await build.customer({ owner: build.ref(Staff, other) }),
    await build.customer(),
    await build.customer({ owner: build.ref(Staff, other) }),
  ];
  const [a, b, c] = customers as [Customer, Customer, Customer, Customer];
  persons = [
    await build.keyPerson(a),
    await build.keyPerson(b),
    await build.keyPerson(b),
    await build.keyPerson(c),
  ];
  await build.relationship(persons[1] as KeyPerson, rep);
  await build.relationship(persons[2] as KeyPerson, rep);
  await build.relationship(persons[3] as KeyPerson, other);
  await build.project(c, { owner: build.ref(Staff, rep) });
});

const customer = (i: number) => customers[i] as Customer;
const person = (i: number) => persons[i] as KeyPerson;

describe('customer_book, the stored need-to-know rule', () => {
  it('holds the old rule after the writes that built the data (backfill and inserts)', async () => {
    expect(await expectBookAsBefore()).toBeGreaterThan(0);
  });

  it('follows an owner change and a customer losing its owner', async () => {
    await sql('update customer set owner_id = ? where id = ?', [rep.id, customer(3).id]);
    await expectBookAsBefore();
    await sql('update customer set owner_id = null where id = ?', [customer(0).id]);
    await expectBookAsBefore();
  });

  it('follows relationships added, moved to another staff member and removed', async () => {
    await build.relationship(person(3), rep);
    await expectBookAsBefore();
    // One of the rep's two ties to the second customer goes: the other keeps it in the book.
    await sql('delete from relationship where key_person_id = ? and staff_id = ?', [person(1).id, rep.id]);
    await expectBookAsBefore();
    await sql('update relationship set staff_id = ? where key_person_id = ? and staff_id = ?', [
      other.id,
      person(2).id,
      rep.id,
    ]);
    await expectBookAsBefore();
  });

  it('follows a key person moved to another customer, and deleted with their relationships', async () => {
    await build.relationship(person(0), other);
    await sql('update key_person set customer_id = ? where id = ?', [customer(3).id, person(0).id]);
    await expectBookAsBefore();
    await sql('delete from key_person where id = ?', [person(3).id]);
    await expectBookAsBefore();
  });

  it('follows project owners changed, projects moved, added and deleted', async () => {
    const [project] = await sql<{ id: string }>('select id from project');
    await sql('update project set owner_id = ? where id = ?', [other.id, project?.id]);
    await expectBookAsBefore();
    await sql('update project set customer_id = ? where id = ?', [customer(1).id, project?.id]);
    await expectBookAsBefore();
    await build.project(customer(0), { owner: build.ref(Staff, lead) });
    await expectBookAsBefore();
    await sql('delete from project where id = ?', [project?.id]);
    await expectBookAsBefore();
  });

  it('follows a handover (transferCustomers) of everything a rep held', async () => {
    const admin = await build.staff({}, StaffRole.ADMIN);
    await build.relationship(person(2), rep);
    const result = await db.execute(
      'mutation ($from: ID!, $to: ID!) { transferCustomers(fromStaffId: $from, toStaffId: $to) { relationships } }',
      { from: toGlobalId('Staff', other.id), to: toGlobalId('Staff', rep.id) },
      { viewer: admin },
    );
    expect(result.errors).toBeUndefined();
    expect(await sql('select 1 from customer_book where staff_id = ?', [other.id])).toEqual([]);
    await expectBookAsBefore();
  });

  it('reads a change of the reporting line at once, with the stored book unchanged', async () => {
    const stored = pairs(await sql('select staff_id, customer_id from customer_book'));
    await sql('update staff set manager_id = null where id = ?', [lead.id]);
    await expectBookAsBefore();
    await sql('update staff set manager_id = ? where id = ?', [manager.id, lead.id]);
    await expectBookAsBefore();
    expect(pairs(await sql('select staff_id, customer_id from customer_book'))).toEqual(stored);
  });

  it('drops a deleted customer with everything that put it in a book', async () => {
    await build.project(customer(2), { owner: build.ref(Staff, other) });
    await sql('delete from customer where id = ?', [customer(2).id]);
    expect(await sql('select 1 from customer_book where customer_id = ?', [customer(2).id])).toEqual([]);
    await expectBookAsBefore();
  });

  it('holds the old rule after many random writes of every kind', async () => {
    const staff = [manager, lead, rep, other].map((s) => s.id);
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const pick = <T>(items: T[]) => items[next(items.length)] as T;
    for (let i = 0; i < 10; i += 1) await build.customer();
    for (let round = 0; round < 60; round += 1) {
      const ids = (await sql<{ id: string }>('select id from customer order by id')).map((r) => r.id);
      const kps = (await sql<{ id: string }>('select id from key_person order by id')).map((r) => r.id);
      const rels = (await sql<{ id: string }>('select id from relationship order by id')).map((r) => r.id);
      const projects = (await sql<{ id: string }>('select id from project order by id')).map((r) => r.id);
      const writes = [
        () => sql('update customer set owner_id = ? where id = ?', [next(4) ? pick(staff) : null, pick(ids)]),
        () =>
          sql('insert into key_person (id, customer_id, name) values (gen_random_uuid(), ?, ?)', [
            pick(ids),
            `kp${round}`,
          ]),
        () =>
          kps.length &&
          sql(
            `insert into relationship (id, key_person_id, staff_id, state) values (gen_random_uuid(), ?, ?, 'NEUTRAL')
             on conflict do nothing`,
            [pick(kps), pick(staff)],
          ),
        () => rels.length && sql('delete from relationship where id = ?', [pick(rels)]),
        () => kps.length && sql('update key_person set customer_id = ? where id = ?', [pick(ids), pick(kps)]),
        () => kps.length && sql('delete from key_person where id = ?', [pick(kps)]),
        () =>
          sql('insert into project (id, customer_id, name, owner_id) values (gen_random_uuid(), ?, ?, ?)', [
            pick(ids),
            `p${round}`,
            next(3) ? pick(staff) : null,
          ]),
        () =>
          projects.length &&
          sql('update project set owner_id = ?, customer_id = ? where id = ?', [
            pick(staff),
            pick(ids),
            pick(projects),
          ]),
        () => projects.length && sql('delete from project where id = ?', [pick(projects)]),
      ];
      await pick(writes)();
      await expectBookAsBefore();
    }
  });
});
