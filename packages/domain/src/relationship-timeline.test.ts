import { describe, expect, it } from 'vitest';
import { RelationshipState as S } from './enums.js';
import { type RecordedRelationshipChange, relationshipTimeline } from './relationship-timeline.js';

const states = (before: S | null, after: S) => ({ before, after });
const notes = (before: string | null, after: string | null) => ({ before, after });

type Change = RecordedRelationshipChange<string>;

/** Each entry as `change: previous → state (note)`, with a * when the note changed. */
const timeline = (current: { state: S; note: string | null }, changes: Change[]) =>
  relationshipTimeline(current, changes).map(
    (e) => `${e.change}: ${e.previousState} → ${e.state} (${e.note})${e.noteChanged ? '*' : ''}`,
  );

describe('relationshipTimeline', () => {
  it.each<[string, { state: S; note: string | null }, Change[], string[]]>([
    ['no recorded change', { state: S.NEUTRAL, note: null }, [], []],
    [
      'a creation only',
      { state: S.NEUTRAL, note: '初次拜访' },
      [{ change: 'c1', state: states(null, S.NEUTRAL), note: notes(null, '初次拜访') }],
      ['c1: null → NEUTRAL (初次拜访)*'],
    ],
    [
      'a state change after the creation, the note kept',
      { state: S.POSITIVE, note: '初次拜访' },
      [
        { change: 'c2', state: states(S.NEUTRAL, S.POSITIVE) },
        { change: 'c1', state: states(null, S.NEUTRAL), note: notes(null, '初次拜访') },
      ],
      ['c2: NEUTRAL → POSITIVE (初次拜访)', 'c1: null → NEUTRAL (初次拜访)*'],
    ],
    [
      'a note-only change keeps the state on both sides',
      { state: S.NEGATIVE, note: '偏向竞争对手' },
      [
        { change: 'c2', note: notes(null, '偏向竞争对手') },
        { change: 'c1', state: states(null, S.NEGATIVE) },
      ],
      ['c2: NEGATIVE → NEGATIVE (偏向竞争对手)*', 'c1: null → NEGATIVE (null)'],
    ],
    [
      'a change touching neither (a handover) is left out',
      { state: S.POSITIVE, note: null },
      [{ change: 'c2' }, { change: 'c1', state: states(null, S.POSITIVE) }],
      ['c1: null → POSITIVE (null)'],
    ],
    [
      'bulk-loaded data whose creation was never recorded',
      { state: S.POSITIVE, note: null },
      [{ change: 'c2', state: states(S.NONE, S.POSITIVE) }],
      ['c2: NONE → POSITIVE (null)'],
    ],
    [
      'a cleared note',
      { state: S.NEUTRAL, note: null },
      [
        { change: 'c2', note: notes('旧备注', null) },
        { change: 'c1', state: states(null, S.NEUTRAL), note: notes(null, '旧备注') },
      ],
      ['c2: NEUTRAL → NEUTRAL (null)*', 'c1: null → NEUTRAL (旧备注)*'],
    ],
  ])('%s', (_case, current, changes, expected) => {
    expect(timeline(current, changes)).toEqual(expected);
  });
});
