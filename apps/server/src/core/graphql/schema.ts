import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import {
  AbcClassificationResolver,
  AbcCustomerResolver,
  CustomerAbcResolver,
} from '../../modules/abc/abc.resolver.js';
import {
  CoverageSummaryResolver,
  CustomerCoverageResolver,
} from '../../modules/account-coverage/account-coverage.resolver.js';
import { ApiTokenResolver } from '../../modules/api-token/api-token.resolver.js';
import { ArchiveFindingResolver } from '../../modules/archive-inspection/archive-finding.resolver.js';
import { ArchiveInspectionResolver } from '../../modules/archive-inspection/archive-inspection.resolver.js';
import { AuditResolver } from '../../modules/audit/audit.resolver.js';
import { AuthResolver } from '../../modules/auth/auth.resolver.js';
import { BackupResolver } from '../../modules/backup/backup.resolver.js';
import { CalendarResolver } from '../../modules/calendar/calendar.resolver.js';
import {
  CompetitorResolver,
  CompetitorWalletShareResolver,
  ShareOfWalletResolver,
} from '../../modules/competitor/competitor.resolver.js';
import {
  CustomerCompetitorResolver,
  CustomerCompetitorsResolver,
  KeyPersonCompetitorResolver,
} from '../../modules/competitor/customer-competitor.resolver.js';
import { CustomerCompletenessResolver } from '../../modules/completeness/completeness.resolver.js';
import { CompositionResolver } from '../../modules/composition/composition.resolver.js';
import {
  CreditReportResolver,
  CustomerCreditReportsResolver,
} from '../../modules/credit-report/credit-report.resolver.js';
import { CustomerResolver } from '../../modules/customer/customer.resolver.js';
import { CustomerSheetPublicResolver } from '../../modules/customer-sheet/customer-sheet.public-resolver.js';
import {
  CustomerSheetLinkResolver,
  CustomerSheetLinksResolver,
} from '../../modules/customer-sheet/customer-sheet.resolver.js';
import {
  DecisionRoleResolver,
  ProjectDecisionRolesResolver,
} from '../../modules/decision-role/decision-role.resolver.js';
import {
  CustomerDocumentsResolver,
  DocumentResolver,
  ProjectDocumentsResolver,
} from '../../modules/document/document.resolver.js';
import { DocumentDestructionResolver } from '../../modules/document/document-destruction.resolver.js';
import { DocumentLoanResolver } from '../../modules/document/document-loan.resolver.js';
import { CustomerFeedbackResolver, FeedbackResolver } from '../../modules/feedback/feedback.resolver.js';
import { SatisfactionSummaryResolver } from '../../modules/feedback/satisfaction-summary.resolver.js';
import {
  CustomerSurveysResolver,
  SatisfactionSurveyResolver,
} from '../../modules/feedback/satisfaction-survey.resolver.js';
import { HandoverResolver } from '../../modules/handover/handover.resolver.js';
import {
  ChangeResolver,
  CustomerHistoryResolver,
  FieldChangeResolver,
} from '../../modules/history/history.resolver.js';
import { ImportResolver } from '../../modules/import/import.resolver.js';
import { InboxResolver } from '../../modules/inbox/inbox.resolver.js';
import {
  CustomerKeyPersonsResolver,
  KeyPersonResolver,
} from '../../modules/key-person/key-person.resolver.js';
import { MonthlyReportResolver } from '../../modules/monthly-report/monthly-report.resolver.js';
import { NodeResolver } from '../../modules/node/node.resolver.js';
import { CustomerProjectsResolver, ProjectResolver } from '../../modules/project/project.resolver.js';
import { ProjectEventResolver } from '../../modules/project/project-event.resolver.js';
import { RelationshipResolver } from '../../modules/relationship/relationship.resolver.js';
import {
  CustomerRelationshipMapResolver,
  RelationshipMapResolver,
} from '../../modules/relationship-map/relationship-map.resolver.js';
import {
  CustomerRiskResolver,
  RiskCustomersResolver,
  RiskSummaryResolver,
} from '../../modules/risk/risk.resolver.js';
import { StaffResolver } from '../../modules/staff/staff.resolver.js';
import { StaffAdminResolver } from '../../modules/staff/staff-admin.resolver.js';
import { TeamSummaryResolver } from '../../modules/team/team.resolver.js';
import {
  CustomerOrdersResolver,
  OrderLineResolver,
  OrderResolver,
} from '../../modules/trade/order.resolver.js';
import {
  OrderReturnResolver,
  OrderSettlementResolver,
  PaymentResolver,
} from '../../modules/trade/settlement.resolver.js';
import {
  CustomerWeeklyChecksResolver,
  WeeklyCheckResolver,
} from '../../modules/weekly-check/weekly-check.resolver.js';
import {
  WeeklyCheckListResolver,
  WeeklyCheckRowResolver,
} from '../../modules/weekly-check/weekly-check-list.resolver.js';
import { DateTimeISOScalar } from './scalars.js';
import { dropPropertyResolvers } from './simple-fields.js';

export const resolvers = [
  AuthResolver,
  StaffResolver,
  StaffAdminResolver,
  ApiTokenResolver,
  AuditResolver,
  BackupResolver,
  CalendarResolver,
  CustomerResolver,
  CustomerSheetLinkResolver,
  CustomerSheetLinksResolver,
  CustomerSheetPublicResolver,
  ProjectResolver,
  CustomerProjectsResolver,
  ProjectEventResolver,
  CreditReportResolver,
  CustomerCreditReportsResolver,
  FeedbackResolver,
  CustomerFeedbackResolver,
  InboxResolver,
  SatisfactionSurveyResolver,
  CustomerSurveysResolver,
  SatisfactionSummaryResolver,
  DocumentResolver,
  CustomerDocumentsResolver,
  ProjectDocumentsResolver,
  DocumentLoanResolver,
  DocumentDestructionResolver,
  ArchiveInspectionResolver,
  ArchiveFindingResolver,
  ChangeResolver,
  FieldChangeResolver,
  CustomerHistoryResolver,
  HandoverResolver,
  KeyPersonResolver,
  CustomerKeyPersonsResolver,
  RelationshipResolver,
  DecisionRoleResolver,
  ProjectDecisionRolesResolver,
  RelationshipMapResolver,
  CustomerRelationshipMapResolver,
  OrderResolver,
  OrderLineResolver,
  CustomerOrdersResolver,
  OrderSettlementResolver,
  PaymentResolver,
  OrderReturnResolver,
  ImportResolver,
  RiskCustomersResolver,
  RiskSummaryResolver,
  CoverageSummaryResolver,
  CustomerCoverageResolver,
  CustomerCompletenessResolver,
  CustomerRiskResolver,
  CompositionResolver,
  CompetitorResolver,
  ShareOfWalletResolver,
  CompetitorWalletShareResolver,
  CustomerCompetitorResolver,
  CustomerCompetitorsResolver,
  KeyPersonCompetitorResolver,
  TeamSummaryResolver,
  AbcClassificationResolver,
  AbcCustomerResolver,
  CustomerAbcResolver,
  WeeklyCheckResolver,
  CustomerWeeklyChecksResolver,
  WeeklyCheckListResolver,
  WeeklyCheckRowResolver,
  MonthlyReportResolver,
  NodeResolver,
] as const;

export async function buildDossierSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISOScalar }],
  });
  // type-graphql has no option for the root types' descriptions; analysts read them in the explorer.
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reading the customer dossiers / 查询客户档案';
  if (mutation)
    mutation.description = 'Changing the customer dossiers; each mutation is one transaction / 修改客户档案';
  dropPropertyResolvers(schema);
  return schema;
}

/** The schema as SDL in a stable order, so the committed file only changes when the API does. */
export function printDossierSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
