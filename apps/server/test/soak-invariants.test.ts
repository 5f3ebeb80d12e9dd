import { describe, expect, it } from 'vitest';
import { type DatabaseState, type RunFacts, violations } from '../bench/soak/invariants.js';
import { memoryFigures } from '../bench/soak/memory.js';
import { soakOptions } from '../bench/soak/options.js';
import { tally } from '../bench/soak/tally.js';
import { toGlobalId } from '../src/core/graphql/global-id.js';

// The judgement of `pnpm soak` (issue 12) on made-up runs: each invariant breaks on the run that breaks it.

const A = '00000000-0000-7000-8000-00000000000a';
const B = '00000000-0000-7000-8000-00000000000b';

const state = (
  versions: [number, number],
  changes: [number, number],
  extra: Partial<DatabaseState> = {},
) => ({
  rows: { customer: 2000, relationship: 5000 },
  changes: changes[0] + changes[1],
  relationships: {
    [A]: { version: versions[0], changes: changes[0] },
    [B]: { version: versions[1], changes: changes[1] },
  },
  changesWithoutState: 0,
  ...extra,
});

/** A run in which A was written three times and B once, all acknowledged. */
const good: RunFacts = {
  before: state([1, 4], [0, 3]),
  after: state([4, 5], [3, 4]),
  outcomes: { OK: 100, VERSION_CONFLICT: 2 },
  acknowledged: new Map([
    [A, 3],
    [B, 1],
  ]),
  unansweredWrites: 0,
  memoryGrowth: 0.05,
};

describe('the soak invariants', () => {
  it.each<[string, Partial<RunFacts>, string[]]>([
    ['hold on a clean run', {}, []],
    [
      'allow a write committed while its answer was in flight at the end',
      { after: state([5, 5], [4, 4]), unansweredWrites: 1 },
      [],
    ],
    [
      'refuse an error other than VERSION_CONFLICT',
      { outcomes: { OK: 100, INTERNAL_SERVER_ERROR: 1, TIMEOUT: 2 } },
      ['1 answers were INTERNAL_SERVER_ERROR', '2 answers were TIMEOUT'],
    ],
    [
      'refuse a lost acknowledged write',
      { after: state([3, 5], [2, 4]) },
      [`relationship ${A}: version 1 → 3, 3 writes acknowledged`],
    ],
    [
      'refuse a committed write nobody sent',
      { after: state([5, 5], [4, 4]) },
      [
        `relationship ${A}: version 1 → 5, 3 writes acknowledged`,
        '1 writes committed unacknowledged, but only 0 unanswered',
      ],
    ],
    [
      'refuse a write without its history row',
      { after: state([4, 5], [2, 4]) },
      [
        `relationship ${A}: 2 history rows added, version up by 3`,
        '3 history rows added in all, 4 writes committed',
      ],
    ],
    [
      'refuse a history row without the state it changed',
      { after: state([4, 5], [3, 4], { changesWithoutState: 1 }) },
      ['1 relationship history rows record no state'],
    ],
    [
      'refuse a row count moved by something other than the writes',
      { after: state([4, 5], [3, 4], { rows: { customer: 1999, relationship: 5000 } }) },
      ['customer: 2000 rows before, 1999 after'],
    ],
    [
      'refuse memory grown by a tenth after warm-up',
      { memoryGrowth: 0.1 },
      ['memory grew 10.0% after warm-up (limit 10%)'],
    ],
  ])('%s', (_, change, expected) => {
    expect(violations({ ...good, ...change })).toEqual(expected);
  });
});

describe('the memory after warm-up', () => {
  /** A saw: the heap climbs from 200 to 300 MB over 10 s and drops at a collection, plus `leak` MB a second. */
  const saw = (seconds: number, leak: number) =>
    Array.from({ length: seconds * 2 + 1 }, (_, n) => ({
      at: n / 2,
      mb: 200 + ((n / 2) % 10) * 10 + leak * (n / 2),
    }));

  it.each([
    [60, 0, 0],
    [600, 0, 0],
    // 10 MB a minute: over 600 s the saw's top climbs from 335 to 395 MB; 60 s (warm-up 30 s, windows of
    // 12 s) see 302 → 305 MB: a short run catches a fast leak only.
    [60, 1 / 6, 0.011],
    [600, 1 / 6, 0.179],
  ])('over %i s with %f MB a second leaking grows by %f', (seconds, leak, growth) => {
    expect(memoryFigures(saw(seconds, leak), seconds).growth).toBeCloseTo(growth, 3);
  });
});

describe('what the soak client saw', () => {
  it('counts answers by outcome and acknowledged writes by relationship, and what went unanswered', () => {
    const seen = tally([A, B]);
    const written = (id: string) =>
      JSON.stringify({ data: { setRelationshipState: { id: toGlobalId('Relationship', id), version: 2 } } });
    for (const write of [true, true, true, false, false]) seen.sent(write);
    seen.answered(200, written(A), true);
    seen.answered(200, JSON.stringify({ errors: [{ extensions: { code: 'VERSION_CONFLICT' } }] }), true);
    seen.answered(200, '{"data":{"customers":{"nodes":[]}}}', false);
    seen.answered(502, 'Bad Gateway', false);
    seen.unanswered(3, 1);
    expect(seen.outcomes).toEqual({
      OK: 2,
      VERSION_CONFLICT: 1,
      HTTP_502: 1,
      TIMEOUT: 1,
      TRANSPORT_ERROR: 2,
    });
    expect(Object.fromEntries(seen.acknowledged)).toEqual({ [A]: 1 });
    expect(seen.unansweredWrites()).toBe(1);
  });
});

describe('pnpm soak [seconds]', () => {
  it.each([
    [[], { seconds: 60, customers: 2000, report: undefined }],
    [['600', '--customers', '5000'], { seconds: 600, customers: 5000, report: undefined }],
  ])('%j', (args, expected) => {
    expect(soakOptions(args)).toEqual(expected);
  });

  it('refuses a run too short to warm up', () => {
    expect(() => soakOptions(['20'])).toThrow('seconds must be a whole number from 40 to 86400, not "20"');
  });
});
