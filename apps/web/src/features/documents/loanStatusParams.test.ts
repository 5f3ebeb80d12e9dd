import { LoanStatus } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { statusesOfParams, toggleStatus } from './loanStatusParams';

describe('the loan register status filter in the URL', () => {
  it.each([
    ['', []],
    ['status=ON_LOAN&status=REQUESTED', [LoanStatus.REQUESTED, LoanStatus.ON_LOAN]],
    ['status=NONSENSE&status=RETURNED', [LoanStatus.RETURNED]],
  ])('reads "%s" as %j', (search, expected) => {
    expect(statusesOfParams(new URLSearchParams(search))).toEqual(expected);
  });

  it.each([
    ['', LoanStatus.EXPIRED, 'status=EXPIRED'],
    ['page=2&status=EXPIRED', LoanStatus.REQUESTED, 'page=2&status=REQUESTED&status=EXPIRED'],
    ['status=REQUESTED&status=EXPIRED', LoanStatus.REQUESTED, 'status=EXPIRED'],
  ])('toggles in "%s" the status %s to "%s"', (search, status, expected) => {
    expect(toggleStatus(new URLSearchParams(search), status).toString()).toBe(expected);
  });
});
