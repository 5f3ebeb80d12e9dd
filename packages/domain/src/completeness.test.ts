import { describe, expect, it } from 'vitest';
import {
  COMPLETENESS_RULES,
  COMPLETENESS_SECTION_OF,
  CompletenessCode as Code,
  type CompletenessFacts,
  type CompletenessKeyPerson,
  completenessOf,
  CompletenessSection as Section,
} from './completeness.js';
import { CUSTOMER_CHARACTERISTICS } from './customer-characteristics.js';
import { DecisionRole as D, InfluenceLevel as I, RelationshipState as S } from './enums.js';

const person = (extra: Partial<CompletenessKeyPerson> = {}): CompletenessKeyPerson => ({
  title: '总经理',
  roles: [{ role: D.DECISION_MAKER, influence: I.HIGH }],
  relationships: [{ state: S.POSITIVE, staffActive: true }],
  active: true,
  ...extra,
});

/** A dossier that misses nothing on 2026-11-20 with a 60-day review interval. */
const full: CompletenessFacts = {
  industry: '电力',
  region: '华东',
  address: '上海市浦东新区',
  phone: '021-5555 0000',
  legalRepresentative: '张伟',
  ownerId: 's1',
  characteristics: Object.fromEntries(CUSTOMER_CHARACTERISTICS.map((c) => [c.field, 'X'])),
  keyPersons: [person(), person({ title: '采购经理', roles: [{ role: D.GATEKEEPER, influence: I.LOW }] })],
  creditValidUntil: '2026-11-20',
  competitorCount: 1,
  reviewedOn: '2026-09-21',
  today: '2026-11-20',
  reviewIntervalDays: 60,
};

const codes = (facts: CompletenessFacts) => completenessOf(facts).missing.map((m) => m.code);

describe('completeness', () => {
  it('weighs the rules to 100 in all', () => {
    expect(COMPLETENESS_RULES.reduce((sum, rule) => sum + rule.weight, 0)).toBe(100);
  });

  it('gives a dossier that misses nothing 100 and an empty list', () => {
    expect(completenessOf(full)).toEqual({ score: 100, missing: [] });
  });

  // Each rule alone: what it misses, where that is filled in, and the score left.
  it.each<[string, Partial<CompletenessFacts>, Code, Section, number]>([
    ['no industry', { industry: null }, Code.MISSING_INDUSTRY, Section.BASIC, 96],
    ['a blank region', { region: '  ' }, Code.MISSING_REGION, Section.BASIC, 96],
    ['no address', { address: '' }, Code.MISSING_ADDRESS, Section.BASIC, 96],
    ['no phone', { phone: null }, Code.MISSING_PHONE, Section.BASIC, 96],
    [
      'no legal representative',
      { legalRepresentative: null },
      Code.MISSING_LEGAL_REPRESENTATIVE,
      Section.BASIC,
      96,
    ],
    ['no owner', { ownerId: null }, Code.MISSING_OWNER, Section.BASIC, 96],
    [
      'three characteristics empty',
      {
        characteristics: {
          ...full.characteristics,
          reputation: null,
          serviceArea: ' ',
          salesCapacity: undefined,
        },
      },
      Code.CHARACTERISTICS_INCOMPLETE,
      Section.CHARACTERISTICS,
      97,
    ],
    [
      'a key person without a title',
      { keyPersons: [person(), person({ title: null })] },
      Code.KEY_PERSON_WITHOUT_TITLE,
      Section.KEY_PERSONS,
      94,
    ],
    [
      'a key person without a role',
      { keyPersons: [person(), person({ roles: [] })] },
      Code.KEY_PERSON_WITHOUT_ROLE,
      Section.DECISION_ROLES,
      92,
    ],
    [
      'no decision maker (roles that are not)',
      { keyPersons: [person({ roles: [{ role: D.INFLUENCER, influence: I.MEDIUM }] })] },
      Code.NO_DECISION_MAKER,
      Section.RELATIONSHIPS,
      90,
    ],
    [
      'a decision maker (by HIGH influence) with only a NONE relationship',
      {
        keyPersons: [
          person(),
          person({
            roles: [{ role: D.USER_BUYER, influence: I.HIGH }],
            relationships: [{ state: S.NONE, staffActive: true }],
          }),
        ],
      },
      Code.DECISION_MAKER_WITHOUT_RELATIONSHIP,
      Section.RELATIONSHIPS,
      90,
    ],
    [
      'an economic buyer related only through staff who left',
      {
        keyPersons: [
          person({
            roles: [{ role: D.ECONOMIC_BUYER, influence: I.LOW }],
            relationships: [{ state: S.POSITIVE, staffActive: false }],
          }),
        ],
      },
      Code.DECISION_MAKER_WITHOUT_RELATIONSHIP,
      Section.RELATIONSHIPS,
      90,
    ],
    ['no credit report', { creditValidUntil: null }, Code.NO_CREDIT_REPORT, Section.CREDIT, 88],
    [
      'a credit report valid until yesterday',
      { creditValidUntil: '2026-11-19' },
      Code.CREDIT_REPORT_EXPIRED,
      Section.CREDIT,
      88,
    ],
    ['no competitor', { competitorCount: 0 }, Code.NO_COMPETITOR, Section.COMPETITORS, 92],
    ['a review 61 days ago', { reviewedOn: '2026-09-20' }, Code.REVIEW_OVERDUE, Section.REVIEW, 90],
  ])('%s: misses %s (filled in at %s), scores %i', (_case, change, code, section, score) => {
    expect(completenessOf({ ...full, ...change })).toEqual({ score, missing: [{ code, section }] });
  });

  it.each<[string, Partial<CompletenessFacts>]>([
    [
      'a decision maker with a NEGATIVE relationship: related, if badly',
      {
        keyPersons: [person({ relationships: [{ state: S.NEGATIVE, staffActive: true }] })],
      },
    ],
    [
      'a key person who left, untitled and without roles: not counted',
      {
        keyPersons: [person(), person({ active: false, title: null, roles: [], relationships: [] })],
      },
    ],
    ['a review exactly the interval ago', { reviewedOn: '2026-09-21' }],
    ['a longer interval', { reviewedOn: '2026-01-01', reviewIntervalDays: 400 }],
  ])('misses nothing with %s', (_case, change) => {
    expect(completenessOf({ ...full, ...change })).toEqual({ score: 100, missing: [] });
  });

  it('names only NO_KEY_PERSON when nobody is on file, withholding the title, role and decision maker points', () => {
    const facts = { ...full, keyPersons: [person({ active: false })] };
    expect(codes(facts)).toEqual([Code.NO_KEY_PERSON, Code.NO_DECISION_MAKER]);
    expect(completenessOf(facts).score).toBe(100 - 10 - 6 - 8 - 10);
  });

  it('scores a thin dossier by its basic sheet and review alone, listing the rest in rule order', () => {
    const thin: CompletenessFacts = {
      ...full,
      industry: null,
      address: null,
      phone: null,
      legalRepresentative: null,
      characteristics: {},
      keyPersons: [],
      creditValidUntil: null,
      competitorCount: 0,
    };
    expect(completenessOf(thin)).toEqual({
      score: 4 + 4 + 10,
      missing: [
        { code: Code.MISSING_INDUSTRY, section: Section.BASIC },
        { code: Code.MISSING_ADDRESS, section: Section.BASIC },
        { code: Code.MISSING_PHONE, section: Section.BASIC },
        { code: Code.MISSING_LEGAL_REPRESENTATIVE, section: Section.BASIC },
        { code: Code.CHARACTERISTICS_INCOMPLETE, section: Section.CHARACTERISTICS },
        { code: Code.NO_KEY_PERSON, section: Section.KEY_PERSONS },
        { code: Code.NO_DECISION_MAKER, section: Section.RELATIONSHIPS },
        { code: Code.NO_CREDIT_REPORT, section: Section.CREDIT },
        { code: Code.NO_COMPETITOR, section: Section.COMPETITORS },
      ],
    });
  });

  it('knows the section of every code', () => {
    expect(Object.keys(COMPLETENESS_SECTION_OF).sort()).toEqual(Object.values(Code).sort());
    expect(COMPLETENESS_SECTION_OF[Code.CREDIT_REPORT_EXPIRED]).toBe(Section.CREDIT);
  });
});
