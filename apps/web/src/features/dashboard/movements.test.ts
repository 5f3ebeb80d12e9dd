import { AbcClass } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { direction, movementMatrix, movementTotals } from './movements';

const { A, B, C } = AbcClass;

describe('movement direction', () => {
  it.each([
    [A, A, 'same'],
    [C, A, 'up'],
    [B, A, 'up'],
    [C, B, 'up'],
    [A, B, 'down'],
    [A, C, 'down'],
    [B, C, 'down'],
    [null, A, 'new'],
    [null, C, 'new'],
  ] as const)('%s → %s is %s', (from, to, expected) => {
    expect(direction(from, to)).toBe(expected);
  });
});

describe('the movement matrix', () => {
  const movements = [
    { from: A, to: A, customers: 10 },
    { from: A, to: C, customers: 2 },
    { from: C, to: A, customers: 1 },
    { from: null, to: B, customers: 4 },
    { from: B, to: A, customers: 3 },
  ];

  it('has a row per previous class and new, a cell per class now, 0 where nobody moved', () => {
    const counts = movementMatrix(movements).map((row) => [row.from, ...row.cells.map((c) => c.customers)]);
    expect(counts).toEqual([
      [A, 10, 0, 2],
      [B, 3, 0, 0],
      [C, 1, 0, 0],
      [null, 0, 4, 0],
    ]);
  });

  it('counts the customers who moved up and down, not the new ones', () => {
    expect(movementTotals(movements)).toEqual({ up: 4, down: 2 });
    expect(movementTotals([])).toEqual({ up: 0, down: 0 });
  });
});
