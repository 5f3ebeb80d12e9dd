import { describe, expect, it } from 'vitest';
import { auditVariables, readAuditParams } from './auditParams';

describe('the audit log filters in the URL', () => {
  it.each([
    ['', {}],
    ['?event=LOGIN_SUCCEEDED', { filter: { events: ['LOGIN_SUCCEEDED'] } }],
    ['?staff=U3RhZmY6MQ&from=2026-11-01', { filter: { staffId: 'U3RhZmY6MQ', fromDay: '2026-11-01' } }],
    ['?from=2026-11-01&to=2026-11-30', { filter: { fromDay: '2026-11-01', toDay: '2026-11-30' } }],
    ['?from=2026-11-30&to=2026-11-01', { filter: { fromDay: '2026-11-01', toDay: '2026-11-30' } }],
    // What cannot be a filter is left out rather than sent to be refused.
    ['?event=DROP_TABLE&from=yesterday&to=2026-1-5', {}],
  ])('%s asks for %j', (search, variables) => {
    expect(auditVariables(readAuditParams(new URLSearchParams(search)))).toEqual(variables);
  });
});
