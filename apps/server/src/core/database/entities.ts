import { ApiToken } from '../../modules/api-token/api-token.entity.js';
import {
  ArchiveInspection,
  ArchiveInspectionItem,
} from '../../modules/archive-inspection/archive-inspection.entity.js';
import { AuditEntry } from '../../modules/audit/audit.entity.js';
import { Competitor } from '../../modules/competitor/competitor.entity.js';
import { CustomerCompetitor } from '../../modules/competitor/customer-competitor.entity.js';
import { CreditReport } from '../../modules/credit-report/credit-report.entity.js';
import { Customer } from '../../modules/customer/customer.entity.js';
import { CustomerSheetLink } from '../../modules/customer-sheet/customer-sheet-link.entity.js';
import { DecisionRoleAssignment } from '../../modules/decision-role/decision-role.entity.js';
import { Document } from '../../modules/document/document.entity.js';
import { DocumentDestruction } from '../../modules/document/document-destruction.entity.js';
import { DocumentLoan } from '../../modules/document/document-loan.entity.js';
import { Feedback } from '../../modules/feedback/feedback.entity.js';
import { SatisfactionSurvey } from '../../modules/feedback/satisfaction-survey.entity.js';
import { Change, FieldChange } from '../../modules/history/change.entity.js';
import { InboxItem } from '../../modules/inbox/inbox-item.entity.js';
import { KeyPerson } from '../../modules/key-person/key-person.entity.js';
import { KeyPersonProfile } from '../../modules/key-person/key-person-profile.embeddable.js';
import { Project } from '../../modules/project/project.entity.js';
import { ProjectEvent } from '../../modules/project/project-event.entity.js';
import { Relationship } from '../../modules/relationship/relationship.entity.js';
import { Staff } from '../../modules/staff/staff.entity.js';
import { Order } from '../../modules/trade/order.entity.js';
import { OrderLine } from '../../modules/trade/order-line.entity.js';
import { OrderReturn } from '../../modules/trade/order-return.entity.js';
import { Payment } from '../../modules/trade/payment.entity.js';
import { Product } from '../../modules/trade/product.entity.js';
import { WeeklyCheck } from '../../modules/weekly-check/weekly-check.entity.js';
import { BaseEntity } from './base.entity.js';

/** Every entity MikroORM maps; listed explicitly so the production bundle needs no folder scanning. */
export const entities = [
  BaseEntity,
  Staff,
  Document,
  DocumentLoan,
  DocumentDestruction,
  ArchiveInspection,
  ArchiveInspectionItem,
  Customer,
  CustomerSheetLink,
  KeyPerson,
  KeyPersonProfile,
  Relationship,
  Competitor,
  CustomerCompetitor,
  DecisionRoleAssignment,
  Project,
  ProjectEvent,
  CreditReport,
  Feedback,
  SatisfactionSurvey,
  Change,
  FieldChange,
  Product,
  Order,
  OrderLine,
  Payment,
  OrderReturn,
  ApiToken,
  AuditEntry,
  WeeklyCheck,
  InboxItem,
];
