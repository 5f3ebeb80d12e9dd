import { daysBetween } from './calendar.js';
import { isDecisionMaker } from './coverage.js';
import { CUSTOMER_CHARACTERISTICS } from './customer-characteristics.js';
import { type DecisionRole, type InfluenceLevel, RelationshipState } from './enums.js';
import type { LabelTable } from './labels.js';

// How complete a customer's dossier is (档案完整度), 0–100, from DOMAIN.md's sections, with every missing item
// named and the place it is filled in. Pure: the server states the same rules in SQL for the list's sort
// (a property test holds the two equal on random dossiers); the web shows the checklist.

/** Where a missing item is filled in: a dossier tab, or a part of one. */
export enum CompletenessSection {
  BASIC = 'BASIC',
  CHARACTERISTICS = 'CHARACTERISTICS',
  KEY_PERSONS = 'KEY_PERSONS',
  DECISION_ROLES = 'DECISION_ROLES',
  RELATIONSHIPS = 'RELATIONSHIPS',
  CREDIT = 'CREDIT',
  COMPETITORS = 'COMPETITORS',
  REVIEW = 'REVIEW',
}

/** A missing item of the dossier. */
export enum CompletenessCode {
  MISSING_INDUSTRY = 'MISSING_INDUSTRY',
  MISSING_REGION = 'MISSING_REGION',
  MISSING_ADDRESS = 'MISSING_ADDRESS',
  MISSING_PHONE = 'MISSING_PHONE',
  MISSING_LEGAL_REPRESENTATIVE = 'MISSING_LEGAL_REPRESENTATIVE',
  MISSING_OWNER = 'MISSING_OWNER',
  CHARACTERISTICS_INCOMPLETE = 'CHARACTERISTICS_INCOMPLETE',
  NO_KEY_PERSON = 'NO_KEY_PERSON',
  KEY_PERSON_WITHOUT_TITLE = 'KEY_PERSON_WITHOUT_TITLE',
  KEY_PERSON_WITHOUT_ROLE = 'KEY_PERSON_WITHOUT_ROLE',
  NO_DECISION_MAKER = 'NO_DECISION_MAKER',
  DECISION_MAKER_WITHOUT_RELATIONSHIP = 'DECISION_MAKER_WITHOUT_RELATIONSHIP',
  NO_CREDIT_REPORT = 'NO_CREDIT_REPORT',
  CREDIT_REPORT_EXPIRED = 'CREDIT_REPORT_EXPIRED',
  NO_COMPETITOR = 'NO_COMPETITOR',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
}

/** One key person (active ones only count) as the rules see them. */
export interface CompletenessKeyPerson {
  readonly title: string | null;
  /** every role of the person, for any project or in general */
  readonly roles: ReadonlyArray<{ readonly role: DecisionRole; readonly influence: InfluenceLevel }>;
  /** the relationships of the person with OUR staff */
  readonly relationships: ReadonlyArray<{ readonly state: RelationshipState; readonly staffActive: boolean }>;
  readonly active: boolean;
}

/** What the rules read of one dossier. Days are days of the business calendar. */
export interface CompletenessFacts {
  readonly industry: string | null;
  readonly region: string | null;
  readonly address: string | null;
  readonly phone: string | null;
  readonly legalRepresentative: string | null;
  readonly ownerId: string | null;
  /** by CUSTOMER_CHARACTERISTICS field; a missing field is not filled in */
  readonly characteristics: Readonly<Record<string, string | null | undefined>>;
  readonly keyPersons: readonly CompletenessKeyPerson[];
  /** the latest credit report's last valid day (newest report date), or null without a report */
  readonly creditValidUntil: string | null;
  readonly competitorCount: number;
  /** the day of the last review, or of the dossier's creation when never reviewed (as STALE_DOSSIER counts) */
  readonly reviewedOn: string;
  readonly today: string;
  /** the STALE_DOSSIER interval (DOSSIER_REVIEW_INTERVAL_DAYS) */
  readonly reviewIntervalDays: number;
}

export interface MissingItem {
  readonly code: CompletenessCode;
  readonly section: CompletenessSection;
}

export interface Completeness {
  /** 0–100 */
  readonly score: number;
  /** in the order of COMPLETENESS_RULES */
  readonly missing: readonly MissingItem[];
}

const filled = (value: string | null | undefined) => (value ?? '').trim() !== '';

/** A relationship counts once it exists with a staff member still here; NONE (尚未建立关系) is no relationship. */
const related = (person: CompletenessKeyPerson) =>
  person.relationships.some((r) => r.staffActive && r.state !== RelationshipState.NONE);

export interface CompletenessRule {
  readonly codes: readonly CompletenessCode[];
  readonly section: CompletenessSection;
  readonly weight: number;
  /** points earned (0…weight) and the code missing, if any */
  readonly check: (facts: CompletenessFacts) => { points: number; missing: CompletenessCode | null };
}

const all = (weight: number, missing: CompletenessCode | null) => ({
  points: missing ? 0 : weight,
  missing,
});

const basic = (code: CompletenessCode, read: (f: CompletenessFacts) => string | null, weight = 4) => ({
  codes: [code],
  section: CompletenessSection.BASIC,
  weight,
  check: (f: CompletenessFacts) => all(weight, filled(read(f)) ? null : code),
});

const activePersons = (f: CompletenessFacts) => f.keyPersons.filter((p) => p.active);

/**
 * The rules and their weights, which sum to 100. Why these weights: the basic sheet (24) and the people
 * side (key persons, titles, roles, decision makers and our links to them: 34) are the core of 一户一档
 * and what a manager asks about first; a valid credit report (12) comes before any credit is given;
 * characteristics (12, one point each, so partly filled sheets show progress), a fresh review (10) and the
 * competitors (8) round the dossier off. A rule with nothing to judge (titles when nobody is on file) gives
 * no points: an empty dossier scores what its basic sheet earns.
 */
export const COMPLETENESS_RULES: readonly CompletenessRule[] = [
  basic(CompletenessCode.MISSING_INDUSTRY, (f) => f.industry),
  basic(CompletenessCode.MISSING_REGION, (f) => f.region),
  basic(CompletenessCode.MISSING_ADDRESS, (f) => f.address),
  basic(CompletenessCode.MISSING_PHONE, (f) => f.phone),
  basic(CompletenessCode.MISSING_LEGAL_REPRESENTATIVE, (f) => f.legalRepresentative),
  basic(CompletenessCode.MISSING_OWNER, (f) => f.ownerId),
  {
    codes: [CompletenessCode.CHARACTERISTICS_INCOMPLETE],
    section: CompletenessSection.CHARACTERISTICS,
    weight: CUSTOMER_CHARACTERISTICS.length,
    check: (f) => {
      const points = CUSTOMER_CHARACTERISTICS.filter((c) => filled(f.characteristics[c.field])).length;
      const complete = points === CUSTOMER_CHARACTERISTICS.length;
      return { points, missing: complete ? null : CompletenessCode.CHARACTERISTICS_INCOMPLETE };
    },
  },
  {
    codes: [CompletenessCode.NO_KEY_PERSON],
    section: CompletenessSection.KEY_PERSONS,
    weight: 10,
    check: (f) => all(10, activePersons(f).length > 0 ? null : CompletenessCode.NO_KEY_PERSON),
  },
  {
    codes: [CompletenessCode.KEY_PERSON_WITHOUT_TITLE],
    section: CompletenessSection.KEY_PERSONS,
    weight: 6,
    check: (f) => {
      const persons = activePersons(f);
      const ok = persons.length > 0 && persons.every((p) => filled(p.title));
      // With nobody on file NO_KEY_PERSON says what to do; this rule only withholds its points.
      return {
        points: ok ? 6 : 0,
        missing: ok || persons.length === 0 ? null : CompletenessCode.KEY_PERSON_WITHOUT_TITLE,
      };
    },
  },
  {
    codes: [CompletenessCode.KEY_PERSON_WITHOUT_ROLE],
    section: CompletenessSection.DECISION_ROLES,
    weight: 8,
    check: (f) => {
      const persons = activePersons(f);
      const ok = persons.length > 0 && persons.every((p) => p.roles.length > 0);
      return {
        points: ok ? 8 : 0,
        missing: ok || persons.length === 0 ? null : CompletenessCode.KEY_PERSON_WITHOUT_ROLE,
      };
    },
  },
  {
    codes: [CompletenessCode.NO_DECISION_MAKER, CompletenessCode.DECISION_MAKER_WITHOUT_RELATIONSHIP],
    section: CompletenessSection.RELATIONSHIPS,
    weight: 10,
    check: (f) => {
      const makers = activePersons(f).filter((p) => isDecisionMaker(p.roles));
      if (makers.length === 0) return all(10, CompletenessCode.NO_DECISION_MAKER);
      return all(10, makers.every(related) ? null : CompletenessCode.DECISION_MAKER_WITHOUT_RELATIONSHIP);
    },
  },
  {
    codes: [CompletenessCode.NO_CREDIT_REPORT, CompletenessCode.CREDIT_REPORT_EXPIRED],
    section: CompletenessSection.CREDIT,
    weight: 12,
    check: (f) => {
      if (f.creditValidUntil === null) return all(12, CompletenessCode.NO_CREDIT_REPORT);
      return all(12, f.creditValidUntil >= f.today ? null : CompletenessCode.CREDIT_REPORT_EXPIRED);
    },
  },
  {
    codes: [CompletenessCode.NO_COMPETITOR],
    section: CompletenessSection.COMPETITORS,
    weight: 8,
    check: (f) => all(8, f.competitorCount > 0 ? null : CompletenessCode.NO_COMPETITOR),
  },
  {
    codes: [CompletenessCode.REVIEW_OVERDUE],
    section: CompletenessSection.REVIEW,
    weight: 10,
    // The STALE_DOSSIER rule's count: stale after more than the interval's days.
    check: (f) =>
      all(
        10,
        daysBetween(f.reviewedOn, f.today) > f.reviewIntervalDays ? CompletenessCode.REVIEW_OVERDUE : null,
      ),
  },
];

/** The section each code is filled in, from the rule that names it. */
export const COMPLETENESS_SECTION_OF: Readonly<Record<CompletenessCode, CompletenessSection>> =
  Object.fromEntries(
    COMPLETENESS_RULES.flatMap((rule) => rule.codes.map((code) => [code, rule.section])),
  ) as Record<CompletenessCode, CompletenessSection>;

/** The score of one dossier and what it misses. */
export function completenessOf(facts: CompletenessFacts): Completeness {
  let score = 0;
  const missing: MissingItem[] = [];
  for (const rule of COMPLETENESS_RULES) {
    const result = rule.check(facts);
    score += result.points;
    if (result.missing) missing.push({ code: result.missing, section: rule.section });
  }
  return { score, missing };
}

export const completenessCodeLabels: LabelTable<CompletenessCode> = {
  [CompletenessCode.MISSING_INDUSTRY]: { 'zh-CN': '未填写行业', en: 'Industry not filled in' },
  [CompletenessCode.MISSING_REGION]: { 'zh-CN': '未填写销售区域', en: 'Sales region not filled in' },
  [CompletenessCode.MISSING_ADDRESS]: { 'zh-CN': '未填写地址', en: 'Address not filled in' },
  [CompletenessCode.MISSING_PHONE]: { 'zh-CN': '未填写电话', en: 'Phone not filled in' },
  [CompletenessCode.MISSING_LEGAL_REPRESENTATIVE]: {
    'zh-CN': '未填写法定代表人',
    en: 'Legal representative not filled in',
  },
  [CompletenessCode.MISSING_OWNER]: { 'zh-CN': '未指定负责销售', en: 'No responsible rep' },
  [CompletenessCode.CHARACTERISTICS_INCOMPLETE]: {
    'zh-CN': '客户特征未填全',
    en: 'Characteristics incomplete',
  },
  [CompletenessCode.NO_KEY_PERSON]: { 'zh-CN': '没有关键人物', en: 'No key person on file' },
  [CompletenessCode.KEY_PERSON_WITHOUT_TITLE]: {
    'zh-CN': '有关键人物未填职务',
    en: 'A key person has no title',
  },
  [CompletenessCode.KEY_PERSON_WITHOUT_ROLE]: {
    'zh-CN': '有关键人物未设角色作用',
    en: 'A key person has no decision role',
  },
  [CompletenessCode.NO_DECISION_MAKER]: { 'zh-CN': '未确定决策者', en: 'No decision maker identified' },
  [CompletenessCode.DECISION_MAKER_WITHOUT_RELATIONSHIP]: {
    'zh-CN': '有决策者与我方尚未建立关系',
    en: 'A decision maker has no relationship with us',
  },
  [CompletenessCode.NO_CREDIT_REPORT]: { 'zh-CN': '没有资信调查报告', en: 'No credit report' },
  [CompletenessCode.CREDIT_REPORT_EXPIRED]: { 'zh-CN': '资信报告已过期', en: 'Credit report expired' },
  [CompletenessCode.NO_COMPETITOR]: { 'zh-CN': '未记录竞争对手', en: 'No competitor recorded' },
  [CompletenessCode.REVIEW_OVERDUE]: { 'zh-CN': '超期未审阅', en: 'Review overdue' },
};

export const completenessSectionLabels: LabelTable<CompletenessSection> = {
  [CompletenessSection.BASIC]: { 'zh-CN': '基本情况', en: 'Basic sheet' },
  [CompletenessSection.CHARACTERISTICS]: { 'zh-CN': '客户特征', en: 'Characteristics' },
  [CompletenessSection.KEY_PERSONS]: { 'zh-CN': '关键人物', en: 'Key persons' },
  [CompletenessSection.DECISION_ROLES]: { 'zh-CN': '角色作用', en: 'Decision roles' },
  [CompletenessSection.RELATIONSHIPS]: { 'zh-CN': '关系图', en: 'Relationship map' },
  [CompletenessSection.CREDIT]: { 'zh-CN': '资信', en: 'Credit' },
  [CompletenessSection.COMPETITORS]: { 'zh-CN': '竞争对手', en: 'Competitors' },
  [CompletenessSection.REVIEW]: { 'zh-CN': '档案审阅', en: 'Review' },
};
