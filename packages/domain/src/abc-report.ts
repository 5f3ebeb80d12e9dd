import { type CustomerAbcGrade, classifiedRevenue } from './abc.js';
import { AbcClass } from './enums.js';
import { ratio } from './fraction.js';

// Reports over ABC grades: how customers moved between periods (the seeds ask to study fast-growing
// and lost customers, 成长快或丢失的顾客) and what each class weighs.

/**
 * Which way a customer moved since the previous period, for the lists of 成长快或丢失的顾客: UP to a better
 * class; DOWN to a worse one, or lost (revenue then, none now), which a customer already in C can be too.
 */
export enum AbcMovementWay {
  UP = 'UP',
  DOWN = 'DOWN',
}

export interface AbcMovement {
  /** null: the customer was not classified in the previous period */
  readonly from: AbcClass | null;
  readonly to: AbcClass;
  readonly customers: number;
}

export interface AbcClassSummary {
  readonly class: AbcClass;
  readonly customers: number;
  readonly revenueCents: bigint;
  readonly share: number;
}

// Fixed order so that charts and tables keep their rows in place from one period to the next.
const CLASSES: readonly AbcClass[] = [AbcClass.A, AbcClass.B, AbcClass.C];

/**
 * Customers per (previous class, current class), for every customer classified now. Only pairs
 * that occur are listed, from A, B, C then new (null), each to A, B, C.
 */
export function abcMovements(
  current: readonly Pick<CustomerAbcGrade, 'customerId' | 'class'>[],
  previous: readonly Pick<CustomerAbcGrade, 'customerId' | 'class'>[],
): AbcMovement[] {
  const previousClass = new Map(previous.map((g) => [g.customerId, g.class]));
  const counts = new Map<string, number>();
  const key = (from: AbcClass | null, to: AbcClass) => `${from ?? ''}>${to}`;
  for (const grade of current) {
    const k = key(previousClass.get(grade.customerId) ?? null, grade.class);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...CLASSES, null].flatMap((from) =>
    CLASSES.flatMap((to) => {
      const customers = counts.get(key(from, to)) ?? 0;
      return customers > 0 ? [{ from, to, customers }] : [];
    }),
  );
}

/**
 * Customers, revenue and share per class, always A, B and C in that order, empty ones included.
 * Revenue is the signed sum; share is of classified revenue as in classifyAbc, so shares add up to 1.
 */
export function summarizeClasses(
  grades: readonly Pick<CustomerAbcGrade, 'class' | 'revenueCents'>[],
): AbcClassSummary[] {
  const total = grades.reduce((sum, g) => sum + classifiedRevenue(g.revenueCents), 0n);
  return CLASSES.map((cls) => {
    const members = grades.filter((g) => g.class === cls);
    return {
      class: cls,
      customers: members.length,
      revenueCents: members.reduce((sum, g) => sum + g.revenueCents, 0n),
      share: ratio(
        members.reduce((sum, g) => sum + classifiedRevenue(g.revenueCents), 0n),
        total,
      ),
    };
  });
}
