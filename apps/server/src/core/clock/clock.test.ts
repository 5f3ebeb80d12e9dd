import { describe, expect, it } from 'vitest';
import { fixedClock, isTimeZone, localDateAt, systemClock } from './clock.js';
import { currentClock, currentInstant, runOnClock, setProcessClock } from './current-clock.js';

describe('the business day of an instant', () => {
  it.each([
    ['2026-12-31T15:59:59Z', 'Asia/Shanghai', '2026-12-31'],
    ['2026-12-31T16:00:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2027-01-01'],
    ['2027-05-31T15:59:59Z', 'Asia/Shanghai', '2027-05-31'],
    ['2027-05-31T23:59:00Z', 'Asia/Shanghai', '2027-06-01'],
    ['2027-05-31T23:59:00Z', 'UTC', '2027-05-31'],
    ['2027-06-01T03:59:59Z', 'America/New_York', '2027-05-31'],
    ['2027-06-01T04:00:00Z', 'America/New_York', '2027-06-01'],
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDateAt(new Date(instant), zone)).toBe(day);
    expect(fixedClock(instant, zone).today()).toBe(day);
  });
});

describe('clocks', () => {
  it('knows IANA zones and refuses others', () => {
    expect([isTimeZone('Asia/Shanghai'), isTimeZone('Asia/Beijing'), isTimeZone('UTC+8')]).toEqual([
      true,
      false,
      false,
    ]);
    expect(() => systemClock('Asia/Beijing')).toThrow('unknown time zone Asia/Beijing');
    expect(() => fixedClock('yesterday')).toThrow('not an instant: yesterday');
  });

  it('keeps a fixed clock at its instant, in Beijing unless told otherwise', () => {
    const clock = fixedClock('2026-12-31T16:30:00Z');
    expect([clock.timeZone, clock.now().toISOString(), clock.today()]).toEqual([
      'Asia/Shanghai',
      '2026-12-31T16:30:00.000Z',
      '2027-01-01',
    ]);
  });

  it('gives the clock of the unit of work in progress, else the process clock', async () => {
    const process = fixedClock('2027-05-31T23:59:00Z');
    setProcessClock(process);
    const inside = await runOnClock(fixedClock('2026-12-31T16:30:00Z'), async () => {
      await Promise.resolve();
      return currentInstant().toISOString();
    });
    expect([inside, currentClock(), currentInstant().toISOString()]).toEqual([
      '2026-12-31T16:30:00.000Z',
      process,
      '2027-05-31T23:59:00.000Z',
    ]);
  });
});
