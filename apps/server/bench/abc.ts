import { loadavg } from 'node:os';
import { addDays } from '@dossier/domain';
import { defaultFrom } from '../src/modules/abc/abc.period.js';
import { Staff } from '../src/modules/staff/staff.entity.js';
import { runBench } from './database.js';
import { graphqlAs } from './graphql.js';
import { refreshAbc } from './refresh.js';
import { median, table } from './report.js';

// `pnpm bench:abc`: times the analytics reads on the data of `pnpm bench:data`, in one
// process so that every figure, the floor included, is taken under the same conditions.

const RUNS = 5;

const FRESH = `query ($input: AbcInput) {
  abcClassification(input: $input) {
    from to totalRevenue
    classes { class customers revenue share }
    pareto(points: 100) { customerShare revenueShare }
    movements { from to customers }
    customers(first: 50) {
      edges { node { customer { code name } grade { class revenue rank share cumulativeShare previousClass } } }
    }
  }
}`;

const customersPage = (totalCount: boolean) => `query ($after: String) {
  customers(first: 50, after: $after, filter: { abcClass: [A] }, orderBy: { field: REVENUE, direction: DESC }) {
    edges { cursor node { id code name abc { class revenue rank } } }
    pageInfo { hasNextPage endCursor }
    ${totalCount ? 'totalCount' : ''}
  }
}`;

const RISK_PAGE = `{
  riskCustomers(first: 50) {
    edges { node { id code name risk { level score signals { code level message } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Timing {
  name: string;
  target: string;
  ms: number[];
  missing?: string;
}

/** One warm-up, then RUNS timed runs; a failure (say, a field not there yet) is reported, not thrown. */
async function time(name: string, target: string, work: () => Promise<unknown>): Promise<Timing> {
  try {
    await work();
    const ms: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const start = performance.now();
      await work();
      ms.push(performance.now() - start);
    }
    return { name, target, ms };
  } catch (error) {
    return { name, target, ms: [], missing: error instanceof Error ? error.message : String(error) };
  }
}

await runBench(async (bench) => {
  const staff = (email: string) => bench.orm.em.fork().findOne(Staff, { email });
  const [viewer, manager, rep] = await Promise.all(
    // a region's manager and one of its reps (see staffSql)
    ['admin@bench.dossier', 'staff1@bench.dossier', 'staff8@bench.dossier'].map(staff),
  );
  if (!viewer || !manager || !rep) throw new Error('no bench data: run `pnpm bench:data` first');
  const graphql = await graphqlAs(bench, viewer);
  const [asManager, asRep] = await Promise.all([graphqlAs(bench, manager), graphqlAs(bench, rep)]);
  // Twelve months ending 30 days ago: a period no snapshot holds, so the classification is computed fresh.
  const to = addDays(bench.clock.today(), -30);
  const period = { from: defaultFrom(to), to };
  const sql = (query: string, params: unknown[]) => bench.orm.em.fork().execute(query, params);
  const counts = await sql(
    `select (select count(*) from customer)::int as customers, (select count(*) from sales_order)::int as orders,
            (select count(*) from order_line)::int as lines,
            (select count(*) from order_line where ordered_at between ? and ?)::int as in_period`,
    [period.from, period.to],
  );
  console.log(
    `bench:abc on ${JSON.stringify(counts[0])}, period ${period.from}..${period.to}, load ${loadavg()[0]}`,
  );

  const timings: Timing[] = [];
  // The floor: PostgreSQL's own cost to sum the period's revenue per customer, without sending the rows.
  const floor = await time('floor: sum(amount) group by customer_id', '', () =>
    sql(
      `select count(*), sum(revenue) from (
         select customer_id, sum(amount) as revenue from order_line where ordered_at between ? and ?
         group by customer_id) per_customer`,
      [period.from, period.to],
    ),
  );
  timings.push(floor);
  timings.push(
    await time('  same, all rows sent to Node', '', () =>
      sql(
        'select customer_id, sum(amount) from order_line where ordered_at between ? and ? group by customer_id',
        [period.from, period.to],
      ),
    ),
  );
  timings.push(
    await time('abcClassification, fresh period', '≤ 1.5× floor', () =>
      graphql.execute(FRESH, { input: period }),
    ),
  );
  // Need-to-know: the same classification, company-wide ranks, filtered to the viewer's book in SQL.
  timings.push(
    await time('  same, as a regional manager', '', () => asManager.execute(FRESH, { input: period })),
  );
  timings.push(await time('  same, as a rep', '', () => asRep.execute(FRESH, { input: period })));
  timings.push(await time('refreshAbcSnapshot', '', () => refreshAbc(bench)));
  let cursor: unknown = null;
  timings.push(
    await time('customers A by REVENUE, first 50', '< 50 ms', async () => {
      const data = (await graphql.execute(customersPage(false))) as {
        customers: { pageInfo: { endCursor: unknown } };
      };
      cursor = data.customers.pageInfo.endCursor;
    }),
  );
  timings.push(
    await time('  the next 50', '< 50 ms', () => graphql.execute(customersPage(false), { after: cursor })),
  );
  timings.push(await time('  first 50 with totalCount', '', () => graphql.execute(customersPage(true))));
  timings.push(await time('riskCustomers, first 50', '< 200 ms', () => graphql.execute(RISK_PAGE)));
  await Promise.all([graphql, asManager, asRep].map((g) => g.stop()));

  const floorMs = floor.ms.length ? median(floor.ms) : Number.NaN;
  const rows = timings.map((t) => {
    if (t.missing) return [t.name, 'missing', '', t.target, ''];
    const ms = median(t.ms);
    const spread = `${Math.min(...t.ms).toFixed(0)}–${Math.max(...t.ms).toFixed(0)}`;
    return [t.name, ms.toFixed(1), `${(ms / floorMs).toFixed(2)}×`, t.target, spread];
  });
  console.log(`\nmedians of ${RUNS} runs after a warm-up, in ms\n`);
  console.log(table([['measurement', 'median', 'vs floor', 'target', 'min–max'], ...rows]));
  for (const t of timings.filter((t) => t.missing)) console.log(`missing: ${t.name.trim()}: ${t.missing}`);
});
