import { describe, expect, expectTypeOf, it } from 'vitest';
import { type AbcClass, type ContractEnumName, type ContractEnumValue, contractEnums } from './enums.js';

// Members copied from ../shared/contract/dossier.graphql, in the contract's order, then the members the API
// added since (the contract only grows): a change to the contract must be a deliberate change here too.
const contract: Record<ContractEnumName, string[]> = {
  SortDirection: ['ASC', 'DESC'],
  StaffRole: ['SALES_REP', 'SALES_MANAGER', 'ANALYST', 'ARCHIVIST', 'ADMIN'],
  CustomerNature: ['GOVERNMENT', 'SPECIAL', 'COMPANY', 'INDIVIDUAL', 'PARTNER'],
  CustomerTier: ['IMPORTANT', 'SPECIAL', 'GENERAL'],
  CustomerLifecycle: ['PROSPECT', 'ACTIVE', 'DORMANT'],
  RelationshipState: ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NONE'],
  DecisionRole: [
    'DECISION_MAKER',
    'ECONOMIC_BUYER',
    'TECHNICAL_BUYER',
    'USER_BUYER',
    'INFLUENCER',
    'GATEKEEPER',
    'COACH',
    'OTHER',
  ],
  InfluenceLevel: ['HIGH', 'MEDIUM', 'LOW'],
  ProjectStage: ['LEAD', 'QUALIFIED', 'PROPOSAL', 'BIDDING', 'NEGOTIATION', 'WON', 'LOST'],
  CreditRating: ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C'],
  AbcClass: ['A', 'B', 'C'],
  RiskLevel: ['HIGH', 'MEDIUM', 'LOW', 'NONE'],
  RiskCode: [
    'OVERDUE_RECEIVABLE',
    'CREDIT_LIMIT_EXCEEDED',
    'CREDIT_REPORT_EXPIRED',
    'REVENUE_DECLINE',
    'ABC_DOWNGRADE',
    'NEGATIVE_DECISION_MAKER',
    'UNCOVERED_DECISION_MAKER',
    'STALE_DOSSIER',
    'COMPLAINT_UNRESOLVED',
  ],
  ChangeAction: ['CREATE', 'UPDATE', 'DELETE'],
  CompositionDimension: ['ABC_CLASS', 'REGION', 'PRODUCT', 'CATEGORY', 'NATURE', 'OWNER', 'MONTH'],
  CustomerOrderField: [
    'NAME',
    'CODE',
    'REVENUE',
    'UPDATED_AT',
    'RISK_SCORE',
    'CREATED',
    'REVIEWED',
    'ABC_RANK',
    'COMPLETENESS',
  ],
  AuditEvent: [
    'LOGIN_SUCCEEDED',
    'LOGIN_FAILED',
    'LOGIN_LOCKED',
    'LOGOUT',
    'TOKEN_CREATED',
    'TOKEN_USED',
    'TOKEN_REVOKED',
    'STAFF_CREATED',
    'ROLE_CHANGED',
    'MANAGER_CHANGED',
    'PASSWORD_RESET',
    'STAFF_DEACTIVATED',
    'DOCUMENT_VIEWED',
    'DOCUMENT_DOWNLOADED',
    'DOCUMENT_LOAN_REQUESTED',
    'DOCUMENT_LOAN_GRANTED',
    'DOCUMENT_LOAN_REFUSED',
    'DOCUMENT_LOAN_RETURNED',
    'DOCUMENT_DESTRUCTION_APPROVED',
    'DOCUMENT_DESTROYED',
    'PROFILE_READ',
    'MONTHLY_REPORT_GENERATED',
  ],
};

it('registers exactly the enums of the contract', () => {
  expect(Object.keys(contractEnums).sort()).toEqual(Object.keys(contract).sort());
  expectTypeOf<ContractEnumValue<'AbcClass'>>().toEqualTypeOf<AbcClass>();
});

describe.each(Object.entries(contract))('%s', (name, members) => {
  const values = contractEnums[name as ContractEnumName];

  it('has exactly the members of the contract, in its order', () => {
    expect(Object.keys(values)).toEqual(members);
  });

  it('uses each member name as its value', () => {
    expect(Object.values(values)).toEqual(members);
  });
});
