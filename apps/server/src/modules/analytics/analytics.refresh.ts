import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshAbcSnapshot } from '../abc/abc.snapshot.js';
import { refreshRiskAssessments } from '../risk/risk.refresh.js';

/**
 * Brings the default-period snapshots up to date after orders changed in bulk (an import, the demo seed):
 * ABC first, because the risk rules read the classes and revenue it writes.
 */
export async function refreshAnalytics(em: EntityManager, today?: string): Promise<void> {
  await refreshAbcSnapshot(em, ...(today ? [today] : []));
  await refreshRiskAssessments(em, undefined, today ? { today } : undefined);
}
