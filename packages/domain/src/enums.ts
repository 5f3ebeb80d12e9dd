// The enums of the GraphQL contract (../shared/contract/dossier.graphql). String enums whose values
// equal their names, so a value travels unchanged through GraphQL, the database and the URL, and
// type-graphql's registerEnumType emits exactly the contract's enum.

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum StaffRole {
  SALES_REP = 'SALES_REP',
  SALES_MANAGER = 'SALES_MANAGER',
  ANALYST = 'ANALYST',
  ARCHIVIST = 'ARCHIVIST',
  ADMIN = 'ADMIN',
}

export enum CustomerNature {
  GOVERNMENT = 'GOVERNMENT',
  SPECIAL = 'SPECIAL',
  COMPANY = 'COMPANY',
  INDIVIDUAL = 'INDIVIDUAL',
  PARTNER = 'PARTNER',
}

export enum CustomerTier {
  IMPORTANT = 'IMPORTANT',
  SPECIAL = 'SPECIAL',
  GENERAL = 'GENERAL',
}

export enum CustomerLifecycle {
  PROSPECT = 'PROSPECT',
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
}

export enum RelationshipState {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
  NONE = 'NONE',
}

export enum DecisionRole {
  DECISION_MAKER = 'DECISION_MAKER',
  ECONOMIC_BUYER = 'ECONOMIC_BUYER',
  TECHNICAL_BUYER = 'TECHNICAL_BUYER',
  USER_BUYER = 'USER_BUYER',
  INFLUENCER = 'INFLUENCER',
  GATEKEEPER = 'GATEKEEPER',
  COACH = 'COACH',
  OTHER = 'OTHER',
}

export enum InfluenceLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum ProjectStage {
  LEAD = 'LEAD',
  QUALIFIED = 'QUALIFIED',
  PROPOSAL = 'PROPOSAL',
  BIDDING = 'BIDDING',
  NEGOTIATION = 'NEGOTIATION',
  WON = 'WON',
  LOST = 'LOST',
}

export enum CreditRating {
  AAA = 'AAA',
  AA = 'AA',
  A = 'A',
  BBB = 'BBB',
  BB = 'BB',
  B = 'B',
  CCC = 'CCC',
  CC = 'CC',
  C = 'C',
}

export enum AbcClass {
  A = 'A',
  B = 'B',
  C = 'C',
}

export enum RiskLevel {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
  NONE = 'NONE',
}

export enum RiskCode {
  OVERDUE_RECEIVABLE = 'OVERDUE_RECEIVABLE',
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  CREDIT_REPORT_EXPIRED = 'CREDIT_REPORT_EXPIRED',
  REVENUE_DECLINE = 'REVENUE_DECLINE',
  ABC_DOWNGRADE = 'ABC_DOWNGRADE',
  NEGATIVE_DECISION_MAKER = 'NEGATIVE_DECISION_MAKER',
  UNCOVERED_DECISION_MAKER = 'UNCOVERED_DECISION_MAKER',
  STALE_DOSSIER = 'STALE_DOSSIER',
  COMPLAINT_UNRESOLVED = 'COMPLAINT_UNRESOLVED',
}

export enum ChangeAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

export enum CompositionDimension {
  ABC_CLASS = 'ABC_CLASS',
  REGION = 'REGION',
  PRODUCT = 'PRODUCT',
  CATEGORY = 'CATEGORY',
  NATURE = 'NATURE',
  OWNER = 'OWNER',
  MONTH = 'MONTH',
}

/** Sort keys of the customer list (`CustomerOrder.field`). */
export enum CustomerOrderField {
  NAME = 'NAME',
  CODE = 'CODE',
  REVENUE = 'REVENUE',
  UPDATED_AT = 'UPDATED_AT',
  RISK_SCORE = 'RISK_SCORE',
  CREATED = 'CREATED',
  REVIEWED = 'REVIEWED',
  ABC_RANK = 'ABC_RANK',
  COMPLETENESS = 'COMPLETENESS',
}

/** What the audit log records (append-only; queried by admins). */
export enum AuditEvent {
  LOGIN_SUCCEEDED = 'LOGIN_SUCCEEDED',
  LOGIN_FAILED = 'LOGIN_FAILED',
  LOGIN_LOCKED = 'LOGIN_LOCKED',
  LOGOUT = 'LOGOUT',
  TOKEN_CREATED = 'TOKEN_CREATED',
  TOKEN_USED = 'TOKEN_USED',
  TOKEN_REVOKED = 'TOKEN_REVOKED',
  STAFF_CREATED = 'STAFF_CREATED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  MANAGER_CHANGED = 'MANAGER_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  STAFF_DEACTIVATED = 'STAFF_DEACTIVATED',
  DOCUMENT_VIEWED = 'DOCUMENT_VIEWED',
  DOCUMENT_DOWNLOADED = 'DOCUMENT_DOWNLOADED',
  DOCUMENT_LOAN_REQUESTED = 'DOCUMENT_LOAN_REQUESTED',
  DOCUMENT_LOAN_GRANTED = 'DOCUMENT_LOAN_GRANTED',
  DOCUMENT_LOAN_REFUSED = 'DOCUMENT_LOAN_REFUSED',
  DOCUMENT_LOAN_RETURNED = 'DOCUMENT_LOAN_RETURNED',
  DOCUMENT_DESTRUCTION_APPROVED = 'DOCUMENT_DESTRUCTION_APPROVED',
  DOCUMENT_DESTROYED = 'DOCUMENT_DESTROYED',
  PROFILE_READ = 'PROFILE_READ',
  MONTHLY_REPORT_GENERATED = 'MONTHLY_REPORT_GENERATED',
}

// Every enum of the contract under its GraphQL name, so the server can register them in one loop
// (type-graphql's registerEnumType) and nothing is left out when the contract gains one.
export const contractEnums = {
  SortDirection,
  StaffRole,
  CustomerNature,
  CustomerTier,
  CustomerLifecycle,
  RelationshipState,
  DecisionRole,
  InfluenceLevel,
  ProjectStage,
  CreditRating,
  AbcClass,
  RiskLevel,
  RiskCode,
  ChangeAction,
  CompositionDimension,
  CustomerOrderField,
  AuditEvent,
} as const;

export type ContractEnumName = keyof typeof contractEnums;

/** The union of the values of one contract enum, e.g. ContractEnumValue<'AbcClass'> is AbcClass. */
export type ContractEnumValue<N extends ContractEnumName> = Extract<
  (typeof contractEnums)[N][keyof (typeof contractEnums)[N]],
  string
>;
