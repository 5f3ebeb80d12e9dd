import { parseArgs } from 'node:util';

export interface SoakOptions {
  seconds: number;
  /** Customers of bench data (bench:data's shape): small enough to load in seconds. */
  customers: number;
  /** Where to write the figures and the invariants broken, as JSON (the CI test reads them). */
  report?: string;
}

/** `pnpm soak [seconds] [--customers N] [--report file]`: 60 seconds and 2,000 customers unless told. */
export function soakOptions(args: string[]): SoakOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { customers: { type: 'string', default: '2000' }, report: { type: 'string' } },
  });
  const whole = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max)
      throw new RangeError(`${name} must be a whole number from ${min} to ${max}, not "${text}"`);
    return value;
  };
  if (positionals.length > 1) throw new RangeError(`one duration only, not ${positionals.join(' ')}`);
  return {
    // Warm-up takes 30 s at least (memory.ts); the windows after it need a few seconds each.
    seconds: whole('seconds', positionals[0] ?? '60', 40, 86_400),
    customers: whole('--customers', values.customers, 100, 1_000_000),
    report: values.report,
  };
}
