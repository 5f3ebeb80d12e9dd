import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock/clock.js';
import { abcPeriod, abcRequest, defaultFrom } from './abc.period.js';

describe('ABC periods', () => {
  it.each([
    ['2026-11-22', '2025-11-23'],
    ['2024-02-29', '2023-03-01'],
    ['2025-03-31', '2024-04-01'],
    ['2026-01-01', '2025-01-02'],
  ])('the 12 months up to %s start on %s', (to, from) => {
    expect(defaultFrom(to)).toBe(from);
  });

  it.each([
    ['2025-07-01', '2026-06-30', '2024-07-01', '2025-06-30'],
    ['2024-03-01', '2025-02-28', '2023-03-02', '2024-02-29'],
    ['2026-01-15', '2026-01-15', '2026-01-14', '2026-01-14'],
    ['1996-07-01', '1998-05-31', '1994-08-01', '1996-06-30'],
  ])('[%s, %s] follows [%s, %s], as many days long', (from, to, previousFrom, previousTo) => {
    expect(abcPeriod(from, to)).toEqual({ from, to, previousFrom, previousTo });
  });

  const noon = fixedClock('2026-11-22T04:00:00Z');

  it('fills in the defaults of DOMAIN.md', () => {
    expect(abcRequest(null, noon)).toEqual({
      ...abcPeriod('2025-11-23', '2026-11-22'),
      aShare: 0.8,
      bShare: 0.15,
      timeZone: 'Asia/Shanghai',
    });
    expect(abcRequest({ to: '2026-06-30' }, noon).from).toBe('2025-07-01');
    expect(abcRequest({ from: '2026-01-01' }, noon).to).toBe('2026-11-22');
  });

  // Today is the day in Beijing: its midnight is 16:00 UTC the day before.
  it.each([
    ['2026-12-31T15:59:59Z', 'Asia/Shanghai', '2026-01-01', '2026-12-31'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2026-01-02', '2027-01-01'],
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2026-01-02', '2027-01-01'],
    ['2027-05-31T15:59:59Z', 'Asia/Shanghai', '2026-06-01', '2027-05-31'],
    ['2027-05-31T16:00:00Z', 'Asia/Shanghai', '2026-06-02', '2027-06-01'],
    ['2027-05-31T23:59:00Z', 'Asia/Shanghai', '2026-06-02', '2027-06-01'],
    ['2027-05-31T23:59:00Z', 'UTC', '2026-06-01', '2027-05-31'],
    ['2027-06-01T03:00:00Z', 'America/New_York', '2026-06-01', '2027-05-31'],
  ])('at %s in %s the default period is %s..%s', (at, zone, from, to) => {
    expect(abcRequest(null, fixedClock(at, zone))).toMatchObject({ from, to });
  });
});
