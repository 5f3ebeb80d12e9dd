import { describe, expect, it } from 'vitest';
import type { MapPerson } from './model.js';
import {
  canReportTo,
  initialCollapsed,
  personsWithReports,
  superiors,
  visibleOrgChart,
} from './org-chart.js';

const person = (id: string, reportsToId: string | null = null): MapPerson => ({
  id,
  name: `name ${id}`,
  reportsToId,
  active: true,
  placeholder: false,
});

// ceo ─┬─ cfo ── acct
//      └─ cto ─┬─ dev1
//              └─ dev2 ── intern
const company = [
  person('ceo'),
  person('cfo', 'ceo'),
  person('acct', 'cfo'),
  person('cto', 'ceo'),
  person('dev1', 'cto'),
  person('dev2', 'cto'),
  person('intern', 'dev2'),
];

describe('superiors', () => {
  it.each([
    {
      case: 'a reports-to inside the list',
      persons: [person('a'), person('b', 'a')],
      expected: { a: null, b: 'a' },
    },
    { case: 'a superior not on the map makes a root', persons: [person('b', 'gone')], expected: { b: null } },
    {
      case: 'a cycle is cut once, above the first person listed in it',
      persons: [person('a', 'b'), person('b', 'a'), person('c', 'a')],
      expected: { a: null, b: 'a', c: 'a' },
    },
  ])('$case', ({ persons, expected }) => {
    expect(Object.fromEntries(superiors(persons))).toEqual(expected);
  });
});

describe('canReportTo', () => {
  const parent = superiors(company);
  it.each([
    { case: 'a peer in another branch', person: 'dev1', manager: 'cfo', allowed: true },
    { case: 'the superior of their superior', person: 'intern', manager: 'cto', allowed: true },
    { case: 'the current superior again', person: 'dev1', manager: 'cto', allowed: true },
    { case: 'themself', person: 'cto', manager: 'cto', allowed: false },
    { case: 'a direct report (a two-person loop)', person: 'cto', manager: 'dev2', allowed: false },
    { case: 'a report several levels down', person: 'ceo', manager: 'intern', allowed: false },
    { case: 'a staff member, not a key person', person: 'dev1', manager: 'staff-1', allowed: false },
    { case: 'a person not on the map', person: 'gone', manager: 'ceo', allowed: false },
  ])('$case: $person → $manager is $allowed', ({ person, manager, allowed }) => {
    expect(canReportTo(parent, person, manager)).toBe(allowed);
  });
});

describe('visibleOrgChart', () => {
  it.each([
    {
      case: 'everything unfolded',
      options: {},
      drawn: ['ceo', 'cfo', 'acct', 'cto', 'dev1', 'dev2', 'intern'],
      lines: ['ceo>cfo', 'cfo>acct', 'ceo>cto', 'cto>dev1', 'cto>dev2', 'dev2>intern'],
      hidden: {},
    },
    {
      case: 'a folded subtree is counted on its head',
      options: { collapsed: new Set(['cto']) },
      drawn: ['ceo', 'cfo', 'acct', 'cto'],
      lines: ['ceo>cfo', 'cfo>acct', 'ceo>cto'],
      hidden: { cto: 3 },
    },
    {
      case: 'a fold inside a fold counts once, on the drawn head',
      options: { collapsed: new Set(['cto', 'dev2']) },
      drawn: ['ceo', 'cfo', 'acct', 'cto'],
      lines: ['ceo>cfo', 'cfo>acct', 'ceo>cto'],
      hidden: { cto: 3 },
    },
    {
      case: 'a filter joins each kept person to its nearest kept superior',
      options: { only: new Set(['ceo', 'intern', 'acct']) },
      drawn: ['ceo', 'acct', 'intern'],
      lines: ['ceo>acct', 'ceo>intern'],
      hidden: { ceo: 4 },
    },
    {
      case: 'filter and fold together',
      options: { only: new Set(['ceo', 'cto', 'intern']), collapsed: new Set(['cto']) },
      drawn: ['ceo', 'cto'],
      lines: ['ceo>cto'],
      hidden: { ceo: 2, cto: 3 },
    },
  ])('$case', ({ options, drawn, lines, hidden }) => {
    const chart = visibleOrgChart(company, options);
    expect(chart.persons.map((p) => p.id)).toEqual(drawn);
    expect(chart.lines.map((l) => `${l.from}>${l.to}`)).toEqual(lines);
    expect(Object.fromEntries(chart.hiddenBelow)).toEqual(hidden);
  });
});

describe('initialCollapsed', () => {
  it.each([
    { case: 'everything fits: nothing folded', budget: 7, expected: [] },
    { case: 'three levels fit: the third level folds', budget: 6, expected: ['dev2'] },
    { case: 'two levels fit: the second level folds', budget: 3, expected: ['cfo', 'cto'] },
    { case: 'a tiny budget still shows the roots', budget: 0, expected: ['ceo'] },
  ])('$case', ({ budget, expected }) => {
    expect([...initialCollapsed(company, budget)].sort()).toEqual(expected.sort());
  });
});

it('personsWithReports lists the heads of subtrees', () => {
  expect([...personsWithReports(company)].sort()).toEqual(['ceo', 'cfo', 'cto', 'dev2']);
});
