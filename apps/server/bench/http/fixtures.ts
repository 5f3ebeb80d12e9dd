import type { EntityManager } from '@mikro-orm/postgresql';
import { bookHolders } from '../../src/core/access/scope.js';
import { openSession } from '../../src/modules/auth/session.store.js';
import { Staff } from '../../src/modules/staff/staff.entity.js';

/** A relationship the bench rewrites, with the version last read. */
export interface WrittenRelationship {
  id: string;
  keyPersonId: string;
  staffId: string;
  state: string;
  version: number;
}

/** What the scenarios need from the data: the signed-in manager, customers of their book, links to rewrite. */
export interface Fixtures {
  managerId: string;
  token: string;
  customerIds: string[];
  relationships: WrittenRelationship[];
}

/**
 * The manager of the first region (staff1, see generate.ts staffSql) signed in with a fresh session; a
 * sample of their customers, and of the relationships their line holds (theirs and their reps', which a
 * manager may record), spread over the book by a hash so that requests do not hit one hot row.
 */
export async function benchFixtures(em: EntityManager): Promise<Fixtures> {
  const manager = await em.findOne(Staff, { email: 'staff1@bench.dossier' });
  if (!manager) throw new Error('no bench data: the manager staff1@bench.dossier is missing');
  const { token } = await openSession(em, manager.id);
  const holders = bookHolders(manager);
  const customers = await em.execute<Array<{ id: string }>>(
    `select id from customer where owner_id in (${holders.sql}) order by md5(id::text) limit 200`,
    holders.bindings,
  );
  const relationships = await em.execute<
    Array<{ id: string; key_person_id: string; staff_id: string; state: string; version: number }>
  >(
    `select id, key_person_id, staff_id, state, version from relationship
     where staff_id in (${holders.sql}) order by md5(id::text) limit 500`,
    holders.bindings,
  );
  return {
    managerId: manager.id,
    token,
    customerIds: customers.map((c) => c.id),
    relationships: relationships.map((r) => ({
      id: r.id,
      keyPersonId: r.key_person_id,
      staffId: r.staff_id,
      state: r.state,
      version: r.version,
    })),
  };
}
