import {
  bestRelationshipState,
  DecisionRole,
  InfluenceLevel,
  isDecisionMaker,
  type RelationshipState,
} from '@dossier/domain';
import type { MapLink, MapPerson, MapRole } from './model.js';

export interface CardBadges {
  /** Distinct decision roles, decision makers first (the order of ROLE_ORDER). */
  readonly roles: DecisionRole[];
  /** The highest influence over all roles; null without a role. */
  readonly influence: InfluenceLevel | null;
  /** The best state of the links of our active staff; null when nobody of ours is linked. */
  readonly best: RelationshipState | null;
  /** A decision maker (DOMAIN.md) or our coach: the people the key-players-only filter keeps. */
  readonly keyPlayer: boolean;
  /** A decision maker the server reports as uncovered: the card stands out and says who can open the door. */
  readonly uncovered: boolean;
  /** A known role whose holder we have not met: drawn dashed and counted as a gap. */
  readonly placeholder: boolean;
}

const ROLE_ORDER: readonly DecisionRole[] = [
  DecisionRole.DECISION_MAKER,
  DecisionRole.ECONOMIC_BUYER,
  DecisionRole.TECHNICAL_BUYER,
  DecisionRole.USER_BUYER,
  DecisionRole.INFLUENCER,
  DecisionRole.GATEKEEPER,
  DecisionRole.COACH,
  DecisionRole.OTHER,
];

const INFLUENCE_RANK: Readonly<Record<InfluenceLevel, number>> = {
  [InfluenceLevel.HIGH]: 3,
  [InfluenceLevel.MEDIUM]: 2,
  [InfluenceLevel.LOW]: 1,
};

/**
 * What each card shows, per person. Coverage itself is the server's rule (DOMAIN.md): `uncoveredIds`
 * comes from `coverage.gaps`, so the map and the customer list never disagree about a gap.
 */
export function cardBadges(
  persons: readonly MapPerson[],
  roles: readonly MapRole[],
  links: readonly MapLink[],
  uncoveredIds: ReadonlySet<string>,
): Map<string, CardBadges> {
  const rolesOf = group(roles, (r) => r.keyPersonId);
  const linksOf = group(
    links.filter((l) => l.staffActive),
    (l) => l.keyPersonId,
  );
  const badges = new Map<string, CardBadges>();
  for (const person of persons) {
    const own = rolesOf.get(person.id) ?? [];
    const held = new Set(own.map((r) => r.role));
    const personLinks = linksOf.get(person.id) ?? [];
    let influence: InfluenceLevel | null = null;
    for (const r of own)
      if (!influence || INFLUENCE_RANK[r.influence] > INFLUENCE_RANK[influence]) influence = r.influence;
    badges.set(person.id, {
      roles: ROLE_ORDER.filter((role) => held.has(role)),
      influence,
      best: personLinks.length ? bestRelationshipState(personLinks.map((l) => l.state)) : null,
      keyPlayer: isDecisionMaker(own) || held.has(DecisionRole.COACH),
      uncovered: uncoveredIds.has(person.id),
      placeholder: person.placeholder,
    });
  }
  return badges;
}

/** The persons the key-players-only filter keeps: key players, and every uncovered or placeholder gap. */
export function keyPlayerIds(badges: ReadonlyMap<string, CardBadges>): Set<string> {
  const kept = new Set<string>();
  for (const [id, b] of badges) if (b.keyPlayer || b.uncovered || b.placeholder) kept.add(id);
  return kept;
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
