import type { DossierTab } from '../tabs';

/** Which dossier section a changed record belongs to, by its GraphQL type. */
const SECTION_OF_TYPE: Record<string, DossierTab> = {
  Customer: 'basic',
  KeyPerson: 'people',
  Relationship: 'map',
  DecisionRoleAssignment: 'roles',
  Project: 'projects',
  ProjectEvent: 'projects',
  Order: 'trade',
  Payment: 'trade',
  OrderReturn: 'trade',
  CreditReport: 'credit',
};

/** The sections a history can be filtered by: every tab that holds records. */
export const HISTORY_SECTIONS = [...new Set(Object.values(SECTION_OF_TYPE))];

export function sectionOf(entityType: string): DossierTab | undefined {
  return SECTION_OF_TYPE[entityType];
}
