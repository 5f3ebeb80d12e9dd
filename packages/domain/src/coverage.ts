import { DecisionRole, InfluenceLevel, RelationshipState } from './enums.js';

// Relationship coverage (关键人物关系图): which decision makers of a customer none of our active
// staff has a good relationship with. Plain objects in, so the server can pass rows or entities and
// the web can pass query results.

/** Whatever identifies a key person in the caller's data; compared with ===. */
export type KeyPersonId = string | number;

export interface CoverageKeyPerson {
  readonly id: KeyPersonId;
  /** false once the person has left the customer */
  readonly active: boolean;
  /**
   * true for a placeholder: a role we know exists at the customer (e.g. 财务总监) held by someone we have
   * not met, so whose name we do not know yet. Absent means false.
   */
  readonly placeholder?: boolean;
}

export interface CoverageRole {
  readonly keyPersonId: KeyPersonId;
  readonly role: DecisionRole;
  readonly influence: InfluenceLevel;
}

export interface CoverageRelationship {
  readonly keyPersonId: KeyPersonId;
  /** whether our staff member on this relationship still works here */
  readonly staffActive: boolean;
  readonly state: RelationshipState;
}

export interface RelationshipStateCounts {
  positive: number;
  neutral: number;
  negative: number;
  none: number;
}

const DECISION_ROLES: ReadonlySet<DecisionRole> = new Set([
  DecisionRole.DECISION_MAKER,
  DecisionRole.ECONOMIC_BUYER,
]);

/**
 * Whether these roles (all of one person's assignments, for any project or in general) make the
 * person a decision maker. Roles only: the roles of a person who left stay on record, so whether the
 * person still counts is decided by `decisionMakers`, which also looks at `active`.
 */
export function isDecisionMaker(roles: readonly Pick<CoverageRole, 'role' | 'influence'>[]): boolean {
  return roles.some((r) => DECISION_ROLES.has(r.role) || r.influence === InfluenceLevel.HIGH);
}

/** Active key persons who are decision makers, in the order given. */
export function decisionMakers<P extends CoverageKeyPerson>(
  keyPersons: readonly P[],
  roles: readonly CoverageRole[],
): P[] {
  const rolesByPerson = groupBy(roles, (r) => r.keyPersonId);
  return keyPersons.filter((p) => p.active && isDecisionMaker(rolesByPerson.get(p.id) ?? []));
}

/**
 * Each active decision maker with the best state of its links to active staff (NONE without any). A
 * placeholder's best is always NONE: nobody can have a real relationship with a person we have not
 * identified, so whatever links were recorded against the role, it stays a gap until its name is filled in.
 */
export function decisionMakerStates<P extends CoverageKeyPerson>(
  keyPersons: readonly P[],
  roles: readonly CoverageRole[],
  relationships: readonly CoverageRelationship[],
): { keyPerson: P; best: RelationshipState }[] {
  const byPerson = groupBy(
    relationships.filter((r) => r.staffActive),
    (r) => r.keyPersonId,
  );
  return decisionMakers(keyPersons, roles).map((keyPerson) => ({
    keyPerson,
    best: keyPerson.placeholder
      ? RelationshipState.NONE
      : bestRelationshipState((byPerson.get(keyPerson.id) ?? []).map((r) => r.state)),
  }));
}

/**
 * Active decision makers with no POSITIVE relationship to an active staff member: the coverage gap
 * of DOMAIN.md. A positive link held only by someone who has left does not count, since nobody can
 * use it until the relationship is handed over; a placeholder decision maker is a gap until it is
 * filled in (named) and then covered.
 */
export function uncoveredDecisionMakers<P extends CoverageKeyPerson>(
  keyPersons: readonly P[],
  roles: readonly CoverageRole[],
  relationships: readonly CoverageRelationship[],
): P[] {
  return decisionMakerStates(keyPersons, roles, relationships)
    .filter(({ best }) => best !== RelationshipState.POSITIVE)
    .map(({ keyPerson }) => keyPerson);
}

/**
 * Active decision makers whose best relationship with our active staff is NEGATIVE (the
 * NEGATIVE_DECISION_MAKER risk signal). Every such person is also uncovered.
 */
export function negativeDecisionMakers<P extends CoverageKeyPerson>(
  keyPersons: readonly P[],
  roles: readonly CoverageRole[],
  relationships: readonly CoverageRelationship[],
): P[] {
  return decisionMakerStates(keyPersons, roles, relationships)
    .filter(({ best }) => best === RelationshipState.NEGATIVE)
    .map(({ keyPerson }) => keyPerson);
}

const COUNT_KEY: Readonly<Record<RelationshipState, keyof RelationshipStateCounts>> = {
  [RelationshipState.POSITIVE]: 'positive',
  [RelationshipState.NEUTRAL]: 'neutral',
  [RelationshipState.NEGATIVE]: 'negative',
  [RelationshipState.NONE]: 'none',
};

/** Relationships in each state, as given: filter first if departed staff should not count. */
export function countRelationshipStates(
  relationships: readonly Pick<CoverageRelationship, 'state'>[],
): RelationshipStateCounts {
  const counts: RelationshipStateCounts = { positive: 0, neutral: 0, negative: 0, none: 0 };
  for (const { state } of relationships) counts[COUNT_KEY[state]] += 1;
  return counts;
}

// Best = the most favourable relationship actually established: POSITIVE > NEUTRAL > NEGATIVE > NONE.
// NONE ranks last although no contact is arguably "better" than a hostile one, because NONE is not a
// relationship but the absence of one (尚未建立关系: they don't know us). Ranking it above NEGATIVE
// would let a colleague's "no contact yet" row hide that the only person who knows the decision maker
// is on bad terms with them, and the NEGATIVE_DECISION_MAKER signal would depend on whether anybody
// bothered to record a non-contact. With NONE last it is the identity of "best": a person with no
// rows at all and a person with only NONE rows are the same, and adding NONE rows changes nothing.
export const RELATIONSHIP_FAVOURABILITY: Readonly<Record<RelationshipState, number>> = {
  [RelationshipState.POSITIVE]: 3,
  [RelationshipState.NEUTRAL]: 2,
  [RelationshipState.NEGATIVE]: 1,
  [RelationshipState.NONE]: 0,
};

/** The most favourable established state; NONE when there is none (see RELATIONSHIP_FAVOURABILITY). */
export function bestRelationshipState(states: Iterable<RelationshipState>): RelationshipState {
  let best = RelationshipState.NONE;
  for (const state of states) {
    if (RELATIONSHIP_FAVOURABILITY[state] > RELATIONSHIP_FAVOURABILITY[best]) best = state;
  }
  return best;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
