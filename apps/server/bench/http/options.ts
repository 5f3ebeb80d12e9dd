import { parseArgs } from 'node:util';
import { KINDS, type Kind } from './scenarios.js';

export interface BenchOptions {
  customers: number;
  /** Seconds per scenario and server. */
  duration: number;
  /** Connections of scenarios 1–4 (the mixed scenario 5 uses 32, as the issue sets it). */
  connections: number;
  /** Only these scenarios (1–5); all when empty. */
  scenarios: number[];
  /** Only these servers (dossier, unbatched, raw, postgraphile); all when empty. */
  servers: Kind[];
  /** Reload the data even when the database already holds bench data of the size asked for. */
  reload: boolean;
  /**
   * Rounds per scenario: each round runs every server once, in turn (raw, PostGraphile, ours, ours without
   * batching, then again), so that a busy spell on a shared machine falls on all of them alike; the median
   * round of each server is reported, with the spread.
   */
  rounds: number;
  /** Write a V8 CPU profile of our server (batching on) to bench/results/profiles, for `--cpu-prof`. */
  cpuProf: boolean;
}

const whole = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
};

/**
 * `pnpm bench [--customers N] [--duration S] [--connections C] [--rounds R] [--scenario k]… [--server kind]…
 * [--reload] [--cpu-prof]`. Bounded in time: R × S seconds per scenario and server, plus start-up.
 */
export function benchOptions(args: string[]): BenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      customers: { type: 'string', default: '100000' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '1' },
      scenario: { type: 'string', multiple: true, default: [] },
      server: { type: 'string', multiple: true, default: [] },
      reload: { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
    },
  });
  return {
    customers: whole('customers', values.customers, 10, 9_999_999),
    duration: whole('duration', values.duration, 1, 600),
    connections: whole('connections', values.connections, 1, 256),
    rounds: whole('rounds', values.rounds, 1, 9),
    scenarios: values.scenario.map((k) => whole('scenario', k, 1, 5)),
    servers: values.server.map((name) => {
      const kind = KINDS.find((k) => k === name);
      if (!kind) throw new RangeError(`--server must be one of ${KINDS.join(', ')}, not "${name}"`);
      return kind;
    }),
    reload: values.reload,
    cpuProf: values['cpu-prof'],
  };
}
