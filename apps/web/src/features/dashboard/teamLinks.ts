import { RiskCode } from '@dossier/domain';
import type { DashboardTeamQueryVariables } from '../../apollo/generated';
import { withParam } from '../customers/listParams';
import { COVERAGE_OWNER } from './CoverageList';
import { abcInputOf, readPeriod } from './period';
import { readMinLevel } from './RiskCustomers';

// Where the team view's figures lead: each one to the customers behind it.

/** The team query from the dashboard's URL: revenue of its `period`, risk counted at the risk table's `risk` level. */
export const teamVariables = (params: URLSearchParams): DashboardTeamQueryVariables => ({
  input: abcInputOf(readPeriod(params.get('period'))),
  minRiskLevel: readMinLevel(params.get('risk')),
});

/** The customer list of one rep (a Staff id). */
export const repCustomersHref = (ownerId: string): string =>
  `/customers?${new URLSearchParams({ owner: ownerId })}`;

/** The customer list of one rep's stale dossiers: the customers holding the STALE_DOSSIER signal. */
export const repStaleHref = (ownerId: string): string =>
  `/customers?${new URLSearchParams({ owner: ownerId, signal: RiskCode.STALE_DOSSIER })}`;

/**
 * The dashboard as it is (period, risk level), its risk table narrowed to one rep. The table's signal and
 * region filters are dropped, so it lists exactly the customers the count counts.
 */
export function repRiskHref(params: URLSearchParams, ownerId: string): string {
  const next = withParam(withParam(withParam(params, 'owner', ownerId), 'signal', ''), 'region', '');
  return `/dashboard?${next}#dashboard-risk`;
}

/** The dashboard as it is, its list of A and B customers with uncovered decision makers narrowed to one rep. */
export const repUncoveredHref = (params: URLSearchParams, ownerId: string): string =>
  `/dashboard?${withParam(params, COVERAGE_OWNER, ownerId)}#dashboard-coverage-list`;
