import {
  type CompletenessFacts,
  CUSTOMER_CHARACTERISTICS,
  DecisionRole,
  InfluenceLevel,
  RelationshipState,
} from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { localDateAt } from '../../core/clock/clock.js';
import { characteristicColumn } from '../customer/customer-characteristics.js';

// Random dossiers for the completeness property test: what is written to the database, and the facts the
// pure rules read of it, computed from the same values without SQL.

/** Our staff the relationships are with: two still here, one who left. */
export interface StaffIds {
  active: [string, string];
  left: string;
}

const text = fc.constantFrom<string | null>(null, '', '  ', '填写');

const keyPerson = fc.record({
  active: fc.boolean(),
  title: text,
  roles: fc.uniqueArray(
    fc.record({
      role: fc.constantFrom(...Object.values(DecisionRole)),
      influence: fc.constantFrom(...Object.values(InfluenceLevel)),
    }),
    { maxLength: 3, selector: (r) => r.role },
  ),
  relationships: fc.uniqueArray(
    fc.record({
      staff: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
      state: fc.constantFrom(...Object.values(RelationshipState)),
    }),
    { maxLength: 3, selector: (r) => r.staff },
  ),
});

const characteristics = fc.record(
  Object.fromEntries(
    CUSTOMER_CHARACTERISTICS.map((c) => [
      c.field,
      c.kind === 'enum' ? fc.constantFrom<string | null>(null, ...Object.keys(c.labels)) : text,
    ]),
  ),
) as fc.Arbitrary<Record<string, string | null>>;

/** An instant up to `days` days before `now`, to the minute: business days cut across UTC days. */
const before = (now: Date, days: number) =>
  fc.integer({ min: 0, max: days * 24 * 60 }).map((minutes) => new Date(now.getTime() - minutes * 60_000));

const day = (now: Date, days: number) => before(now, days).map((at) => at.toISOString().slice(0, 10));

export const dossier = (now: Date) =>
  fc.record({
    industry: text,
    region: text,
    address: text,
    phone: text,
    legalRepresentative: text,
    owned: fc.boolean(),
    characteristics,
    keyPersons: fc.array(keyPerson, { maxLength: 4 }),
    // [reported, days valid]: valid_until is never before reported_at
    creditReports: fc.array(fc.tuple(day(now, 400), fc.integer({ min: 0, max: 400 })), { maxLength: 3 }),
    competitors: fc.integer({ min: 0, max: 2 }),
    createdAt: before(now, 150),
    reviewedAt: fc.option(before(now, 120), { nil: null }),
  });

export type Dossier = ReturnType<typeof dossier> extends fc.Arbitrary<infer D> ? D : never;

const addDaysTo = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The facts of a generated dossier as the pure rules read them. */
export function factsOf(
  d: Dossier,
  today: string,
  timeZone: string,
  reviewIntervalDays: number,
): CompletenessFacts {
  const reports = d.creditReports
    .map(([reported, days]) => ({ reported, validUntil: addDaysTo(reported, days) }))
    .sort((a, b) => b.reported.localeCompare(a.reported) || b.validUntil.localeCompare(a.validUntil));
  return {
    industry: d.industry,
    region: d.region,
    address: d.address,
    phone: d.phone,
    legalRepresentative: d.legalRepresentative,
    ownerId: d.owned ? 'owner' : null,
    characteristics: d.characteristics,
    keyPersons: d.keyPersons.map((p) => ({
      active: p.active,
      title: p.title,
      roles: p.roles,
      relationships: p.relationships.map((r) => ({ state: r.state, staffActive: r.staff !== 2 })),
    })),
    creditValidUntil: reports[0]?.validUntil ?? null,
    competitorCount: d.competitors,
    reviewedOn: localDateAt(d.reviewedAt ?? d.createdAt, timeZone),
    today,
    reviewIntervalDays,
  };
}

/** Writes a generated dossier under `code`, set-based: thousands of runs must stay quick. */
export async function writeDossier(
  em: EntityManager,
  code: string,
  d: Dossier,
  staff: StaffIds,
  competitorIds: readonly string[],
): Promise<void> {
  const columns = CUSTOMER_CHARACTERISTICS.map((c) => characteristicColumn(c.field));
  const [customer] = await em.execute<Array<{ id: string }>>(
    `insert into customer (id, code, name, nature, industry, region, address, phone, legal_representative,
       owner_id, created_at, reviewed_at, ${columns.join(', ')})
     values (gen_random_uuid(), ?, ?, 'COMPANY', ?, ?, ?, ?, ?, ?, ?, ?, ${columns.map(() => '?').join(', ')})
     returning id`,
    [
      code,
      `客户 ${code}`,
      d.industry,
      d.region,
      d.address,
      d.phone,
      d.legalRepresentative,
      d.owned ? staff.active[0] : null,
      d.createdAt,
      d.reviewedAt,
      ...CUSTOMER_CHARACTERISTICS.map((c) => d.characteristics[c.field] ?? null),
    ],
  );
  const customerId = customer?.id as string;
  const staffIds = [...staff.active, staff.left];
  for (const p of d.keyPersons) {
    const [person] = await em.execute<Array<{ id: string }>>(
      `insert into key_person (id, customer_id, name, title, active) values (gen_random_uuid(), ?, '联系人', ?, ?)
       returning id`,
      [customerId, p.title, p.active],
    );
    for (const r of p.roles) {
      await em.execute(
        `insert into decision_role_assignment (id, key_person_id, role, influence) values (gen_random_uuid(), ?, ?, ?)`,
        [person?.id, r.role, r.influence],
      );
    }
    for (const r of p.relationships) {
      await em.execute(
        `insert into relationship (id, key_person_id, staff_id, state) values (gen_random_uuid(), ?, ?, ?)`,
        [person?.id, staffIds[r.staff], r.state],
      );
    }
  }
  for (const [reported, days] of d.creditReports) {
    await em.execute(
      `insert into credit_report (id, customer_id, reported_at, valid_until, rating)
       values (gen_random_uuid(), ?, ?::date, ?::date + ?::int, 'A')`,
      [customerId, reported, reported, days],
    );
  }
  for (const competitorId of competitorIds.slice(0, d.competitors)) {
    await em.execute(
      `insert into customer_competitor (id, customer_id, competitor_id) values (gen_random_uuid(), ?, ?)`,
      [customerId, competitorId],
    );
  }
}
