import { RelationshipState as S } from '@dossier/domain';
import { expect, it } from 'vitest';
import { edgeStyle, legendEntries } from './edge-style.js';

it.each([
  { state: S.POSITIVE, stroke: '#15803d', dashed: false },
  { state: S.NEUTRAL, stroke: '#6b7280', dashed: false },
  { state: S.NEGATIVE, stroke: '#dc2626', dashed: false },
  { state: S.NONE, stroke: '#6b7280', dashed: true },
])('$state is drawn $stroke, dashed: $dashed', ({ state, stroke, dashed }) => {
  expect(edgeStyle(state).stroke).toBe(stroke);
  expect(edgeStyle(state).dash !== null).toBe(dashed);
});

it('the legend lists every state once, best first, each as drawn', () => {
  expect(legendEntries()).toEqual(
    [S.POSITIVE, S.NEUTRAL, S.NEGATIVE, S.NONE].map((state) => ({ state, style: edgeStyle(state) })),
  );
});
