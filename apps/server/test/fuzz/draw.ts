import fc from 'fast-check';

/**
 * Imperative draws inside `fc.gen()`: a walk over the schema reads as plain code, and every choice still
 * comes from fast-check's seeded random source, so one seed replays one run.
 */
export class Draw {
  constructor(private readonly g: fc.GeneratorValue) {}

  /** Uniform: fast-check's default bias towards small values and bounds would skew every chance and pick. */
  int(min: number, max: number): number {
    return this.g((range) => fc.noBias(fc.integer(range)), { min, max });
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.int(0, 9_999) < p * 10_000;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[this.int(0, items.length - 1)] as T;
  }

  /** Up to `max` distinct items, in their original order. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = Math.min(items.length, this.int(min, max));
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
  }

  value<T>(arbitrary: fc.Arbitrary<T>): T {
    return this.g(() => arbitrary);
  }
}
