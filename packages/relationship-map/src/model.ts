import type { DecisionRole, InfluenceLevel, RelationshipState } from '@dossier/domain';

// The map's own plain model, so the rules below take query results from the web and rows in tests alike.

export interface MapPerson {
  readonly id: string;
  readonly name: string;
  readonly title?: string | null;
  readonly department?: string | null;
  readonly reportsToId: string | null;
  /** false once the person has left the customer */
  readonly active: boolean;
  /** a role we know exists whose holder we have not met yet: drawn dashed, a gap until filled in */
  readonly placeholder: boolean;
}

export interface MapRole {
  readonly keyPersonId: string;
  readonly role: DecisionRole;
  readonly influence: InfluenceLevel;
}

export interface MapLink {
  readonly id: string;
  readonly staffId: string;
  readonly keyPersonId: string;
  readonly state: RelationshipState;
  /** whether our staff member on this link still works here */
  readonly staffActive: boolean;
}

export interface MapStaff {
  readonly id: string;
  readonly name: string;
}
