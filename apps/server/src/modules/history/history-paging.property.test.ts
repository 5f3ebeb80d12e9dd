import { ChangeAction, StaffRole } from '@dossier/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { Customer } from '../customer/customer.entity.js';
import { KeyPerson } from '../key-person/key-person.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import { storedHistoryIds, walkHistory } from './history.fixtures.js';
import { ChangeBatch, recordChanges, recordCreates } from './history.writer.js';

// Paging a customer's history must return every change exactly once, in order, whatever the page size and
// however the changes were written: many in one transaction sharing one time (set-based), one time each
// (an ORM flush), or stamped by the database clock, whose microseconds `change.at` must not keep.

const db = await testDatabase();
const build = builders(db.orm);
let viewer: Staff;
beforeAll(async () => {
  viewer = await build.staff({}, StaffRole.ADMIN);
});

type Kind = 'orm' | 'setBased' | 'databaseClock';

const INSERT_PEOPLE = `insert into key_person (id, customer_id, name)
  select gen_random_uuid(), ?::uuid, '联系人' || g from generate_series(1, ?::int) g returning *`;

/** Writes `count` key persons of the customer in ONE transaction, recorded the way `kind` says. */
async function writeBatch(em: EntityManager, customerId: string, kind: Kind, count: number): Promise<void> {
  await em.fork().transactional(async (tx) => {
    if (kind === 'orm') {
      const customer = ref(tx.getReference(Customer, customerId));
      for (let i = 0; i < count; i += 1) tx.persist(new KeyPerson(customer, `联系人${i}`));
      await tx.flush();
    } else if (kind === 'setBased') {
      const rows = { entity: KeyPerson, created: INSERT_PEOPLE, params: [customerId, count] };
      await recordCreates(tx, new ChangeBatch(null), rows);
    } else {
      const history = recordChanges({
        meta: tx.getMetadata(KeyPerson),
        action: ChangeAction.CREATE,
        rows: 'created',
        values: 'row',
      });
      await tx.execute(
        `with created as (${INSERT_PEOPLE}),
         stamp as (select null::uuid as actor_id, now() as at),
         ${history}
         select 1`,
        [customerId, count],
      );
    }
  });
}

const batches = fc.array(
  fc.record({
    kind: fc.constantFrom<Kind>('orm', 'setBased', 'databaseClock'),
    count: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 4 },
);

describe('Customer.history pages exactly', () => {
  it('every page size from 1 to 7 walks all changes once, at desc then id desc', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (written) => {
        const customer = await build.customer();
        for (const { kind, count } of written) await writeBatch(db.orm.em, customer.id, kind, count);
        const expected = await storedHistoryIds(db, customer.id);
        // The customer's own CREATE, then one CREATE per key person.
        expect(expected).toHaveLength(1 + written.reduce((sum, batch) => sum + batch.count, 0));
        for (let first = 1; first <= 7; first += 1) {
          const walk = await walkHistory(db, viewer, customer.id, first);
          expect(walk.totalCount).toBe(expected.length);
          expect(walk.entries.map((entry) => entry.id)).toEqual(expected);
        }
      }),
      { numRuns: 12, seed: 20261129 },
    );
  }, 120_000);
});
