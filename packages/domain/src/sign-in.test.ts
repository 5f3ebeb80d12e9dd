import { describe, expect, it } from 'vitest';
import { StaffRole } from './enums.js';
import { mayHoldApiTokens, passwordProblem } from './sign-in.js';

const owner = { email: 'Li.Ming@example.com', name: '李明' };

describe('passwordProblem', () => {
  it.each([
    ['a long passphrase', 'correct horse battery', null],
    ['exactly 12 characters', 'abcdefghijk1', null],
    ['12 Chinese characters', '春眠不觉晓处处闻啼鸟夜来', null],
    ['11 characters', 'abcdefghij1', 'must be at least 12 characters'],
    ['11 Chinese characters', '春眠不觉晓处处闻啼鸟夜', 'must be at least 12 characters'],
    ['257 characters', `${'x1'.repeat(128)}y`, 'must be at most 256 characters'],
    ['one repeated character', 'aaaaaaaaaaaaaa', 'must not repeat a single character'],
    ['the e-mail in another case', 'LI.MING@EXAMPLE.COM', 'must not contain the e-mail address'],
    ['the e-mail with spaces', 'li.ming @example.com', 'must not contain the e-mail address'],
    ['the e-mail name inside', 'li.ming-2026-spring', 'must not contain the e-mail address'],
    [
      'fullwidth letters of the e-mail name',
      'ｌｉ．ｍｉｎｇ2026spring',
      'must not contain the e-mail address',
    ],
  ])('%s → %s', (_case, password, problem) => {
    expect(passwordProblem(password, owner)).toBe(problem);
  });

  it('refuses the name itself once it is long enough to be a password', () => {
    expect(passwordProblem('Alexandra Wu', { email: 'aw@example.com', name: 'alexandra wu' })).toBe(
      'must not be the name',
    );
  });

  it('does not refuse a short e-mail name that happens to occur in the password', () => {
    expect(passwordProblem('the lion sleeps tonight', { email: 'li@example.com' })).toBeNull();
  });
});

it.each([
  [StaffRole.ANALYST, true],
  [StaffRole.ADMIN, true],
  [StaffRole.SALES_REP, false],
  [StaffRole.SALES_MANAGER, false],
  [StaffRole.ARCHIVIST, false],
])('mayHoldApiTokens(%s) is %s', (role, allowed) => {
  expect(mayHoldApiTokens(role)).toBe(allowed);
});
