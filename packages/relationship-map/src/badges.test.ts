import { InfluenceLevel as I, DecisionRole as R, RelationshipState as S } from '@dossier/domain';
import { describe, expect, it } from 'vitest';
import { cardBadges, keyPlayerIds } from './badges.js';
import type { MapLink, MapRole } from './model.js';

const p = { id: 'p', name: 'Wang', reportsToId: null, active: true, placeholder: false };
const role = (r: R, influence: I): MapRole => ({ keyPersonId: 'p', role: r, influence });
const link = (state: S, staffActive = true): MapLink => ({
  id: `${state}${staffActive}`,
  staffId: 's',
  keyPersonId: 'p',
  state,
  staffActive,
});

describe('cardBadges', () => {
  it.each([
    {
      case: 'no roles, no links',
      roles: [],
      links: [],
      expected: { roles: [], influence: null, best: null, keyPlayer: false },
    },
    {
      case: 'roles in decision order, highest influence',
      roles: [role(R.COACH, I.LOW), role(R.TECHNICAL_BUYER, I.MEDIUM), role(R.COACH, I.LOW)],
      links: [],
      expected: { roles: [R.TECHNICAL_BUYER, R.COACH], influence: I.MEDIUM, best: null, keyPlayer: true },
    },
    {
      case: 'a decision maker with a neutral and a negative link',
      roles: [role(R.DECISION_MAKER, I.MEDIUM)],
      links: [link(S.NEGATIVE), link(S.NEUTRAL)],
      expected: { roles: [R.DECISION_MAKER], influence: I.MEDIUM, best: S.NEUTRAL, keyPlayer: true },
    },
    {
      case: 'HIGH influence makes a key player; a departed colleague’s positive link does not count',
      roles: [role(R.USER_BUYER, I.HIGH)],
      links: [link(S.POSITIVE, false), link(S.NONE)],
      expected: { roles: [R.USER_BUYER], influence: I.HIGH, best: S.NONE, keyPlayer: true },
    },
    {
      case: 'an influencer of low influence is not a key player',
      roles: [role(R.INFLUENCER, I.LOW)],
      links: [link(S.POSITIVE)],
      expected: { roles: [R.INFLUENCER], influence: I.LOW, best: S.POSITIVE, keyPlayer: false },
    },
  ])('$case', ({ roles, links, expected }) => {
    const badges = cardBadges([p], roles, links, new Set());
    expect(badges.get('p')).toEqual({ ...expected, uncovered: false, placeholder: false });
  });

  it('takes coverage from the server and marks placeholders', () => {
    const placeholder = { ...p, id: 'q', placeholder: true };
    const badges = cardBadges([p, placeholder], [], [], new Set(['p']));
    expect([badges.get('p')?.uncovered, badges.get('p')?.placeholder]).toEqual([true, false]);
    expect([badges.get('q')?.uncovered, badges.get('q')?.placeholder]).toEqual([false, true]);
  });
});

describe('keyPlayerIds', () => {
  it.each([
    { case: 'a key player', badge: { keyPlayer: true, uncovered: false, placeholder: false }, kept: true },
    {
      case: 'an uncovered gap',
      badge: { keyPlayer: false, uncovered: true, placeholder: false },
      kept: true,
    },
    { case: 'a placeholder', badge: { keyPlayer: false, uncovered: false, placeholder: true }, kept: true },
    { case: 'anybody else', badge: { keyPlayer: false, uncovered: false, placeholder: false }, kept: false },
  ])('$case', ({ badge, kept }) => {
    const badges = new Map([['x', { roles: [], influence: null, best: null, ...badge }]]);
    expect(keyPlayerIds(badges).has('x')).toBe(kept);
  });
});
