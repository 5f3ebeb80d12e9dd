import { RISK_WEIGHTS, type RiskCode, type RiskLevel } from '@dossier/domain';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { visibleCustomers } from '../../core/access/scope.js';
import { readReplica } from '../../core/database/replicas.js';
import { idOf } from '../../core/graphql/global-id.js';
import { positionOf, positions } from '../../core/pagination/cursor.js';
import type { Page } from '../../core/pagination/page-args.js';
import { Customer } from '../customer/customer.entity.js';
import type { Staff } from '../staff/staff.entity.js';
import type { RiskRow } from './risk.types.js';

type Row = Record<string, unknown> & {
  risk_level: RiskRow['level'];
  risk_score: number;
  risk_signals: RiskRow['signals'];
};

export interface RiskCustomerRow {
  customer: Customer;
  risk: RiskRow;
}

/** Which risk customers to list or summarise; every condition must hold. */
export interface RiskFilter {
  minLevel: RiskLevel;
  /** any of these signals; empty or null: any */
  signals?: readonly RiskCode[] | null;
  ownerId?: string | null;
  region?: readonly string[] | null;
}

/** Customers whose assessment `r` (risk_assessment) holds any of `signals`, by its containment index. */
export function whereAnySignal(query: Knex.QueryBuilder, signals: readonly RiskCode[]): void {
  const codes = signals.map((code) => JSON.stringify([{ code }]));
  query.whereRaw(`(${codes.map(() => 'r.signals @> ?::jsonb').join(' or ')})`, codes);
}

/**
 * The visible customers at `minLevel` or above (a level bound is a score bound, RISK_WEIGHTS, so no level
 * column is read to filter), joined as `risk_assessment r` and `customer c`.
 */
export function riskCustomersQuery(em: EntityManager, viewer: Staff, filter: RiskFilter): Knex.QueryBuilder {
  const ownerId = filter.ownerId ? idOf(filter.ownerId, 'Staff', 'ownerId') : null;
  const query = em
    .getKnex()
    .queryBuilder()
    .from('risk_assessment as r')
    .join('customer as c', 'c.id', 'r.customer_id')
    .where('r.score', '>=', RISK_WEIGHTS[filter.minLevel]);
  if (filter.signals?.length) whereAnySignal(query, filter.signals);
  if (ownerId) query.where('c.owner_id', ownerId);
  if (filter.region?.length) query.whereIn('c.region', [...filter.region]);
  return visibleCustomers(query, 'c', viewer);
}

/**
 * One keyset page of the risk customers, riskiest first: `(score desc, customer_id desc)`, one backward
 * range scan of risk_assessment's (score, customer_id) index.
 */
export async function riskCustomerPage(em: EntityManager, viewer: Staff, filter: RiskFilter, page: Page) {
  const after = page.after ? { score: positionOf(page.after, positions.int), id: page.after.id } : null;
  const base = () => riskCustomersQuery(em, viewer, filter);
  const query = base().select('c.*', {
    risk_level: 'r.level',
    risk_score: 'r.score',
    risk_signals: 'r.signals',
  });
  if (after) query.whereRaw('(r.score, r.customer_id) < (?, ?)', [after.score, after.id]);
  query
    .orderBy([
      { column: 'r.score', order: 'desc' },
      { column: 'r.customer_id', order: 'desc' },
    ])
    .limit(page.limit + 1);
  const rows = await readReplica(em).execute<Row[]>(query);

  const count = async () => {
    const [row] = await readReplica(em).execute<Array<{ n: number }>>(base().count({ n: '*' }));
    return Number(row?.n ?? 0);
  };
  return {
    rows: rows.map(
      ({ risk_level, risk_score, risk_signals, ...customer }): RiskCustomerRow => ({
        customer: em.map(Customer, customer),
        risk: {
          customer_id: customer.id as string,
          level: risk_level,
          score: risk_score,
          signals: risk_signals,
        },
      }),
    ),
    count,
  };
}
