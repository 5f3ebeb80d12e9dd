import { RiskCode, RiskLevel } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { riskVariables } from './RiskCustomers';

describe('the risk table reads its filters from the URL', () => {
  it.each([
    ['', { minLevel: RiskLevel.LOW }],
    [
      'risk=HIGH&signal=OVERDUE_RECEIVABLE&owner=U3RhZmY6MQ&region=East',
      {
        minLevel: RiskLevel.HIGH,
        signals: [RiskCode.OVERDUE_RECEIVABLE],
        ownerId: 'U3RhZmY6MQ',
        region: ['East'],
      },
    ],
    // A bookmark with an unknown signal or level lists any signal at every level rather than nothing.
    ['risk=SEVERE&signal=NOPE&region=', { minLevel: RiskLevel.LOW }],
  ])('%s', (query, variables) => {
    expect(riskVariables(new URLSearchParams(query))).toEqual(variables);
  });
});
