import type { KeyPersonId } from './coverage.js';
import { RelationshipState } from './enums.js';

// Who can open the door (谁能引荐): for an uncovered decision maker, which of our staff already has a
// good relationship with someone close to that person at the customer, and so can ask for an
// introduction. Plain objects in, like coverage.ts, so the server can pass entities and the web rows.

/** How close the person we already know sits to the decision maker; declared closest first. */
export enum Closeness {
  MANAGER = 'MANAGER',
  DIRECT_REPORT = 'DIRECT_REPORT',
  COLLEAGUE = 'COLLEAGUE',
}

export interface SuggestionKeyPerson {
  readonly id: KeyPersonId;
  /** false once the person has left the customer */
  readonly active: boolean;
  /** the key person this one reports to, if recorded */
  readonly reportsToId: KeyPersonId | null;
  readonly department: string | null;
  /** true for a placeholder (a role whose holder we have not met); absent means false */
  readonly placeholder?: boolean;
}

export interface SuggestionRelationship {
  readonly keyPersonId: KeyPersonId;
  readonly staffId: string;
  readonly staffName: string;
  /** whether our staff member on this relationship still works here */
  readonly staffActive: boolean;
  readonly state: RelationshipState;
  readonly lastContactAt: Date | null;
}

export interface SuggestedContact<P, R> {
  /** the relationship to use: its staff member is the one to ask */
  readonly relationship: R;
  /** the key person that staff member knows, who can introduce them to the decision maker */
  readonly via: P;
  readonly closeness: Closeness;
}

const RANK: Readonly<Record<Closeness, number>> = {
  [Closeness.MANAGER]: 0,
  [Closeness.DIRECT_REPORT]: 1,
  [Closeness.COLLEAGUE]: 2,
};

/**
 * The staff members who could introduce us to `gap`: active staff with a POSITIVE relationship to the
 * gap's manager, one of their direct reports, or a colleague in the same (non-empty) department of the
 * same customer; only key persons still at the customer count, and no placeholder (nobody can be asked to
 * introduce us through a person we have not identified). The gap itself may be a placeholder: its
 * reports-to line and department are known, and they are what finds the door. A NEUTRAL or NEGATIVE link is no door:
 * asking a favour of someone who does not think well of us may do harm.
 *
 * Each staff member is suggested once, through their best route, and the list is ordered by:
 * 1. closeness: a word from the manager opens more doors than one from a report, and a report's more
 *    than a department colleague's;
 * 2. the latest contact first (never contacted last): a fresh relationship is easier to call on;
 * 3. staff name, then staff id, so equal suggestions always come in the same order.
 * `people` are the key persons of the gap's customer (the gap itself may be among them).
 */
export function suggestContacts<P extends SuggestionKeyPerson, R extends SuggestionRelationship>(
  gap: SuggestionKeyPerson,
  people: readonly P[],
  relationships: readonly R[],
): SuggestedContact<P, R>[] {
  const routes = new Map<KeyPersonId, { via: P; closeness: Closeness }>();
  for (const person of people) {
    const closeness = closenessTo(gap, person);
    if (closeness && person.active && !person.placeholder) routes.set(person.id, { via: person, closeness });
  }
  const bestByStaff = new Map<string, SuggestedContact<P, R>>();
  for (const relationship of relationships) {
    const route = routes.get(relationship.keyPersonId);
    if (!route || !relationship.staffActive || relationship.state !== RelationshipState.POSITIVE) continue;
    const candidate = { relationship, ...route };
    const current = bestByStaff.get(relationship.staffId);
    if (!current || compareSuggestions(candidate, current) < 0)
      bestByStaff.set(relationship.staffId, candidate);
  }
  return [...bestByStaff.values()].sort(compareSuggestions);
}

/** How `person` relates to `gap`, the closest tie winning; null when unrelated or the same person. */
function closenessTo(gap: SuggestionKeyPerson, person: SuggestionKeyPerson): Closeness | null {
  if (person.id === gap.id) return null;
  if (person.id === gap.reportsToId) return Closeness.MANAGER;
  if (person.reportsToId === gap.id) return Closeness.DIRECT_REPORT;
  const department = gap.department?.trim();
  if (department && person.department?.trim() === department) return Closeness.COLLEAGUE;
  return null;
}

function compareSuggestions(
  a: SuggestedContact<unknown, SuggestionRelationship>,
  b: SuggestedContact<unknown, SuggestionRelationship>,
): number {
  return (
    RANK[a.closeness] - RANK[b.closeness] ||
    compareRecency(a.relationship.lastContactAt, b.relationship.lastContactAt) ||
    compareText(a.relationship.staffName, b.relationship.staffName) ||
    compareText(a.relationship.staffId, b.relationship.staffId)
  );
}

/** The later contact first; a relationship never contacted after every dated one. */
function compareRecency(a: Date | null, b: Date | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b.getTime() - a.getTime();
}

// Code-point order rather than a locale's collation: the same on the server, in browsers and in CI.
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
