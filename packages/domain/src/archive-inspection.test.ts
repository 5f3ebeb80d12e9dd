import { describe, expect, it } from 'vitest';
import { inspectionPeriodOf, inspectionPeriodStart, isInspectionPeriod } from './archive-inspection.js';

describe('inspectionPeriodOf', () => {
  it.each([
    ['2027-01-15', '2026-09'],
    ['2027-02-28', '2026-09'],
    ['2027-03-01', '2027-03'],
    ['2027-08-31', '2027-03'],
    ['2027-09-01', '2027-09'],
    ['2027-12-31', '2027-09'],
  ])('%s falls in %s', (day, period) => {
    expect(inspectionPeriodOf(day)).toBe(period);
  });
});

describe('isInspectionPeriod', () => {
  it.each([
    ['2027-03', true],
    ['2027-09', true],
    ['2027-04', false],
    ['2027-3', false],
    ['27-03', false],
    ['2027-03-01', false],
  ])('%s: %s', (value, valid) => {
    expect(isInspectionPeriod(value)).toBe(valid);
  });

  it('starts a period on its first day', () => {
    expect(inspectionPeriodStart('2027-09')).toBe('2027-09-01');
  });
});
