import { readFileSync } from 'node:fs';
import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { importNorthwind } from '../import/northwind/northwind.import.js';
import type { Staff } from '../staff/staff.entity.js';

// Acceptance 1 of issue 4: Northwind imported into a fresh database, classified for 1996-07-01..1998-05-31
// by abcClassification and by SQL written here from DOMAIN.md alone (order lines, one window, numeric
// arithmetic), compared customer by customer, totals to the cent.

const DUMP = new URL('../../../../../../shared/data/northwind/northwind.sql', import.meta.url);
const db = await testDatabase();
let viewer: Staff;

beforeAll(async () => {
  viewer = await builders(db.orm).staff({}, StaffRole.ANALYST);
  await db.orm.em.fork().transactional((em) => importNorthwind(em, readFileSync(DUMP, 'utf8'), null));
});

const INDEPENDENT = `
  with revenue as (
    select c.code, coalesce(sum(l.amount), 0)::numeric(16, 2) as revenue
    from customer c left join order_line l on l.customer_id = c.id and l.ordered_at between ? and ?
    group by c.code),
  ranked as (
    select code, revenue, row_number() over w as rank,
      coalesce(sum(greatest(revenue, 0)) over (w rows between unbounded preceding and 1 preceding), 0) as before,
      sum(greatest(revenue, 0)) over () as total
    from revenue window w as (order by revenue desc, code collate "C"))
  select code, revenue::text as revenue, rank::int as rank,
    case when revenue <= 0 then 'C' when before < 0.8 * total then 'A'
         when before < (0.8 + 0.15) * total then 'B' else 'C' end as class
  from ranked order by rank`;

const CLASSIFICATION = `{
  abcClassification(input: { from: "1996-07-01", to: "1998-05-31" }) {
    totalRevenue
    classes { class customers revenue }
    customers(first: 200) { totalCount nodes { customer { code } grade { class revenue rank } } }
  }
}`;

interface Classified {
  totalRevenue: string;
  classes: Array<{ class: string; customers: number; revenue: string }>;
  customers: {
    totalCount: number;
    nodes: Array<{ customer: { code: string }; grade: { class: string; revenue: string; rank: number } }>;
  };
}

describe('Northwind, 1996-07-01..1998-05-31', () => {
  it('classifies every customer as SQL written from DOMAIN.md does, totals to the cent', async () => {
    const expected = await db.orm.em
      .fork()
      .execute<Array<{ code: string; revenue: string; rank: number; class: string }>>(INDEPENDENT, [
        '1996-07-01',
        '1998-05-31',
      ]);
    const result = await db.execute<{ abcClassification: Classified }>(CLASSIFICATION, {}, { viewer });
    expect(result.errors).toBeUndefined();
    const got = result.data?.abcClassification as Classified;

    expect(expected).toHaveLength(91);
    expect(got.customers.totalCount).toBe(91);
    expect(got.customers.nodes.map((n) => ({ code: n.customer.code, ...n.grade }))).toEqual(expected);

    const [totals] = await db.orm.em
      .fork()
      .execute<Array<{ total: string }>>(
        `select sum(amount)::text as total from order_line where ordered_at between '1996-07-01' and '1998-05-31'`,
      );
    expect(got.totalRevenue).toBe(totals?.total);
    const byClass = (cls: string) => expected.filter((row) => row.class === cls);
    const cents = (rows: typeof expected) =>
      rows.reduce((sum, row) => sum + BigInt(row.revenue.replace('.', '')), 0n);
    expect(got.classes.map((c) => [c.class, c.customers, c.revenue.replace('.', '')])).toEqual(
      ['A', 'B', 'C'].map((cls) => [cls, byClass(cls).length, cents(byClass(cls)).toString()]),
    );
  });
});
