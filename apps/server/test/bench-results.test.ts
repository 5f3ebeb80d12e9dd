import { describe, expect, it } from 'vitest';
import type { Measurement } from '../bench/http/measure.js';
import { mixedBound } from '../bench/http/mixed-bound.js';
import { benchOptions } from '../bench/http/options.js';
import { topFrames } from '../bench/http/profile-top.js';
import { resultTable, summarise } from '../bench/http/results.js';

/** A timed run of scenario 1 in `round` at `requestsPerSecond`; the p50 tells the rounds apart. */
const run = (server: Measurement['server'], round: number, requestsPerSecond: number): Measurement => ({
  scenario: 1,
  name: 'dossier list',
  server,
  connections: 10,
  round,
  seconds: 10,
  requestsPerSecond,
  p50: round * 100,
  p99: round * 200,
  requests: requestsPerSecond * 10,
  errors: 0,
  timeouts: 0,
  load: 1,
  statementsPerRequest: 8,
  rssMb: 200,
  cpuMsPerRequest: 50,
});

describe('pnpm bench --rounds', () => {
  it('reports the median round of each server whole, with the lowest and highest req/s', () => {
    const [dossier, raw] = summarise([
      run('dossier', 1, 9),
      run('raw', 1, 40),
      run('dossier', 2, 3),
      run('raw', 2, 44),
      run('dossier', 3, 12),
      run('raw', 3, 20),
    ]);
    expect(dossier).toMatchObject({
      round: 1,
      requestsPerSecond: 9,
      p50: 100,
      lowest: 3,
      highest: 12,
      rounds: 3,
    });
    expect(raw).toMatchObject({ round: 1, requestsPerSecond: 40, p50: 100, lowest: 20, highest: 44 });
  });

  it('takes the slower of the two middle rounds when the rounds are even', () => {
    expect(summarise([run('dossier', 1, 10), run('dossier', 2, 6)])[0]).toMatchObject({ round: 2, p50: 200 });
  });

  it('prints the ratios between the median rounds and the range of each', () => {
    const table = resultTable(
      summarise([run('dossier', 1, 9), run('raw', 1, 40), run('dossier', 2, 11), run('raw', 2, 36)]),
    );
    expect(table).toContain('9.0–11.0 (2)');
    expect(table).toContain('0.25×');
  });

  it('runs one round unless told, and no more than nine', () => {
    expect(benchOptions([]).rounds).toBe(1);
    expect(benchOptions(['--rounds', '3']).rounds).toBe(3);
    expect(() => benchOptions(['--rounds', '10'])).toThrow('--rounds must be a whole number from 1 to 9');
  });
});

describe("the mixed scenario's bound (Little's law)", () => {
  const at = (server: Measurement['server'], scenario: number, requestsPerSecond: number) =>
    summarise([{ ...run(server, 1, requestsPerSecond), scenario }])[0] as ReturnType<
      typeof summarise
    >[number];

  it.each([
    // raw list 68.6/s and dossier 1045.8/s: a mixed request costs 0.2667/68.6 + 0.2667/1045.8 s
    { list: 68.6, dossier: 1045.8, rate: 241.4, wait: 132.6 },
    // ten times faster baselines would leave room for the goal
    { list: 686, dossier: 10458, rate: 2413.7, wait: 13.3 },
  ])('lists at $list/s and dossiers at $dossier/s allow $rate req/s, $wait ms at 32 connections', (row) => {
    const bound = mixedBound([
      at('raw', 1, row.list),
      at('postgraphile', 1, row.list / 2),
      at('dossier', 1, row.list * 10),
      at('raw', 2, row.dossier),
    ]);
    expect(bound?.requestsPerSecond).toBeCloseTo(row.rate, 0);
    expect(bound?.meanLatencyMs).toBeCloseTo(row.wait, 0);
    expect(bound?.neededRequestsPerSecond).toBe(320);
  });

  it('credits the fastest baseline, never our own server', () => {
    const bound = mixedBound([
      at('postgraphile', 1, 30),
      at('raw', 1, 20),
      at('raw', 2, 100),
      at('dossier', 2, 1e6),
    ]);
    expect(bound?.capacities).toEqual({ 1: 30, 2: 100 });
  });

  it('says nothing without a baseline for lists and dossiers', () => {
    expect(mixedBound([at('raw', 1, 68), at('dossier', 2, 74)])).toBeNull();
  });
});

describe('pnpm bench --cpu-prof', () => {
  it('lists the functions by self time as shares of the busy time, idle left out', () => {
    const frame = (id: number, functionName: string, url = '') => ({
      id,
      callFrame: { functionName, url, lineNumber: 29 },
    });
    const profile = {
      nodes: [
        frame(1, '(idle)'),
        frame(
          2,
          'create',
          'file:///w/node_modules/.pnpm/@mikro-orm+core@6/node_modules/@mikro-orm/core/entity/EntityFactory.js',
        ),
        frame(3, '(garbage collector)'),
      ],
      samples: [1, 2, 3, 2, 1, 2],
      timeDeltas: [500, 100, 100, 100, 500, 100],
    };
    expect(topFrames(profile, 5)).toEqual([
      { share: 0.75, frame: 'create @mikro-orm/core/entity/EntityFactory.js:30' },
      { share: 0.25, frame: '(garbage collector)' },
    ]);
  });
});
