import { describe, expect, it } from 'vitest';
import { FestivalCode, festivalDate, festivalsWithin } from './festivals.js';

const { SPRING_FESTIVAL, MID_AUTUMN, NATIONAL_DAY } = FestivalCode;

describe('festivalDate (published dates)', () => {
  it.each([
    [MID_AUTUMN, 2025, '2025-10-06'],
    [MID_AUTUMN, 2026, '2026-09-25'],
    [MID_AUTUMN, 2027, '2027-09-15'],
    [MID_AUTUMN, 2028, '2028-10-03'],
    [SPRING_FESTIVAL, 2026, '2026-02-17'],
    [SPRING_FESTIVAL, 2027, '2027-02-06'],
    [SPRING_FESTIVAL, 2028, '2028-01-26'],
    [NATIONAL_DAY, 2027, '2027-10-01'],
  ])('%s of %i is on %s', (code, year, expected) => {
    expect(festivalDate(code, year)).toBe(expected);
  });
});

describe('festivalsWithin', () => {
  it.each([
    ['2027-09-12', 3, [{ code: MID_AUTUMN, date: '2027-09-15', days: 3 }]],
    ['2027-09-11', 3, []],
    ['2027-09-15', 3, [{ code: MID_AUTUMN, date: '2027-09-15', days: 0 }]],
    ['2027-09-16', 3, []],
    [
      '2028-09-29',
      5,
      [
        { code: NATIONAL_DAY, date: '2028-10-01', days: 2 },
        { code: MID_AUTUMN, date: '2028-10-03', days: 4 },
      ],
    ],
    ['2027-12-30', 30, [{ code: SPRING_FESTIVAL, date: '2028-01-26', days: 27 }]],
    ['2026-02-14', 3, [{ code: SPRING_FESTIVAL, date: '2026-02-17', days: 3 }]],
    ['2026-06-01', 3, []],
  ])('from %s with %i lead days', (day, lead, expected) => {
    expect(festivalsWithin(day, lead)).toEqual(expected);
  });
});
