import { describe, expect, it } from 'vitest';
import { currentPeriod } from './currentPeriod';

describe('currentPeriod', () => {
  it('reads the day in the business time zone: 1 March begins at 16:00 UTC in Beijing', () => {
    expect(currentPeriod(new Date('2027-02-28T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-09');
    expect(currentPeriod(new Date('2027-02-28T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-03');
    expect(currentPeriod(new Date('2027-02-28T16:00:00Z'), 'UTC')).toBe('2026-09');
  });
});
