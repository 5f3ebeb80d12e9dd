import type { EntityManager } from '@mikro-orm/postgresql';
import { currentClock } from '../../core/clock/current-clock.js';
import { refreshAbcSnapshot } from '../abc/abc.snapshot.js';
import { refreshRiskAssessments } from '../risk/risk.refresh.js';

/**
 * Brings the default-period snapshots up to date after orders changed in bulk (an import, the demo seed):
 * ABC first, because the risk rules read the classes and revenue it writes.
 */
export async function refreshAnalytics(em: EntityManager, clock = currentClock()): Promise<void> {
  await refreshAbcSnapshot(em, clock);
  await refreshRiskAssessments(em, undefined, { clock });
}
