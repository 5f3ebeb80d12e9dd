import { RelationshipState as S } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, layoutMap } from './layout.js';
import type { MapLink, MapPerson } from './model.js';
import { visibleOrgChart } from './org-chart.js';

const person = (id: string, reportsToId: string | null = null): MapPerson => ({
  id,
  name: id,
  reportsToId,
  active: true,
  placeholder: false,
});
const link = (staffId: string, keyPersonId: string): MapLink => ({
  id: `${staffId}-${keyPersonId}`,
  staffId,
  keyPersonId,
  state: S.NEUTRAL,
  staffActive: true,
});

const chart = visibleOrgChart([
  person('ceo'),
  person('cfo', 'ceo'),
  person('cto', 'ceo'),
  person('dev', 'cto'),
]);
const staff = [
  { id: 'deep', name: 'knows dev' },
  { id: 'none', name: 'knows nobody' },
  { id: 'top', name: 'knows ceo' },
];
const positions = layoutMap(chart, staff, [link('deep', 'dev'), link('top', 'ceo'), link('top', 'cfo')]);
const at = (id: string) => {
  const p = positions.get(id);
  if (!p) throw new Error(`${id} not placed`);
  return p;
};

describe('layoutMap', () => {
  it('draws the org chart top-down: each person below their superior', () => {
    expect(at('cfo').y).toBeGreaterThan(at('ceo').y);
    expect(at('cto').y).toBe(at('cfo').y);
    expect(at('dev').y).toBeGreaterThan(at('cto').y);
  });

  it('keeps cards of one level apart', () => {
    expect(Math.abs(at('cfo').x - at('cto').x)).toBeGreaterThanOrEqual(DEFAULT_LAYOUT.card.width);
  });

  it('puts our staff in one column left of the chart, clear of every card', () => {
    const column = new Set(staff.map((s) => at(s.id).x));
    expect(column.size).toBe(1);
    const left = Math.min(...chart.persons.map((p) => at(p.id).x));
    expect(at('top').x + DEFAULT_LAYOUT.staff.width + DEFAULT_LAYOUT.columnGap).toBeLessThanOrEqual(left);
  });

  it('orders staff by the height of the people they know, those who know nobody last', () => {
    const order = [...staff].sort((a, b) => at(a.id).y - at(b.id).y).map((s) => s.id);
    expect(order).toEqual(['top', 'deep', 'none']);
  });

  it('places every drawn person and every staff member, nobody else', () => {
    expect([...positions.keys()].sort()).toEqual(['ceo', 'cfo', 'cto', 'deep', 'dev', 'none', 'top']);
  });
});
