import { AbcClass } from '@dossier/domain';

// The class movements since the previous period, laid out as a from/to matrix.

export interface Movement {
  from: AbcClass | null;
  to: AbcClass;
  customers: number;
}

export const CLASSES = [AbcClass.A, AbcClass.B, AbcClass.C] as const;

/** Which way a cell moved: a better class is up; `new` had no class in the previous period. */
export type Direction = 'up' | 'down' | 'same' | 'new';

export interface MatrixRow {
  /** the previous class; null for customers new in this period */
  from: AbcClass | null;
  cells: Array<{ to: AbcClass; customers: number; direction: Direction }>;
}

export function direction(from: AbcClass | null, to: AbcClass): Direction {
  if (from === null) return 'new';
  const delta = CLASSES.indexOf(to) - CLASSES.indexOf(from);
  return delta < 0 ? 'up' : delta > 0 ? 'down' : 'same';
}

/** Rows A, B, C and new, columns A, B, C, every cell present (0 where nobody moved). */
export function movementMatrix(movements: readonly Movement[]): MatrixRow[] {
  return [...CLASSES, null].map((from) => ({
    from,
    cells: CLASSES.map((to) => ({
      to,
      customers: movements.find((m) => m.from === from && m.to === to)?.customers ?? 0,
      direction: direction(from, to),
    })),
  }));
}

/** Customers who moved to a better class, and to a worse one. */
export function movementTotals(movements: readonly Movement[]): Record<'up' | 'down', number> {
  const sum = (d: Direction) =>
    movements.filter((m) => direction(m.from, m.to) === d).reduce((n, m) => n + m.customers, 0);
  return { up: sum('up'), down: sum('down') };
}
