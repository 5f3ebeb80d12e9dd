import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from '@dossier/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock/clock.js';
import { currentClock } from '../../core/clock/current-clock.js';
import type { Logger } from '../../core/logger.js';
import { type RiskScope, refreshParams, refreshStatement } from './risk.sql.js';

export interface RiskRefreshOptions {
  /**
   * Today, the zone of review days and the time stamped on the assessments. Default: the clock of the
   * unit of work (a flush inside a mutation runs on the request's), else the process's.
   */
  clock?: Clock;
  /** default: the thresholds the ORM was configured with (see thresholdsOf) */
  thresholds?: RiskThresholds;
}

/** Whatever carries the process's risk thresholds on the ORM: the RiskSubscriber. */
interface ThresholdsHolder {
  readonly riskThresholds: RiskThresholds;
}

/**
 * The thresholds the ORM's RiskSubscriber evaluates with, so that every refresh in the process (flush,
 * schedule, import) uses the same configured settings without each caller passing them along.
 */
export function thresholdsOf(em: EntityManager): RiskThresholds {
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if ('riskThresholds' in subscriber) return (subscriber as ThresholdsHolder).riskThresholds;
  }
  return DEFAULT_RISK_THRESHOLDS;
}

async function refresh(em: EntityManager, scope: RiskScope, options: RiskRefreshOptions): Promise<number> {
  const params = refreshParams(
    scope,
    options.clock ?? currentClock(),
    options.thresholds ?? thresholdsOf(em),
  );
  const [row] = await em.execute<Array<{ n: number }>>(refreshStatement(scope), params);
  return row?.n ?? 0;
}

/**
 * Re-evaluates the risk rules set-wise and writes the assessments that changed; answers how many.
 * Without `customerIds`, every customer (after an import, a snapshot refresh, or on schedule); with them,
 * just those. Runs in the em's transaction when there is one.
 */
export function refreshRiskAssessments(
  em: EntityManager,
  customerIds?: readonly string[],
  options: RiskRefreshOptions = {},
): Promise<number> {
  if (customerIds === undefined) return refresh(em, { kind: 'all' }, options);
  if (customerIds.length === 0) return Promise.resolve(0);
  return refresh(em, { kind: 'customers', ids: customerIds }, options);
}

/** Re-evaluates the customers whose key persons know these staff members, e.g. after one left. */
export function refreshRiskOfStaffContacts(
  em: EntityManager,
  staffIds: readonly string[],
  options: RiskRefreshOptions = {},
): Promise<number> {
  if (staffIds.length === 0) return Promise.resolve(0);
  return refresh(em, { kind: 'staff', ids: staffIds }, options);
}

/**
 * A full refresh is due: none yet, older than the ABC snapshot, made with other thresholds, or over 50
 * minutes old. Not an hour: the hourly check would otherwise find the last run (stamped when it started)
 * just short of an hour old and skip every other hour.
 */
export async function riskIsStale(
  em: EntityManager,
  clock: Clock,
  thresholds = thresholdsOf(em),
): Promise<boolean> {
  const [row] = await em.execute<Array<{ fresh: boolean }>>(
    `select exists (
       select 1 from risk_refresh r
       where r.thresholds = ?::jsonb and r.as_of > ?::timestamptz - interval '50 minutes'
         and r.as_of >= coalesce((select as_of from analytics_snapshot), '-infinity')
     ) as fresh`,
    [JSON.stringify(thresholds), clock.now()],
  );
  return !row?.fresh;
}

/**
 * The full refresh when riskIsStale says so; answers the rows written, or null when it was fresh. Asked
 * under a lock that every server instance's schedule takes, so they refresh once between them.
 */
export async function refreshRiskIfStale(
  em: EntityManager,
  log: Logger,
  clock: Clock,
): Promise<number | null> {
  return em.transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('dossier.risk_refresh'))`);
    if (!(await riskIsStale(tx, clock))) return null;
    const started = performance.now();
    const rows = await refreshRiskAssessments(tx, undefined, { clock });
    log.info({ rows, ms: Math.round(performance.now() - started) }, 'risk assessments refreshed');
    return rows;
  });
}
