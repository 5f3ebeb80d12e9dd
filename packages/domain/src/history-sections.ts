/**
 * The dossier sections a change of its history belongs to, by the GraphQL type of the changed record:
 * the server filters `Customer.history(sections:)` by it in SQL, the web labels each change with it.
 * Values equal names, as the contract's enums (enums.ts), so a section travels unchanged through GraphQL.
 */
export enum HistorySection {
  BASIC = 'BASIC',
  PEOPLE = 'PEOPLE',
  MAP = 'MAP',
  ROLES = 'ROLES',
  PROJECTS = 'PROJECTS',
  TRADE = 'TRADE',
  CREDIT = 'CREDIT',
  DOCUMENTS = 'DOCUMENTS',
  FEEDBACK = 'FEEDBACK',
  COMPETITORS = 'COMPETITORS',
}

const SECTION_OF_TYPE: Readonly<Record<string, HistorySection>> = {
  Customer: HistorySection.BASIC,
  // The customer's own sheet: sent, filled in, reviewed; what it changed lands on the Customer.
  CustomerSheetLink: HistorySection.BASIC,
  KeyPerson: HistorySection.PEOPLE,
  Relationship: HistorySection.MAP,
  DecisionRoleAssignment: HistorySection.ROLES,
  Project: HistorySection.PROJECTS,
  ProjectEvent: HistorySection.PROJECTS,
  Order: HistorySection.TRADE,
  Payment: HistorySection.TRADE,
  OrderReturn: HistorySection.TRADE,
  CreditReport: HistorySection.CREDIT,
  Document: HistorySection.DOCUMENTS,
  DocumentLoan: HistorySection.DOCUMENTS,
  ArchiveInspectionItem: HistorySection.DOCUMENTS,
  Feedback: HistorySection.FEEDBACK,
  SatisfactionSurvey: HistorySection.FEEDBACK,
  // The manager's weekly check signs the dossier as a whole: it reads with the basic data.
  WeeklyCheck: HistorySection.BASIC,
  // The company-wide list's changes belong to no customer; where listed (changes), they go with the section.
  Competitor: HistorySection.COMPETITORS,
  CustomerCompetitor: HistorySection.COMPETITORS,
};

/** The section of a changed record's type; undefined for a type no section shows. */
export function historySectionOf(entityType: string): HistorySection | undefined {
  return Object.hasOwn(SECTION_OF_TYPE, entityType) ? SECTION_OF_TYPE[entityType] : undefined;
}

/** The record types whose changes the given sections show, sorted (a stable SQL parameter list). */
export function entityTypesOfSections(sections: readonly HistorySection[]): string[] {
  const wanted = new Set(sections);
  return Object.keys(SECTION_OF_TYPE)
    .filter((type) => wanted.has(SECTION_OF_TYPE[type] as HistorySection))
    .sort();
}

/** Every record type the history records changes of, sorted: what `Change.entityType` can be. */
export const HISTORY_ENTITY_TYPES: readonly string[] = Object.keys(SECTION_OF_TYPE).sort();
