import { addMonths, formatCents } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { readReplica } from '../../core/database/replicas.js';
import { badInput } from '../../core/errors.js';
import { abcPeriod, defaultFrom, MAX_PERIOD_YEARS } from '../abc/abc.period.js';
import { raw, revenueSums, runAnalytics, sql, visibleTo } from '../abc/abc.sql.js';
import type { Staff } from '../staff/staff.entity.js';
import type { ShareOfWalletInput } from './inputs/competitor-inputs.js';

export interface WalletPeriod {
  from: string;
  to: string;
}

/** The period asked for, ABC's defaults filled in: the 12 months up to today on the business calendar. */
export function walletPeriod(input: ShareOfWalletInput | null | undefined, clock: Clock): WalletPeriod {
  const to = input?.to ?? clock.today();
  const from = input?.from ?? defaultFrom(to);
  if (from > to) throw badInput('input.from', 'must not be after input.to');
  if (to >= addMonths(from, 12 * MAX_PERIOD_YEARS)) {
    throw badInput('input.to', `must be less than ${MAX_PERIOD_YEARS} years after input.from`);
  }
  return { from, to };
}

export interface WalletShareRow {
  competitorId: string;
  customers: number;
  /** Customers whose estimate is known: the ones the average and the amount at stake count. */
  estimated: number;
  averageSharePercent: string | null;
  revenueAtStake: string;
}

/**
 * Per competitor present at a customer the viewer may see: how many such customers, the average of the
 * estimated shares given, and the revenue at stake, Σ over those customers of revenue × share ÷ 100, each
 * customer's term rounded half away from zero to the cent. Revenue is ABC's (abc.sql.ts revenueSums over
 * the daily rollup: order lines less returns in the period, a net negative counting as 0). One statement.
 */
export async function shareOfWallet(
  em: EntityManager,
  viewer: Staff,
  period: WalletPeriod,
): Promise<WalletShareRow[]> {
  const scope = visibleTo(viewer, 'c', 'set');
  const statement = sql`with sums as (${revenueSums(abcPeriod(period.from, period.to), false)}),
    per_competitor as (
      select cc.competitor_id, count(*)::int as customers, count(cc.share_percent)::int as estimated,
        round(avg(cc.share_percent), 2) as average_share,
        coalesce(sum(round(greatest(coalesce(s.cents, 0), 0) * cc.share_percent / 100)), 0)::int8 as cents
      from customer_competitor cc
      join customer c on c.id = cc.customer_id
      left join sums s on s.customer_id = cc.customer_id
      ${scope ? sql`where ${scope}` : raw('')}
      group by cc.competitor_id)
    select p.competitor_id as "competitorId", p.customers, p.estimated,
      p.average_share::text as "averageSharePercent", p.cents::text as cents
    from per_competitor p join competitor k on k.id = p.competitor_id
    order by p.cents desc, p.customers desc, k.name, p.competitor_id`;
  const rows = await runAnalytics<Omit<WalletShareRow, 'revenueAtStake'> & { cents: string }>(
    readReplica(em),
    statement,
  );
  return rows.map(({ cents, ...row }) => ({ ...row, revenueAtStake: formatCents(BigInt(cents)) }));
}
