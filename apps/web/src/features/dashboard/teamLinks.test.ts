import { RiskLevel } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { repCustomersHref, repRiskHref, repStaleHref, repUncoveredHref, teamVariables } from './teamLinks';

const rep = 'U3RhZmY6NQ';

describe("the team view's links", () => {
  it.each([
    ['', { input: undefined, minRiskLevel: RiskLevel.LOW }],
    [
      'period=2026-Q2&risk=HIGH&owner=x',
      { input: { from: '2026-04-01', to: '2026-06-30' }, minRiskLevel: RiskLevel.HIGH },
    ],
    [
      'period=2025&risk=NONE',
      { input: { from: '2025-01-01', to: '2025-12-31' }, minRiskLevel: RiskLevel.LOW },
    ],
  ])('?%s asks for %j', (query, variables) => {
    expect(teamVariables(new URLSearchParams(query))).toEqual(variables);
  });

  it("opens a rep's customers and their stale dossiers in the customer list", () => {
    expect(repCustomersHref(rep)).toBe(`/customers?owner=${rep}`);
    expect(repStaleHref(rep)).toBe(`/customers?owner=${rep}&signal=STALE_DOSSIER`);
  });

  it.each([
    ['', `/dashboard?owner=${rep}#dashboard-risk`],
    ['period=2026&risk=MEDIUM', `/dashboard?period=2026&risk=MEDIUM&owner=${rep}#dashboard-risk`],
    [
      'owner=other&signal=STALE_DOSSIER&region=East&risk=HIGH',
      `/dashboard?owner=${rep}&risk=HIGH#dashboard-risk`,
    ],
  ])('from ?%s narrows the risk table to the rep at %s', (query, href) => {
    expect(repRiskHref(new URLSearchParams(query), rep)).toBe(href);
  });

  it.each([
    ['', `/dashboard?coverageOwner=${rep}#dashboard-coverage-list`],
    [
      'period=2026&coverageOwner=other',
      `/dashboard?period=2026&coverageOwner=${rep}#dashboard-coverage-list`,
    ],
  ])('from ?%s narrows the uncovered A and B list to the rep at %s', (query, href) => {
    expect(repUncoveredHref(new URLSearchParams(query), rep)).toBe(href);
  });
});
