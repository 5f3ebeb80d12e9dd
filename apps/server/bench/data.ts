import { parseArgs } from 'node:util';
import { runBench } from './database.js';
import type { BenchSize } from './generate.js';
import { loadBenchData } from './load.js';
import { refreshSnapshots } from './refresh.js';
import { phase, secondsSince } from './report.js';

// `pnpm bench:data [--customers N] [--orders M] [--lines-per-order K]`: replaces the bench database's
// content with N customers, M orders and about M·K order lines of deterministic, skewed data.

/** The size asked for; the data ends today, on the bench's business calendar. */
function sizeFromArgs(): Omit<BenchSize, 'today'> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '1000000' },
      orders: { type: 'string', default: '3000000' },
      'lines-per-order': { type: 'string', default: String(10 / 3) },
    },
  });
  const whole = (name: string, text: string, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > max) {
      throw new RangeError(`--${name} must be a whole number from 1 to ${max}, not "${text}"`);
    }
    return value;
  };
  const customers = whole('customers', values.customers, 9_999_999);
  const orders = whole('orders', values.orders, 100_000_000);
  const perOrder = Number(values['lines-per-order']);
  // Line ids are order × 32 + line number.
  if (!(perOrder >= 1 && perOrder <= 30)) throw new RangeError('--lines-per-order must be from 1 to 30');
  return { customers, orders, lines: Math.round(orders * perOrder) };
}

const args = sizeFromArgs();
await runBench(async (bench) => {
  const size: BenchSize = { ...args, today: bench.clock.today() };
  const started = performance.now();
  console.log(
    `bench:data: ${size.customers} customers, ${size.orders} orders, ${size.lines} order lines up to ${size.today}`,
  );
  await loadBenchData(bench.pool, size, phase);
  await refreshSnapshots(bench);
  console.log(`${'total'.padEnd(34, ' ')}${secondsSince(started).padStart(8, ' ')} s`);
});
