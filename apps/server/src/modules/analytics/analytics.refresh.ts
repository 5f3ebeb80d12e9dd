import type { EntityManager } from '@mikro-orm/postgresql';
import { currentClock } from '../../core/clock/current-clock.js';
import { refreshAbcRankingIfStale } from '../abc/abc.ranking.js';
import { refreshAbcSnapshot } from '../abc/abc.snapshot.js';
import { refreshRiskAssessments } from '../risk/risk.refresh.js';

/**
 * Brings the default-period snapshots up to date after orders changed in bulk (an import, the demo seed):
 * ABC first, because the risk rules read the classes and revenue it writes; the dashboard's stored ranking
 * with it.
 */
export async function refreshAnalytics(em: EntityManager, clock = currentClock()): Promise<void> {
  await refreshAbcSnapshot(em, clock);
  await refreshAbcRankingIfStale(em, clock);
  await refreshRiskAssessments(em, undefined, { clock });
}
