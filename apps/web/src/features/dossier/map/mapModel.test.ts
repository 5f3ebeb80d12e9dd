import { Closeness } from '@dossier/domain';
import { expect, it } from 'vitest';
import { mapCustomer } from './mapFixture.test-data';
import { buildMapGraph } from './mapGraph';
import { toMapModel } from './mapModel';

const model = toMapModel(mapCustomer().relationshipMap, [
  { id: 'staff-me', name: '我', mayActFor: true },
  null,
]);

it('keeps active key persons and links of active staff; the owner joins the staff column', () => {
  expect(model.persons.map((p) => p.id)).toEqual(['kp-zhang', 'kp-li']);
  expect(model.links.map((l) => l.id)).toEqual(['rel-1']);
  expect(model.staff).toEqual([
    { id: 'staff-wang', name: '王强' },
    { id: 'staff-me', name: '我' },
  ]);
  expect([...model.uncovered]).toEqual(['kp-zhang']);
  expect(model.suggestions.get('kp-zhang')).toEqual([
    { staffName: '王强', viaName: '李工', closeness: Closeness.DIRECT_REPORT },
  ]);
});

it('draws a coloured, touch-wide, labelled edge per link and a plain reports-to line', () => {
  const graph = buildMapGraph(
    model,
    { collapsed: new Set(), keyPlayersOnly: false, linkingStaffId: null, focusId: null },
    (staff, person, state) => `${staff}>${person}:${state}`,
  );
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  expect(byId.get('rel-1')).toMatchObject({
    source: 'staff-wang',
    target: 'kp-li',
    interactionWidth: 56,
    ariaLabel: '王强>李工:NEUTRAL',
    style: { stroke: '#6b7280' },
  });
  expect(byId.get('reports:kp-li')).toMatchObject({ source: 'kp-zhang', target: 'kp-li', focusable: false });
  expect(graph.nodes.map((n) => `${n.type}:${n.id}`)).toEqual([
    'person:kp-zhang',
    'person:kp-li',
    'staff:staff-wang',
    'staff:staff-me',
  ]);
});

it('with key players only, keeps the uncovered decision maker and drops the rest with their links', () => {
  const graph = buildMapGraph(
    model,
    { collapsed: new Set(), keyPlayersOnly: true, linkingStaffId: null, focusId: null },
    () => '',
  );
  expect(graph.nodes.filter((n) => n.type === 'person').map((n) => n.id)).toEqual(['kp-zhang']);
  expect(graph.edges).toEqual([]);
  const card = graph.nodes.find((n) => n.id === 'kp-zhang');
  expect(card?.data).toMatchObject({ hiddenBelow: 1, hasReports: true, collapsed: false });
  expect(card?.type === 'person' && card.data.badges).toMatchObject({
    keyPlayer: true,
    uncovered: true,
    best: null,
  });
});

it('carries the competitor a person favours onto that person’s card, and nothing onto the others', () => {
  expect([...model.favours]).toEqual([['kp-li', { id: 'comp-abb', name: 'ABB' }]]);
  const graph = buildMapGraph(
    model,
    { collapsed: new Set(), keyPlayersOnly: false, linkingStaffId: null, focusId: null },
    () => '',
  );
  const favours = Object.fromEntries(
    graph.nodes.flatMap((node) => (node.type === 'person' ? [[node.id, node.data.favours]] : [])),
  );
  expect(favours).toEqual({ 'kp-zhang': null, 'kp-li': 'ABB' });
});
