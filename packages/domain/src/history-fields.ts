import { archiveFindingKindLabels } from './archive-inspection.js';
import { CUSTOMER_CHARACTERISTICS } from './customer-characteristics.js';
import { confidentialityLabels, documentCategoryLabels, loanApprovalLabels } from './documents.js';
import {
  feedbackCategoryLabels,
  feedbackChannelLabels,
  feedbackKindLabels,
  feedbackSeverityLabels,
  feedbackStatusLabels,
} from './feedback.js';
import {
  type BilingualLabel,
  creditRatingLabels,
  customerLifecycleLabels,
  customerNatureLabels,
  customerTierLabels,
  decisionRoleLabels,
  influenceLevelLabels,
  type LabelTable,
  type Locale,
  projectStageLabels,
  relationshipStateLabels,
} from './labels.js';
import { weeklyCheckVerdictLabels } from './weekly-check.js';

/**
 * How a history value (as the server writes it: text, ISO timestamps, YYYY-MM-DD dates, decimals at their
 * column's scale, references as global ids) reads to a person.
 */
export type HistoryValueKind =
  | { kind: 'text' }
  | { kind: 'timestamp' }
  | { kind: 'date' }
  | { kind: 'money' }
  | { kind: 'boolean' }
  | { kind: 'enum'; labels: LabelTable<string> }
  /** A record of `type`, shown by its name (the API answers it beside the id). */
  | { kind: 'reference'; type: string };

export interface HistoryField {
  label: BilingualLabel;
  value: HistoryValueKind;
}

const TEXT = { kind: 'text' } as const;
const TIMESTAMP = { kind: 'timestamp' } as const;
const DATE = { kind: 'date' } as const;
const MONEY = { kind: 'money' } as const;
const enumOf = (labels: LabelTable<string>) => ({ kind: 'enum', labels }) as const;
const ref = (type: string) => ({ kind: 'reference', type }) as const;

const field = (zh: string, en: string, value: HistoryValueKind = TEXT): HistoryField => ({
  label: { 'zh-CN': zh, en },
  value,
});

// Fields every trade record carries back to its dossier or order.
const CUSTOMER = field('客户', 'Customer', ref('Customer'));
const ORDER = field('订单', 'Order', ref('Order'));
const PROJECT = field('项目', 'Project', ref('Project'));
const KEY_PERSON = field('关键人物', 'Key person', ref('KeyPerson'));
const BOOLEAN = { kind: 'boolean' } as const;

/** The characteristics, kept in the embedded `characteristics` of a customer. */
function characteristicFields(): Record<string, HistoryField> {
  return Object.fromEntries(
    CUSTOMER_CHARACTERISTICS.map((c) => [
      `characteristics.${c.field}`,
      { label: c.label, value: c.kind === 'enum' ? enumOf(c.labels) : TEXT },
    ]),
  );
}

/**
 * Every field the history records, by the GraphQL type of the changed record and the field's API name
 * (`ownerId` for the owner reference, `profile.interests` inside the key person's profile). A server test
 * holds this equal to the entities' history columns, so a new column cannot reach the history unlabelled.
 * The zh-CN labels are the archive regulations' terms (DOMAIN.md), as in labels.ts.
 */
export const historyFields: Readonly<Record<string, Readonly<Record<string, HistoryField>>>> = {
  Customer: {
    address: field('地址', 'Address'),
    city: field('城市', 'City'),
    code: field('客户编号', 'Customer number'),
    creditLimit: field('信用额度', 'Credit limit', MONEY),
    foundedOn: field('成立日期', 'Founding date', DATE),
    industry: field('行业', 'Industry'),
    legalRepresentative: field('法定代表人', 'Legal representative'),
    lifecycle: field('交易过程', 'Lifecycle', enumOf(customerLifecycleLabels)),
    name: field('客户名称', 'Name'),
    nature: field('客户性质', 'Nature', enumOf(customerNatureLabels)),
    ownerId: field('负责销售', 'Owner', ref('Staff')),
    parentId: field('隶属于', 'Branch of', ref('Customer')),
    phone: field('电话', 'Phone'),
    region: field('销售区域', 'Sales region'),
    reviewedAt: field('最近审阅', 'Last reviewed', TIMESTAMP),
    tier: field('客户档次', 'Tier', enumOf(customerTierLabels)),
    website: field('网址', 'Website'),
    ...characteristicFields(),
  },
  KeyPerson: {
    active: field('是否仍在职', 'Still with the customer', BOOLEAN),
    customerId: CUSTOMER,
    department: field('部门', 'Department'),
    email: field('邮箱', 'E-mail'),
    mobile: field('手机', 'Mobile phone'),
    name: field('姓名', 'Name'),
    officePhone: field('办公电话', 'Office phone'),
    'profile.background': field('经历背景', 'Career background'),
    'profile.birthYear': field('出生年份', 'Year of birth'),
    'profile.birthday': field('生日', 'Birthday'),
    'profile.education': field('学历', 'Education'),
    'profile.family': field('家庭', 'Family'),
    'profile.interests': field('兴趣爱好', 'Interests and hobbies'),
    'profile.notes': field('备注', 'Notes'),
    'profile.personality': field('性格', 'Personality'),
    favoursCompetitorId: field('倾向的竞争对手', 'Favours competitor', ref('Competitor')),
    reportsToId: field('直属上级', 'Reports to', ref('KeyPerson')),
    title: field('职务', 'Title'),
  },
  // The company-wide list: its changes are kept with no customer, as a staff member's are.
  Competitor: {
    active: field('是否启用', 'Active', BOOLEAN),
    name: field('竞争对手名称', 'Competitor name'),
    notes: field('备注', 'Notes'),
    website: field('网址', 'Website'),
  },
  CustomerCompetitor: {
    competitorId: field('竞争对手', 'Competitor', ref('Competitor')),
    customerId: CUSTOMER,
    notes: field('比较说明', 'Comparison notes'),
    // Stored as numeric(5, 2): the history shows it as a decimal, as it shows amounts.
    sharePercent: field('估计份额（%）', 'Estimated share (%)', MONEY),
    since: field('合作起始日期', 'Supplying since', DATE),
    strengths: field('优势', 'Strengths'),
    supplies: field('供应品类', 'Supplies'),
    weaknesses: field('劣势', 'Weaknesses'),
  },
  Relationship: {
    keyPersonId: KEY_PERSON,
    lastContactAt: field('最近联系时间', 'Last contact', TIMESTAMP),
    // Not a column: the handover records it when it merges two relationships with one key person.
    mergedIntoId: field('合并到', 'Merged into', ref('Relationship')),
    note: field('备注', 'Note'),
    staffId: field('我方人员', 'Our staff member', ref('Staff')),
    state: field('关系状况', 'Relationship state', enumOf(relationshipStateLabels)),
  },
  DecisionRoleAssignment: {
    concerns: field('关心的要点', 'Concerns'),
    influence: field('影响力', 'Influence', enumOf(influenceLevelLabels)),
    keyPersonId: KEY_PERSON,
    projectId: PROJECT,
    role: field('角色', 'Role', enumOf(decisionRoleLabels)),
  },
  Project: {
    amount: field('预计金额', 'Expected amount', MONEY),
    customerId: CUSTOMER,
    expectedCloseDate: field('预计成交日期', 'Expected close date', DATE),
    name: field('项目名称', 'Project name'),
    ownerId: field('项目负责人', 'Project owner', ref('Staff')),
    stage: field('阶段', 'Stage', enumOf(projectStageLabels)),
  },
  ProjectEvent: {
    authorId: field('记录人', 'Recorded by', ref('Staff')),
    description: field('详情', 'Details'),
    nextStep: field('下一步', 'Next step'),
    occurredAt: field('发生时间', 'When it happened', TIMESTAMP),
    outcome: field('结果', 'Outcome'),
    projectId: PROJECT,
    title: field('事件', 'Event'),
  },
  Order: {
    customerId: CUSTOMER,
    dueDate: field('应付款日期', 'Payment due date', DATE),
    number: field('订单号', 'Order number'),
    orderedAt: field('订货日期', 'Order date', DATE),
    region: field('销售区域', 'Sales region'),
    repId: field('销售代表', 'Sales rep', ref('Staff')),
    total: field('订单金额', 'Order total', MONEY),
  },
  Payment: {
    amount: field('付款金额', 'Amount paid', MONEY),
    method: field('付款方式', 'Payment method'),
    note: field('备注', 'Note'),
    orderId: ORDER,
    paidOn: field('付款日期', 'Date paid', DATE),
  },
  OrderReturn: {
    amount: field('退赔金额', 'Amount credited', MONEY),
    // Kept as the customer's plain id (a copy for partitioning), not a global id: still a customer.
    customerId: CUSTOMER,
    orderId: ORDER,
    orderedAt: field('订货日期', 'Order date', DATE),
    reason: field('原因', 'Reason'),
    returnedOn: field('退赔日期', 'Date of return', DATE),
  },
  CreditReport: {
    authorId: field('调查人', 'Investigated by', ref('Staff')),
    customerId: CUSTOMER,
    rating: field('信用等级', 'Rating', enumOf(creditRatingLabels)),
    recommendedLimit: field('授信建议', 'Recommended credit limit', MONEY),
    reportedAt: field('报告日期', 'Report date', DATE),
    summary: field('综合评价', 'Overall assessment'),
    validUntil: field('有效期至', 'Valid until', DATE),
  },
  Feedback: {
    category: field('类别', 'Category', enumOf(feedbackCategoryLabels)),
    channel: field('渠道', 'Channel', enumOf(feedbackChannelLabels)),
    closedAt: field('结案时间', 'Closed', TIMESTAMP),
    customerId: CUSTOMER,
    description: field('反馈内容', 'What the customer said'),
    handlerId: field('处理人', 'Handled by', ref('Staff')),
    handlingPlan: field('处理方案', 'Handling plan'),
    keyPersonId: field('提出人', 'Raised by', ref('KeyPerson')),
    kind: field('类型', 'Type', enumOf(feedbackKindLabels)),
    receivedAt: field('收到时间', 'Received', TIMESTAMP),
    recordedById: field('记录人', 'Recorded by', ref('Staff')),
    result: field('处理结果', 'Result'),
    severity: field('严重程度', 'Severity', enumOf(feedbackSeverityLabels)),
    status: field('状态', 'Status', enumOf(feedbackStatusLabels)),
  },
  SatisfactionSurvey: {
    comment: field('意见', 'Comment'),
    customerId: CUSTOMER,
    deliveryScore: field('交货满意度', 'Delivery score'),
    priceScore: field('价格满意度', 'Price score'),
    productScore: field('产品满意度', 'Product score'),
    recordedById: field('记录人', 'Recorded by', ref('Staff')),
    serviceScore: field('服务满意度', 'Service score'),
    surveyedOn: field('调查日期', 'Survey date', DATE),
  },
  WeeklyCheck: {
    comment: field('评语', 'Comment'),
    customerId: CUSTOMER,
    managerId: field('检查人', 'Checked by', ref('Staff')),
    reviewedAt: field('检查时间', 'Checked', TIMESTAMP),
    verdict: field('检查结果', 'Verdict', enumOf(weeklyCheckVerdictLabels)),
    weekStart: field('检查周', 'Week of', DATE),
  },
  Document: {
    category: field('档案类别', 'Category', enumOf(documentCategoryLabels)),
    confidentiality: field('密级', 'Confidentiality', enumOf(confidentialityLabels)),
    customerId: CUSTOMER,
    destroyedAt: field('销毁时间', 'Destroyed', TIMESTAMP),
    destructionApprovedAt: field('批准销毁时间', 'Destruction approved', TIMESTAMP),
    destructionApprovedById: field('批准销毁人', 'Destruction approved by', ref('Staff')),
    documentDate: field('文件日期', 'Document date', DATE),
    fileName: field('文件名', 'File name'),
    mediaType: field('文件类型', 'File type'),
    projectId: PROJECT,
    retainUntil: field('保管至', 'Kept until', DATE),
    retentionYears: field('保管年限', 'Retention in years'),
    sha256: field('校验值（SHA-256）', 'Checksum (SHA-256)'),
    sizeBytes: field('文件大小（字节）', 'Size in bytes'),
    title: field('标题', 'Title'),
    uploadedById: field('归档人', 'Filed by', ref('Staff')),
  },
  CustomerSheetLink: {
    acceptedFields: field('采纳的字段', 'Fields accepted'),
    createdById: field('发送人', 'Sent by', ref('Staff')),
    customerId: CUSTOMER,
    expiresAt: field('链接有效期至', 'Link expires', TIMESTAMP),
    reviewedAt: field('审核时间', 'Reviewed', TIMESTAMP),
    reviewedById: field('审核人', 'Reviewed by', ref('Staff')),
    revokedAt: field('撤销时间', 'Revoked', TIMESTAMP),
    submittedAt: field('客户提交时间', 'Submitted by the customer', TIMESTAMP),
  },
  DocumentLoan: {
    approval: field('审批要求', 'Approval needed', enumOf(loanApprovalLabels)),
    borrowerId: field('借阅人', 'Borrower', ref('Staff')),
    decidedById: field('审批人', 'Decided by', ref('Staff')),
    documentId: field('档案', 'Document', ref('Document')),
    dueAt: field('到期时间', 'Due', TIMESTAMP),
    grantedAt: field('准借时间', 'Granted', TIMESTAMP),
    hours: field('借阅时长（小时）', 'Hours lent'),
    refused: field('已拒绝', 'Refused', BOOLEAN),
    returnedAt: field('归还时间', 'Returned', TIMESTAMP),
  },
  // A finding of the half-yearly archive inspection, kept with the dossier of the document it is about.
  ArchiveInspectionItem: {
    checkedAt: field('核查时间', 'Checked', TIMESTAMP),
    checkedById: field('核查人', 'Checked by', ref('Staff')),
    customerId: CUSTOMER,
    details: field('核查发现详情', 'Finding details'),
    documentId: field('档案', 'Document', ref('Document')),
    inspectionId: field('档案检查', 'Archive inspection', ref('ArchiveInspection')),
    kind: field('发现类型', 'Finding', enumOf(archiveFindingKindLabels)),
    note: field('核查备注', 'Inspection note'),
  },
};

/** The label and value kind of a field of a changed record; undefined for a field the table does not know. */
export function historyFieldOf(entityType: string, fieldName: string): HistoryField | undefined {
  const fields = Object.hasOwn(historyFields, entityType) ? historyFields[entityType] : undefined;
  return fields && Object.hasOwn(fields, fieldName) ? fields[fieldName] : undefined;
}

/** The label of a stored enum value, or undefined for a value the table does not have (an older enum). */
export function historyEnumLabel(
  labels: LabelTable<string>,
  value: string,
  locale: Locale,
): string | undefined {
  return Object.hasOwn(labels, value) ? labels[value]?.[locale] : undefined;
}
