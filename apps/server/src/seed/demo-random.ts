import { base, en, Faker, zh_CN } from '@faker-js/faker';
import { type Clock, localDateAt } from '../core/clock/clock.js';

/** The demo company is the same on every machine: one fixed seed drives every choice and every id. */
export const DEMO_SEED = 20_261_122;

const DAY_MS = 86_400_000;

/** The seeded generator and the day the demo is made: dates are relative to it, so dossiers look current. */
export class Demo {
  readonly faker: Faker;
  /** The moment the demo is made: record stamps lie before it. */
  readonly today: Date;
  /** Today on the business calendar, at 00:00 UTC like every day-valued Date here (order and due days). */
  readonly calendarToday: Date;
  private readonly timeZone: string;

  constructor(
    private readonly clock: Clock,
    seed = DEMO_SEED,
  ) {
    this.faker = new Faker({ locale: [zh_CN, en, base], seed });
    this.today = clock.now();
    this.calendarToday = new Date(`${clock.today()}T00:00:00Z`);
    this.timeZone = clock.timeZone;
  }

  /**
   * A generator of its own for one part of the demo: what it draws does not depend on how many values the
   * rest drew (the orders depend on today's date), and adding the part leaves the rest as it was.
   */
  withSeed(seed: number): Demo {
    return new Demo(this.clock, seed);
  }

  /** The business-calendar day of a moment, as a `date` column value. */
  day(moment: Date): string {
    return localDateAt(moment, this.timeZone);
  }

  id(): string {
    return this.faker.string.uuid();
  }

  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }

  /** A number in [min, max). */
  float(min: number, max: number): number {
    return this.faker.number.float({ min, max });
  }

  /**
   * exp(σ·z) for a standard normal z (Box–Muller): median 1, a long right tail. Sizes of businesses are
   * roughly lognormal, which is what gives a Pareto-like revenue curve.
   */
  lognormal(sigma: number): number {
    const u = 1 - this.float(0, 1);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float(0, 1));
    return Math.exp(sigma * z);
  }

  chance(probability: number): boolean {
    return this.faker.datatype.boolean({ probability });
  }

  pick<T>(items: readonly T[]): T {
    return this.faker.helpers.arrayElement(items);
  }

  pickSome<T>(items: readonly T[], count: number): T[] {
    return this.faker.helpers.arrayElements(items, count);
  }

  /** One of the values, each as likely as its weight. */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    return this.faker.helpers.weightedArrayElement(table.map(([value, weight]) => ({ value, weight })));
  }

  /** A moment between `minDays` and `maxDays` days before today. */
  daysAgo(minDays: number, maxDays: number): Date {
    return new Date(this.today.getTime() - this.int(minDays * DAY_MS, maxDays * DAY_MS));
  }

  /** A digit string of `length` not starting with 0. */
  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: false });
  }
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

export function addMonths(date: Date, months: number): Date {
  const moved = new Date(date);
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved;
}

/** A day-valued Date (00:00 UTC) as a `date` column value (LocalDate). */
export const localDate = (date: Date) => date.toISOString().slice(0, 10);

/** Whole yuan as a Decimal string. */
export const yuan = (amount: number) => `${amount}.00`;

export const latest = (a: Date, b: Date) => (a > b ? a : b);
export const earliest = (a: Date, b: Date) => (a < b ? a : b);
