import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../test/builders.js';
import { testDatabase } from '../../test/harness.js';
import type { Customer } from '../modules/customer/customer.entity.js';
import { keyPersonsOfCustomer } from '../modules/key-person/key-person.loaders.js';
import type { Staff } from '../modules/staff/staff.entity.js';
import { staffById } from '../modules/staff/staff.loaders.js';
import { Loaders } from './loaders.js';

const db = await testDatabase();
let staff: Staff[];
let customers: Customer[];

beforeAll(async () => {
  const build = builders(db.orm);
  staff = [await build.staff(), await build.staff(), await build.staff()];
  customers = [await build.customer(), await build.customer()];
  for (const customer of customers) {
    for (const name of ['Bo', 'Al']) await build.keyPerson(customer, { name });
  }
});

describe('prepared loader statements', () => {
  it('are one text for any number of keys, the keys travelling as its parameter', async () => {
    const [one, three] = [staff.slice(0, 1), staff];
    const shapes: string[][] = [];
    for (const ids of [one, three]) {
      const loader = new Loaders(db.orm.em.fork(), null).get(staffById);
      let names: Array<string | undefined> = [];
      const sql = await db.captureSql(async () => {
        names = (await loader.loadMany(ids.map((s) => s.id))).map((s) => (s as Staff | null)?.name);
      });
      // The log line ends with MikroORM's timing and row count.
      shapes.push(sql.map((statement) => statement.replace(/ \[took .*\]$/, '')));
      expect(names).toEqual(ids.map((s) => s.name));
    }
    expect(shapes[0]).toHaveLength(1);
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[0]?.[0]).toContain('any($1)');
  });

  it("read a write transaction's own uncommitted changes inside it, and only there", async () => {
    const [customer] = customers as [Customer];
    const namesOf = async (em = db.orm.em.fork()) =>
      (await new Loaders(em, null).get(keyPersonsOfCustomer).load(customer.id)).map((person) => person.name);
    expect(await namesOf()).toEqual(['Al', 'Bo']);
    const seen = await db.orm.em
      .fork()
      .transactional(async (tx) => {
        await tx.execute("update key_person set name = 'Cy' where customer_id = ? and name = 'Al'", [
          customer.id,
        ]);
        const inside = await namesOf(tx);
        const outside = await namesOf();
        throw Object.assign(new Error('roll back'), { seen: { inside, outside } });
      })
      .catch((error: { seen: unknown }) => error.seen);
    expect(seen).toEqual({ inside: ['Bo', 'Cy'], outside: ['Al', 'Bo'] });
    expect(await namesOf()).toEqual(['Al', 'Bo']);
  });
});
