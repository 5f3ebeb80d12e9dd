import { describe, expect, it } from 'vitest';
import { openAmount, paymentProblem, returnProblem, type Settlement } from './settlement.js';

const order = (total: string, returned: string, paid: string): Settlement => ({ total, returned, paid });

describe('openAmount', () => {
  it.each([
    [order('100.00', '0.00', '0.00'), '100.00'],
    [order('100.00', '10.50', '40.00'), '49.50'],
    [order('100.00', '0.00', '100.00'), '0.00'],
    [order('100.00', '30.00', '100.00'), '-30.00'],
    [order('0.10', '0.00', '0.07'), '0.03'],
  ])('%o leaves %s open', (settlement, open) => {
    expect(openAmount(settlement)).toBe(open);
  });
});

describe('paymentProblem', () => {
  it.each([
    [order('100.00', '0.00', '0.00'), '100.00', null],
    [order('100.00', '0.00', '0.00'), '100.01', 'OVERPAYS'],
    [order('100.00', '20.00', '0.00'), '80.00', null],
    [order('100.00', '20.00', '0.00'), '80.01', 'OVERPAYS'],
    [order('100.00', '20.00', '50.00'), '30.00', null],
    [order('100.00', '20.00', '50.00'), '30.01', 'OVERPAYS'],
    [order('100.00', '0.00', '0.00'), '0.00', 'NOT_POSITIVE'],
    [order('100.00', '0.00', '0.00'), '-1.00', 'NOT_POSITIVE'],
  ])('%o paying %s: %s', (settlement, amount, problem) => {
    expect(paymentProblem(settlement, amount)).toBe(problem);
  });
});

describe('returnProblem', () => {
  it.each([
    [order('100.00', '0.00', '0.00'), '100.00', null],
    [order('100.00', '0.00', '100.00'), '30.00', null],
    [order('100.00', '60.00', '0.00'), '40.00', null],
    [order('100.00', '60.00', '0.00'), '40.01', 'EXCEEDS_SALE'],
    [order('100.00', '0.00', '0.00'), '0.00', 'NOT_POSITIVE'],
    [order('100.00', '0.00', '0.00'), '-0.01', 'NOT_POSITIVE'],
  ])('%o returning %s: %s', (settlement, amount, problem) => {
    expect(returnProblem(settlement, amount)).toBe(problem);
  });
});
