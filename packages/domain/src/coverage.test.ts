import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestRelationshipState,
  type CoverageRelationship,
  type CoverageRole,
  countRelationshipStates,
  decisionMakerStates,
  decisionMakers,
  isDecisionMaker,
  negativeDecisionMakers,
  uncoveredDecisionMakers,
} from './coverage.js';
import { InfluenceLevel as I, DecisionRole as R, RelationshipState as S } from './enums.js';

const role = (keyPersonId: string, r: R, influence = I.MEDIUM): CoverageRole => ({
  keyPersonId,
  role: r,
  influence,
});
const link = (keyPersonId: string, state: S, staffActive = true): CoverageRelationship => ({
  keyPersonId,
  state,
  staffActive,
});

describe('isDecisionMaker', () => {
  it.each([
    ['no role', [], false],
    ['DECISION_MAKER of low influence', [role('p', R.DECISION_MAKER, I.LOW)], true],
    ['ECONOMIC_BUYER', [role('p', R.ECONOMIC_BUYER)], true],
    ['HIGH-influence INFLUENCER', [role('p', R.INFLUENCER, I.HIGH)], true],
    ['HIGH-influence OTHER', [role('p', R.OTHER, I.HIGH)], true],
    ['TECHNICAL_BUYER and COACH', [role('p', R.TECHNICAL_BUYER), role('p', R.COACH, I.LOW)], false],
    ['GATEKEEPER', [role('p', R.GATEKEEPER)], false],
    [
      'USER_BUYER in one project, DECISION_MAKER in another',
      [role('p', R.USER_BUYER), role('p', R.DECISION_MAKER)],
      true,
    ],
  ])('%s: %s', (_case, roles, expected) => {
    expect(isDecisionMaker(roles)).toBe(expected);
  });
});

describe('coverage of decision makers', () => {
  const people = [
    { id: 'dm', active: true, name: 'Wang' },
    { id: 'eb', active: true, name: 'Li' },
    { id: 'hi', active: true, name: 'Zhao' },
    { id: 'user', active: true, name: 'Sun' },
    { id: 'gone', active: false, name: 'Qian' },
  ];
  const roles = [
    role('dm', R.DECISION_MAKER),
    role('eb', R.ECONOMIC_BUYER, I.LOW),
    role('hi', R.INFLUENCER, I.HIGH),
    role('user', R.USER_BUYER),
    role('gone', R.DECISION_MAKER, I.HIGH),
  ];

  it('lists active decision makers in the order given, as the objects given', () => {
    const found = decisionMakers(people, roles);
    expect(found.map((p) => p.id)).toEqual(['dm', 'eb', 'hi']);
    expect(found[0]).toBe(people[0]);
  });

  it('pairs each decision maker with the best state of its links to active staff', () => {
    const relationships = [link('dm', S.NEGATIVE), link('dm', S.NEUTRAL), link('eb', S.POSITIVE, false)];
    expect(decisionMakerStates(people, roles, relationships)).toEqual([
      { keyPerson: people[0], best: S.NEUTRAL },
      { keyPerson: people[1], best: S.NONE },
      { keyPerson: people[2], best: S.NONE },
    ]);
  });

  it.each([
    ['no relationships at all', [], ['dm', 'eb', 'hi']],
    [
      'POSITIVE links to active staff',
      [link('dm', S.POSITIVE), link('eb', S.POSITIVE), link('hi', S.POSITIVE)],
      [],
    ],
    ['POSITIVE held only by a departed colleague', [link('dm', S.POSITIVE, false)], ['dm', 'eb', 'hi']],
    [
      'NEUTRAL is not coverage',
      [link('dm', S.NEUTRAL), link('eb', S.POSITIVE), link('hi', S.POSITIVE)],
      ['dm'],
    ],
    [
      'one POSITIVE among NEGATIVE links',
      [link('dm', S.NEGATIVE), link('dm', S.POSITIVE), link('eb', S.NONE)],
      ['eb', 'hi'],
    ],
    [
      'a non-decision maker or departed person needs no coverage',
      [link('user', S.NEGATIVE), link('gone', S.NONE)],
      ['dm', 'eb', 'hi'],
    ],
  ])('uncovered with %s: %j', (_case, relationships, expected) => {
    expect(uncoveredDecisionMakers(people, roles, relationships).map((p) => p.id)).toEqual(expected);
  });

  it.each([
    ['no relationships at all', [], []],
    ['NEGATIVE and NONE', [link('dm', S.NEGATIVE), link('dm', S.NONE)], ['dm']],
    ['NEGATIVE and NEUTRAL', [link('dm', S.NEGATIVE), link('dm', S.NEUTRAL)], []],
    ['NEGATIVE beside a departed POSITIVE', [link('eb', S.NEGATIVE), link('eb', S.POSITIVE, false)], ['eb']],
    ['NEGATIVE held only by a departed colleague', [link('hi', S.NEGATIVE, false)], []],
    ['NEGATIVE with a non-decision maker', [link('user', S.NEGATIVE)], []],
  ])('negative with %s: %j', (_case, relationships, expected) => {
    expect(negativeDecisionMakers(people, roles, relationships).map((p) => p.id)).toEqual(expected);
  });

  describe('a placeholder (a role whose holder we have not met)', () => {
    const cfo = { id: 'cfo', active: true, placeholder: true };
    const named = { id: 'cfo', active: true, placeholder: false };
    it.each([
      ['a DECISION_MAKER placeholder with no links', cfo, [role('cfo', R.DECISION_MAKER)], [], ['cfo']],
      [
        'a placeholder with a POSITIVE link recorded against the role',
        cfo,
        [role('cfo', R.ECONOMIC_BUYER)],
        [link('cfo', S.POSITIVE)],
        ['cfo'],
      ],
      ['a placeholder of HIGH influence', cfo, [role('cfo', R.INFLUENCER, I.HIGH)], [], ['cfo']],
      ['a placeholder with no decision role', cfo, [role('cfo', R.USER_BUYER)], [], []],
      ['a placeholder that has left', { ...cfo, active: false }, [role('cfo', R.DECISION_MAKER)], [], []],
      [
        'filled in but not covered',
        named,
        [role('cfo', R.DECISION_MAKER)],
        [link('cfo', S.NEUTRAL)],
        ['cfo'],
      ],
      ['filled in and covered', named, [role('cfo', R.DECISION_MAKER)], [link('cfo', S.POSITIVE)], []],
    ])('%s: uncovered %j', (_case, person, personRoles, relationships, expected) => {
      expect(uncoveredDecisionMakers([person], personRoles, relationships).map((p) => p.id)).toEqual(
        expected,
      );
    });

    it('has NONE as its best state, so a NEGATIVE link against the role is no negative decision maker', () => {
      const roles = [role('cfo', R.DECISION_MAKER)];
      const links = [link('cfo', S.NEGATIVE)];
      expect(decisionMakerStates([cfo], roles, links)).toEqual([{ keyPerson: cfo, best: S.NONE }]);
      expect(negativeDecisionMakers([cfo], roles, links)).toEqual([]);
      expect(negativeDecisionMakers([named], roles, links)).toEqual([named]);
    });
  });

  it('accepts numeric ids', () => {
    const found = uncoveredDecisionMakers(
      [
        { id: 1, active: true },
        { id: 2, active: true },
      ],
      [
        { keyPersonId: 1, role: R.DECISION_MAKER, influence: I.LOW },
        { keyPersonId: 2, role: R.COACH, influence: I.HIGH },
      ],
      [{ keyPersonId: 2, state: S.POSITIVE, staffActive: true }],
    );
    expect(found).toEqual([{ id: 1, active: true }]);
  });
});

describe('countRelationshipStates', () => {
  it.each([
    [[], { positive: 0, neutral: 0, negative: 0, none: 0 }],
    [[S.POSITIVE], { positive: 1, neutral: 0, negative: 0, none: 0 }],
    [
      [S.POSITIVE, S.NONE, S.NEGATIVE, S.NONE, S.NEUTRAL, S.POSITIVE, S.NONE],
      { positive: 2, neutral: 1, negative: 1, none: 3 },
    ],
  ])('counts %j as %o', (states, expected) => {
    expect(countRelationshipStates(states.map((state) => ({ state })))).toEqual(expected);
  });
});

describe('bestRelationshipState', () => {
  it.each([
    [[], S.NONE],
    [[S.NONE], S.NONE],
    [[S.NEGATIVE], S.NEGATIVE],
    // an established bad relationship is what we have; "no contact" beside it does not hide it
    [[S.NEGATIVE, S.NONE], S.NEGATIVE],
    [[S.NONE, S.NEGATIVE, S.NONE], S.NEGATIVE],
    [[S.NEGATIVE, S.NEUTRAL], S.NEUTRAL],
    [[S.NEUTRAL, S.NONE], S.NEUTRAL],
    [[S.NEGATIVE, S.POSITIVE, S.NEUTRAL], S.POSITIVE],
    [[S.POSITIVE, S.NONE], S.POSITIVE],
  ])('of %j is %s', (states, expected) => {
    expect(bestRelationshipState(states)).toBe(expected);
  });

  it('takes any iterable', () => {
    expect(bestRelationshipState(new Set([S.NEUTRAL, S.NEGATIVE]))).toBe(S.NEUTRAL);
  });

  it('ignores order and NONE entries, and returns one of its inputs or NONE', () => {
    const states = fc.array(fc.constantFrom(S.POSITIVE, S.NEUTRAL, S.NEGATIVE, S.NONE));
    fc.assert(
      fc.property(states, (list) => {
        const best = bestRelationshipState(list);
        expect(bestRelationshipState([...list].reverse())).toBe(best);
        expect(bestRelationshipState([...list, S.NONE])).toBe(best);
        expect(best === S.NONE || list.includes(best)).toBe(true);
      }),
    );
  });
});
