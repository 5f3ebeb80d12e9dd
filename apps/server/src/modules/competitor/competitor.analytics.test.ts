import { StaffRole } from '@dossier/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../../../test/builders.js';
import { testDatabase } from '../../../test/harness.js';
import { fixedClock } from '../../core/clock/clock.js';
import { toGlobalId } from '../../core/graphql/global-id.js';
import { abcFixtures, type TradingCustomer } from '../abc/abc.fixtures.js';
import { Staff } from '../staff/staff.entity.js';
import { Competitor } from './competitor.entity.js';

// Share of wallet and the competitor filter against hand-written SQL over the same data: revenue summed
// straight from order_line (not the daily rollup the query reads), the rep's scope as "owned by the rep".

const db = await testDatabase({ clock: fixedClock('2026-11-30T04:00:00Z') });
const build = builders(db.orm);
const FROM = '2026-01-01';
const TO = '2026-10-31';

/** A seeded generator (mulberry32), so the data is random-ish and the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

let rep: Staff;
let analyst: Staff;
let competitors: Competitor[];
const outsiderCode = 'W12';

beforeAll(async () => {
  rep = await build.staff({ name: '李销售' });
  const other = await build.staff({ name: '别组销售' });
  analyst = await build.staff({ name: '分析师' }, StaffRole.ANALYST);
  const random = seeded(7);
  const money = () => `${1 + random(90_000)}.${String(random(100)).padStart(2, '0')}`;
  const day = (year: number) =>
    `${year}-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
  const customers: TradingCustomer[] = Array.from({ length: 12 }, (_, i) => {
    const code = `W${String(i + 1).padStart(2, '0')}`;
    // Every third customer has no lines at all; the others lines in and around the period.
    if (i % 3 === 2) return { code };
    const lines: Array<[string, string]> = Array.from({ length: 2 + random(4) }, () => [
      day(2025 + random(2)),
      money(),
    ]);
    return { code, lines };
  });
  // A return larger than the sales: revenue net negative in the period, which counts as 0.
  customers[0] = {
    code: 'W01',
    lines: [
      ['2026-03-03', '100.00'],
      ['2026-04-04', '-250.00'],
    ],
  };
  const ids = await abcFixtures(db.orm).load(customers);
  const em = db.orm.em.fork();
  for (const [code, id] of ids) {
    const owner = code === outsiderCode ? other.id : rep.id;
    await em.execute('update customer set owner_id = ?, name = ? where id = ?', [owner, `客户${code}`, id]);
  }
  competitors = [];
  for (const name of ['艾默生', '博世', '施耐德', '西门子'])
    competitors.push(await build.competitor({ name }));
  // Each customer gets some of the competitors, each with a share of at most 25 % or none estimated.
  for (const [code, id] of ids) {
    for (const competitor of competitors) {
      if (code !== outsiderCode && random(3) === 0) continue;
      const share = random(4) === 0 ? null : `${random(25)}.${String(random(100)).padStart(2, '0')}`;
      await em.execute(
        `insert into customer_competitor (id, customer_id, competitor_id, share_percent)
         values (gen_random_uuid(), ?, ?, ?)`,
        [id, competitor.id, share],
      );
    }
  }
});

const SHARE = `query ($input: ShareOfWalletInput) {
  competitorShareOfWallet(input: $input) {
    from to
    competitors { competitor { id name } customers estimatedCustomers averageSharePercent revenueAtStake }
  }
}`;

interface Row {
  competitor: { id: string; name: string };
  customers: number;
  estimatedCustomers: number;
  averageSharePercent: string | null;
  revenueAtStake: string;
}

/** The expected rows, by hand: revenue from order_line, at stake yuan × share rounded to cents per customer. */
async function expectedRows(ownerId: string | null): Promise<Row[]> {
  const rows = await db.orm.em.fork().execute<
    Array<{
      id: string;
      name: string;
      customers: number;
      estimated: number;
      average: string | null;
      at_stake: string;
    }>
  >(
    `select k.id, k.name, count(*)::int as customers, count(cc.share_percent)::int as estimated,
       round(avg(cc.share_percent), 2)::text as average,
       to_char(coalesce(sum(round(greatest(coalesce(r.yuan, 0), 0) * cc.share_percent) / 100), 0), 'FM999999999990.00') as at_stake
     from competitor k
     join customer_competitor cc on cc.competitor_id = k.id
     join customer c on c.id = cc.customer_id
     left join (select customer_id, sum(amount) as yuan from order_line
                where ordered_at >= ?::date and ordered_at <= ?::date group by customer_id) r on r.customer_id = c.id
     where ?::uuid is null or c.owner_id = ?::uuid
     group by k.id, k.name
     order by coalesce(sum(round(greatest(coalesce(r.yuan, 0), 0) * cc.share_percent)), 0) desc,
       count(*) desc, k.name`,
    [FROM, TO, ownerId, ownerId],
  );
  return rows.map((row) => ({
    competitor: { id: toGlobalId('Competitor', row.id), name: row.name },
    customers: row.customers,
    estimatedCustomers: row.estimated,
    averageSharePercent: row.average,
    revenueAtStake: row.at_stake,
  }));
}

async function shareOfWallet(viewer: Staff): Promise<Row[]> {
  const result = await db.execute<{
    competitorShareOfWallet: { from: string; to: string; competitors: Row[] };
  }>(SHARE, { input: { from: FROM, to: TO } }, { viewer });
  expect(result.errors).toBeUndefined();
  expect(result.data?.competitorShareOfWallet).toMatchObject({ from: FROM, to: TO });
  return result.data?.competitorShareOfWallet.competitors ?? [];
}

describe('competitorShareOfWallet', () => {
  it('answers an analyst exactly as the hand-written SQL over every customer', async () => {
    const answer = await shareOfWallet(analyst);
    expect(answer).toEqual(await expectedRows(null));
    expect(answer).toHaveLength(4);
    // The data exercises what matters: money at stake, and customers without revenue among the present.
    expect(answer.some((row) => row.revenueAtStake !== '0.00')).toBe(true);
  });

  it('answers a rep over their own book only: the customer of another rep counts nowhere', async () => {
    const answer = await shareOfWallet(rep);
    expect(answer).toEqual(await expectedRows(rep.id));
    const all = await shareOfWallet(analyst);
    // The outsider has every competitor: each counts one customer less for the rep.
    const count = (rows: Row[]) =>
      Object.fromEntries(rows.map((row) => [row.competitor.name, row.customers]));
    const repCounts = count(answer);
    for (const [name, n] of Object.entries(count(all))) expect(repCounts[name] ?? 0).toBe(n - 1);
  });

  it('refuses a reversed period with BAD_USER_INPUT naming the field', async () => {
    const result = await db.execute(SHARE, { input: { from: TO, to: FROM } }, { viewer: analyst });
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'input.from'],
    ]);
  });
});

describe('customers where a competitor is present', () => {
  const PAGE = `query ($filter: CustomerFilter, $after: String) {
    customers(first: 2, after: $after, filter: $filter) {
      totalCount nodes { name } pageInfo { hasNextPage endCursor }
    }
  }`;
  type Page = {
    customers: {
      totalCount: number;
      nodes: Array<{ name: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
  };

  async function allPages(viewer: Staff, competitorId: string) {
    const names: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const result: { data?: Page | null; errors?: unknown } = await db.execute<Page>(
        PAGE,
        { filter: { competitorId }, after },
        { viewer },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data?.customers as Page['customers'];
      total = page.totalCount;
      names.push(...page.nodes.map((node) => node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { names, total };
  }

  it.each([0, 1, 2, 3])(
    'lists, page by page, exactly the customers of competitor %i in the viewer’s scope',
    async (i) => {
      const competitor = competitors[i] as Competitor;
      const expected = async (ownerId: string | null) =>
        (
          await db.orm.em.fork().execute<Array<{ name: string }>>(
            `select c.name from customer c
           where exists (select 1 from customer_competitor cc where cc.customer_id = c.id and cc.competitor_id = ?)
             and (?::uuid is null or c.owner_id = ?::uuid)
           order by c.name, c.id`,
            [competitor.id, ownerId, ownerId],
          )
        ).map((row) => row.name);
      const forRep = await allPages(rep, toGlobalId('Competitor', competitor.id));
      const repNames = await expected(rep.id);
      expect(forRep).toEqual({ names: repNames, total: repNames.length });
      const forAnalyst = await allPages(analyst, toGlobalId('Competitor', competitor.id));
      expect(forAnalyst.names).toEqual(await expected(null));
      expect(forAnalyst.names).toContain(`客户${outsiderCode}`);
    },
  );

  it('refuses an id of another type', async () => {
    const result = await db.execute(
      PAGE,
      { filter: { competitorId: toGlobalId('Customer', rep.id) } },
      { viewer: rep },
    );
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([
      ['BAD_USER_INPUT', 'filter.competitorId'],
    ]);
  });
});

describe('nested competitors on a page of customers', () => {
  it('cost the same statements for a page of 2 as for a page of 12', async () => {
    const query = `query ($n: Int!) { customers(first: $n) { nodes { name competitors {
      sharePercent since strengths competitor { name website }
    } } } }`;
    const counts: number[] = [];
    const sizes: number[] = [];
    for (const n of [2, 12]) {
      const statements = await db.captureSql(async () => {
        const result = await db.execute<{ customers: { nodes: Array<{ competitors: unknown[] }> } }>(
          query,
          { n },
          { viewer: analyst },
        );
        expect(result.errors).toBeUndefined();
        sizes.push(result.data?.customers.nodes.flatMap((node) => node.competitors).length ?? 0);
      });
      counts.push(statements.length);
    }
    expect(sizes[1]).toBeGreaterThan(sizes[0] as number);
    // The page, then the presences with their competitors joined in: two statements, whatever the size.
    expect(counts).toEqual([2, 2]);
  });
});
