import { refreshAbcSnapshot } from '../src/modules/abc/abc.snapshot.js';
import { refreshRiskAssessments } from '../src/modules/risk/risk.refresh.js';
import type { Bench } from './database.js';
import { phase } from './report.js';

export const refreshAbc = (bench: Bench) => refreshAbcSnapshot(bench.orm.em.fork(), bench.clock);

/** The snapshot refreshes an installation runs on a schedule, in order: the risk rules read the classes. */
const REFRESHES: Array<[string, (bench: Bench) => Promise<unknown>]> = [
  ['refreshAbcSnapshot', refreshAbc],
  [
    'refreshRiskAssessments',
    (bench) => refreshRiskAssessments(bench.orm.em.fork(), undefined, { clock: bench.clock }),
  ],
];

/** The snapshots over fresh data, each timed, and how skewed the data came out. */
export async function refreshSnapshots(bench: Bench): Promise<void> {
  for (const [name, refresh] of REFRESHES) await phase(name, () => refresh(bench));
  const [skew] = await bench.orm.em.fork().execute<Array<{ buyers: number; top_fifth: number }>>(
    `with revenue as (
       select customer_id, sum(amount) as revenue from order_line
       where ordered_at > ?::date - interval '12 months' group by customer_id),
     ranked as (select revenue, row_number() over (order by revenue desc) as n, count(*) over () as buyers
                from revenue)
     select max(buyers)::int as buyers,
            (sum(revenue) filter (where n <= ceil(buyers * 0.2)) / sum(revenue))::float8 as top_fifth
     from ranked`,
    [bench.clock.today()],
  );
  console.log(
    `customers buying in the last 12 months: ${skew?.buyers}; the top fifth of them make ` +
      `${((skew?.top_fifth ?? 0) * 100).toFixed(1)}% of the revenue`,
  );
}
