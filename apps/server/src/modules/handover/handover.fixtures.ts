import { randomUUID } from 'node:crypto';
import { CustomerNature, RelationshipState } from '@dossier/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { builders } from '../../../test/builders.js';
import { insertRows } from '../../seed/bulk-insert.js';

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.UTC(2026, 0, 5) + n * DAY);

interface Documented {
  state: RelationshipState;
  note?: string;
  lastContactAt?: Date;
  updatedAt: Date;
}

const { POSITIVE, NEUTRAL, NEGATIVE, NONE } = RelationshipState;

/** Relationships both reps have with one key person, one rule of "better documented" each. */
export const CLASHES: Array<{ rule: string; from: Documented; to: Documented; keeps: 'from' | 'to' }> = [
  {
    rule: 'a known state beats NONE',
    from: { state: POSITIVE, updatedAt: day(0) },
    to: { state: NONE, note: '听说过', lastContactAt: day(5), updatedAt: day(5) },
    keeps: 'from',
  },
  {
    rule: 'NEGATIVE is a known state too',
    from: { state: NONE, note: '待引荐', lastContactAt: day(9), updatedAt: day(9) },
    to: { state: NEGATIVE, updatedAt: day(0) },
    keeps: 'to',
  },
  {
    rule: 'then the one with a note',
    from: { state: NEUTRAL, note: '拜访过两次', lastContactAt: day(1), updatedAt: day(1) },
    to: { state: NEUTRAL, lastContactAt: day(8), updatedAt: day(8) },
    keeps: 'from',
  },
  {
    rule: 'then the later last contact',
    from: { state: NEUTRAL, lastContactAt: day(2), updatedAt: day(9) },
    to: { state: NEUTRAL, lastContactAt: day(3), updatedAt: day(3) },
    keeps: 'to',
  },
  {
    rule: 'then the later update',
    from: { state: POSITIVE, note: '支持我方', lastContactAt: day(4), updatedAt: day(7) },
    to: { state: POSITIVE, note: '支持我方', lastContactAt: day(4), updatedAt: day(6) },
    keeps: 'from',
  },
  {
    rule: "a full tie keeps the receiver's own",
    from: { state: NEUTRAL, updatedAt: day(0) },
    to: { state: NEUTRAL, updatedAt: day(0) },
    keeps: 'to',
  },
];

const relationship = (keyPerson: string, staff: string, documented: Documented) => ({
  id: randomUUID(),
  key_person_id: keyPerson,
  staff_id: staff,
  state: documented.state,
  note: documented.note ?? null,
  last_contact_at: documented.lastContactAt ?? null,
  created_at: day(0),
  updated_at: documented.updatedAt,
});

/**
 * A departing rep's book: 20 customers with 3 key persons each, a relationship with all 60 of them (the
 * first ones clashing with the receiver's, see CLASHES) and 5 projects. Around it, what must not move:
 * a third rep's customer, project and relationships, and the receiver's relationships elsewhere.
 * Inserted in bulk, so no history exists before the handover.
 */
export async function departingRepBook(orm: MikroORM) {
  const build = builders(orm);
  const [from, to, other] = [await build.staff({ active: false }), await build.staff(), await build.staff()];
  const em = orm.em.fork();
  const customer = (owner: string, i: number) => ({
    id: randomUUID(),
    code: `H${randomUUID().slice(0, 8)}`,
    name: `移交客户${i}`,
    nature: CustomerNature.COMPANY,
    owner_id: owner,
  });
  const customers = Array.from({ length: 20 }, (_, i) => customer(from.id, i));
  const otherCustomer = customer(other.id, 99);
  const keyPersons = [...customers, otherCustomer].flatMap((c) =>
    [0, 1, 2].map((k) => ({ id: randomUUID(), customer_id: c.id, name: `${c.name}联系人${k}` })),
  );
  const fromRelationships = keyPersons
    .slice(0, 60)
    .map((kp, i) => relationship(kp.id, from.id, CLASHES[i]?.from ?? { state: POSITIVE, updatedAt: day(0) }));
  const toRelationships = [
    ...CLASHES.map((clash, i) => relationship(keyPersons[i]?.id ?? '', to.id, clash.to)),
    ...keyPersons.slice(60).map((kp) => relationship(kp.id, to.id, { state: NEUTRAL, updatedAt: day(0) })),
  ];
  const otherRelationships = keyPersons
    .slice(0, 3)
    .map((kp) => relationship(kp.id, other.id, { state: NEUTRAL, updatedAt: day(0) }));
  const project = (c: { id: string }, owner: string | null, i: number) => ({
    id: randomUUID(),
    customer_id: c.id,
    name: `项目${i}`,
    owner_id: owner,
  });
  const projects = customers.slice(0, 5).map((c, i) => project(c, from.id, i));
  const untouchedProjects = [
    project(customers[5] ?? otherCustomer, other.id, 5),
    project(otherCustomer, null, 6),
  ];

  await insertRows(em, 'customer', [...customers, otherCustomer]);
  await insertRows(em, 'key_person', keyPersons);
  await insertRows(em, 'relationship', [...fromRelationships, ...toRelationships, ...otherRelationships]);
  await insertRows(em, 'project', [...projects, ...untouchedProjects]);
  const clashes = CLASHES.map((clash, i) => ({
    ...clash,
    fromId: fromRelationships[i]?.id ?? '',
    toId: toRelationships[i]?.id ?? '',
  }));
  return { from, to, other, customers, otherCustomer, projects, untouchedProjects, clashes };
}
