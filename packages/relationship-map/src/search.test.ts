import { expect, it } from 'vitest';
import type { MapPerson } from './model.js';
import { searchTarget } from './search.js';

const persons: MapPerson[] = [
  { id: 'ceo', name: '张伟', title: '总经理', reportsToId: null, active: true, placeholder: false },
  {
    id: 'cfo',
    name: 'Li Na',
    title: 'CFO',
    department: 'Finance',
    reportsToId: 'ceo',
    active: true,
    placeholder: false,
  },
  {
    id: 'acct',
    name: '王芳',
    title: '会计',
    department: 'Finance',
    reportsToId: 'cfo',
    active: true,
    placeholder: false,
  },
];

it.each([
  { case: 'blank query', query: '  ', collapsed: [], expected: null },
  { case: 'no match', query: 'nobody', collapsed: [], expected: null },
  { case: 'name, case-insensitive', query: 'li na', collapsed: [], expected: { id: 'cfo', unfold: [] } },
  { case: 'Chinese title', query: '会计', collapsed: [], expected: { id: 'acct', unfold: [] } },
  {
    case: 'first match in list order, department',
    query: 'finance',
    collapsed: ['ceo'],
    expected: { id: 'cfo', unfold: ['ceo'] },
  },
  {
    case: 'unfolds only the folded superiors',
    query: '王',
    collapsed: ['cfo'],
    expected: { id: 'acct', unfold: ['cfo'] },
  },
  {
    case: 'unfolds every folded superior, nearest first',
    query: '王芳',
    collapsed: ['ceo', 'cfo'],
    expected: { id: 'acct', unfold: ['cfo', 'ceo'] },
  },
])('$case', ({ query, collapsed, expected }) => {
  expect(searchTarget(persons, query, new Set(collapsed))).toEqual(expected);
});
