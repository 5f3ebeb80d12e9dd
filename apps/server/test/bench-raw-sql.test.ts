import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER, DOSSIER_LIST } from '../bench/http/documents.js';
import { benchFixtures, type Fixtures } from '../bench/http/fixtures.js';
import { DOSSIER_LIST_SQL, DOSSIER_SQL } from '../bench/http/raw-sql.mjs';
import { bulkSessions, loadBenchData } from '../bench/load.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { testDatabase } from './harness.js';

// `pnpm bench` holds our server against one hand-written statement per scenario: that baseline must keep
// answering exactly what our server answers, or the ratio it prints compares different work.

const db = await testDatabase();
const pool = bulkSessions(db.url);
let fixtures: Fixtures;
let manager: Staff;

beforeAll(async () => {
  await loadBenchData(pool, { customers: 400, orders: 1200, lines: 4000, today: '2026-11-22' });
  const em = db.orm.em.fork();
  fixtures = await benchFixtures(em);
  manager = await em.findOneOrFail(Staff, { id: fixtures.managerId });
});

afterAll(() => pool.end());

const raw = async (statement: string, parameter: unknown) =>
  JSON.parse(
    (await pool.query<{ body: string }>(statement, [fixtures.token, parameter])).rows[0]?.body ?? '',
  );

describe('the raw-SQL baseline of pnpm bench, as a regional manager', () => {
  it('lists the dossiers of the manager’s book as our server does, nested rows and order included', async () => {
    const ours = await db.execute(DOSSIER_LIST, { first: 50 }, { viewer: manager });
    const theirs = await raw(DOSSIER_LIST_SQL, 50);
    expect(theirs).toEqual(JSON.parse(JSON.stringify(ours)));
    expect(theirs.data.customers.nodes).toHaveLength(50);
  });

  it('answers one dossier as our server does, and nothing for a customer outside the book', async () => {
    const [id] = fixtures.customerIds;
    const ours = await db.execute(DOSSIER, { id: toGlobalId('Customer', id as string) }, { viewer: manager });
    expect(await raw(DOSSIER_SQL, id)).toEqual(JSON.parse(JSON.stringify(ours)));
    const { rows } = await pool.query<{ id: string }>(
      `select c.id from customer c join staff s on s.id = c.owner_id
       where s.manager_id <> $1 and not exists (select 1 from relationship r join key_person kp on kp.id = r.key_person_id
         where kp.customer_id = c.id and r.staff_id in (select $1 union all select id from staff where manager_id = $1))
       limit 1`,
      [fixtures.managerId],
    );
    const outside = rows[0]?.id as string;
    const hidden = await db.execute(DOSSIER, { id: toGlobalId('Customer', outside) }, { viewer: manager });
    expect(hidden.data).toEqual({ customer: null });
    expect(await raw(DOSSIER_SQL, outside)).toEqual({ data: { customer: null } });
  });
});
