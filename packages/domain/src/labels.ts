import { AbcMovementWay } from './abc-report.js';
import { Closeness } from './contact-suggestions.js';
import {
  AbcClass,
  AuditEvent,
  ChangeAction,
  CompositionDimension,
  type ContractEnumName,
  type ContractEnumValue,
  CreditRating,
  CustomerLifecycle,
  CustomerNature,
  CustomerOrderField,
  CustomerTier,
  DecisionRole,
  InfluenceLevel,
  ProjectStage,
  RelationshipState,
  RiskCode,
  RiskLevel,
  SortDirection,
  StaffRole,
} from './enums.js';
import { HistorySection } from './history-sections.js';
import { RelationshipOrderField, StaffOrderField } from './order-fields.js';

// The UI shows the Chinese terms of the archive regulations to Chinese users (DOMAIN.md), so the
// zh-CN labels below are those terms, not translations of the English ones.

export type Locale = 'zh-CN' | 'en';

export type BilingualLabel = Readonly<Record<Locale, string>>;

// `Record<E, …>` over the enum makes a missing or stray member a compile error when the contract grows.
export type LabelTable<E extends string> = Readonly<Record<E, BilingualLabel>>;

export const sortDirectionLabels: LabelTable<SortDirection> = {
  [SortDirection.ASC]: { 'zh-CN': '升序', en: 'Ascending' },
  [SortDirection.DESC]: { 'zh-CN': '降序', en: 'Descending' },
};

export const staffRoleLabels: LabelTable<StaffRole> = {
  [StaffRole.SALES_REP]: { 'zh-CN': '销售代表', en: 'Sales rep' },
  [StaffRole.SALES_MANAGER]: { 'zh-CN': '销售经理', en: 'Sales manager' },
  [StaffRole.ANALYST]: { 'zh-CN': '分析员', en: 'Analyst' },
  [StaffRole.ARCHIVIST]: { 'zh-CN': '档案管理员', en: 'Archivist' },
  [StaffRole.ADMIN]: { 'zh-CN': '系统管理员', en: 'Administrator' },
};

export const customerNatureLabels: LabelTable<CustomerNature> = {
  [CustomerNature.GOVERNMENT]: { 'zh-CN': '政府机构', en: 'Government' },
  [CustomerNature.SPECIAL]: { 'zh-CN': '特殊公司', en: 'Special company' },
  [CustomerNature.COMPANY]: { 'zh-CN': '普通公司', en: 'Company' },
  [CustomerNature.INDIVIDUAL]: { 'zh-CN': '个人', en: 'Individual' },
  [CustomerNature.PARTNER]: { 'zh-CN': '交易伙伴', en: 'Trading partner' },
};

export const customerTierLabels: LabelTable<CustomerTier> = {
  [CustomerTier.IMPORTANT]: { 'zh-CN': '重要', en: 'Important' },
  [CustomerTier.SPECIAL]: { 'zh-CN': '特殊', en: 'Special' },
  [CustomerTier.GENERAL]: { 'zh-CN': '一般', en: 'General' },
};

export const customerLifecycleLabels: LabelTable<CustomerLifecycle> = {
  [CustomerLifecycle.PROSPECT]: { 'zh-CN': '即将交易', en: 'Prospect' },
  [CustomerLifecycle.ACTIVE]: { 'zh-CN': '正在交易', en: 'Active' },
  [CustomerLifecycle.DORMANT]: { 'zh-CN': '曾经交易', en: 'Dormant' },
};

export const relationshipStateLabels: LabelTable<RelationshipState> = {
  [RelationshipState.POSITIVE]: { 'zh-CN': '积极的', en: 'Positive' },
  [RelationshipState.NEUTRAL]: { 'zh-CN': '中立的', en: 'Neutral' },
  [RelationshipState.NEGATIVE]: { 'zh-CN': '消极的', en: 'Negative' },
  [RelationshipState.NONE]: { 'zh-CN': '尚未建立关系', en: 'No relationship yet' },
};

export const decisionRoleLabels: LabelTable<DecisionRole> = {
  [DecisionRole.DECISION_MAKER]: { 'zh-CN': '决策者', en: 'Decision maker' },
  [DecisionRole.ECONOMIC_BUYER]: { 'zh-CN': '批准预算/财务', en: 'Economic buyer' },
  [DecisionRole.TECHNICAL_BUYER]: { 'zh-CN': '技术把关', en: 'Technical buyer' },
  [DecisionRole.USER_BUYER]: { 'zh-CN': '使用者', en: 'User buyer' },
  [DecisionRole.INFLUENCER]: { 'zh-CN': '影响者', en: 'Influencer' },
  [DecisionRole.GATEKEEPER]: { 'zh-CN': '采购/把关', en: 'Gatekeeper' },
  [DecisionRole.COACH]: { 'zh-CN': '内线/支持者', en: 'Coach' },
  [DecisionRole.OTHER]: { 'zh-CN': '其他', en: 'Other' },
};

export const influenceLevelLabels: LabelTable<InfluenceLevel> = {
  [InfluenceLevel.HIGH]: { 'zh-CN': '高', en: 'High' },
  [InfluenceLevel.MEDIUM]: { 'zh-CN': '中', en: 'Medium' },
  [InfluenceLevel.LOW]: { 'zh-CN': '低', en: 'Low' },
};

export const projectStageLabels: LabelTable<ProjectStage> = {
  [ProjectStage.LEAD]: { 'zh-CN': '线索', en: 'Lead' },
  [ProjectStage.QUALIFIED]: { 'zh-CN': '已确认需求', en: 'Qualified' },
  [ProjectStage.PROPOSAL]: { 'zh-CN': '方案报价', en: 'Proposal' },
  [ProjectStage.BIDDING]: { 'zh-CN': '投标', en: 'Bidding' },
  [ProjectStage.NEGOTIATION]: { 'zh-CN': '商务谈判', en: 'Negotiation' },
  [ProjectStage.WON]: { 'zh-CN': '赢单', en: 'Won' },
  [ProjectStage.LOST]: { 'zh-CN': '丢单', en: 'Lost' },
};

// Rating letters are international notation and read the same in both languages; the Chinese
// label only adds the 级 (grade) suffix used on credit reports.
export const creditRatingLabels: LabelTable<CreditRating> = {
  [CreditRating.AAA]: { 'zh-CN': 'AAA级', en: 'AAA' },
  [CreditRating.AA]: { 'zh-CN': 'AA级', en: 'AA' },
  [CreditRating.A]: { 'zh-CN': 'A级', en: 'A' },
  [CreditRating.BBB]: { 'zh-CN': 'BBB级', en: 'BBB' },
  [CreditRating.BB]: { 'zh-CN': 'BB级', en: 'BB' },
  [CreditRating.B]: { 'zh-CN': 'B级', en: 'B' },
  [CreditRating.CCC]: { 'zh-CN': 'CCC级', en: 'CCC' },
  [CreditRating.CC]: { 'zh-CN': 'CC级', en: 'CC' },
  [CreditRating.C]: { 'zh-CN': 'C级', en: 'C' },
};

export const abcClassLabels: LabelTable<AbcClass> = {
  [AbcClass.A]: { 'zh-CN': 'A类客户', en: 'Class A' },
  [AbcClass.B]: { 'zh-CN': 'B类客户', en: 'Class B' },
  [AbcClass.C]: { 'zh-CN': 'C类客户', en: 'Class C' },
};

export const abcMovementWayLabels: LabelTable<AbcMovementWay> = {
  [AbcMovementWay.UP]: { 'zh-CN': '升入更高类别', en: 'Moved up to a better class' },
  [AbcMovementWay.DOWN]: {
    'zh-CN': '降入更低类别，或丢失（上期有销售额，本期没有）',
    en: 'Moved down to a worse class, or lost (revenue then, none now)',
  },
};

export const riskLevelLabels: LabelTable<RiskLevel> = {
  [RiskLevel.HIGH]: { 'zh-CN': '高风险', en: 'High' },
  [RiskLevel.MEDIUM]: { 'zh-CN': '中风险', en: 'Medium' },
  [RiskLevel.LOW]: { 'zh-CN': '低风险', en: 'Low' },
  [RiskLevel.NONE]: { 'zh-CN': '无风险', en: 'None' },
};

export const riskCodeLabels: LabelTable<RiskCode> = {
  [RiskCode.OVERDUE_RECEIVABLE]: { 'zh-CN': '欠款逾期', en: 'Overdue receivable' },
  [RiskCode.CREDIT_LIMIT_EXCEEDED]: { 'zh-CN': '超出信用额度', en: 'Credit limit exceeded' },
  [RiskCode.CREDIT_REPORT_EXPIRED]: { 'zh-CN': '资信报告过期', en: 'Credit report expired' },
  [RiskCode.REVENUE_DECLINE]: { 'zh-CN': '销售额下降', en: 'Revenue decline' },
  [RiskCode.ABC_DOWNGRADE]: { 'zh-CN': 'ABC类别下降', en: 'ABC downgrade' },
  [RiskCode.NEGATIVE_DECISION_MAKER]: {
    'zh-CN': '决策者关系消极',
    en: 'Negative decision maker',
  },
  [RiskCode.UNCOVERED_DECISION_MAKER]: {
    'zh-CN': '决策者关系未覆盖',
    en: 'Uncovered decision maker',
  },
  [RiskCode.STALE_DOSSIER]: { 'zh-CN': '档案未及时更新', en: 'Stale dossier' },
  [RiskCode.COMPLAINT_UNRESOLVED]: { 'zh-CN': '投诉未处理', en: 'Unresolved complaint' },
};

export const changeActionLabels: LabelTable<ChangeAction> = {
  [ChangeAction.CREATE]: { 'zh-CN': '新建', en: 'Created' },
  [ChangeAction.UPDATE]: { 'zh-CN': '修改', en: 'Updated' },
  [ChangeAction.DELETE]: { 'zh-CN': '删除', en: 'Deleted' },
};

export const compositionDimensionLabels: LabelTable<CompositionDimension> = {
  [CompositionDimension.ABC_CLASS]: { 'zh-CN': '销售构成（ABC类）', en: 'By ABC class' },
  [CompositionDimension.REGION]: { 'zh-CN': '地区构成', en: 'By region' },
  [CompositionDimension.PRODUCT]: { 'zh-CN': '商品构成', en: 'By product' },
  [CompositionDimension.CATEGORY]: { 'zh-CN': '商品类别构成', en: 'By category' },
  [CompositionDimension.NATURE]: { 'zh-CN': '客户性质构成', en: 'By customer nature' },
  [CompositionDimension.OWNER]: { 'zh-CN': '负责人构成', en: 'By owner' },
  [CompositionDimension.MONTH]: { 'zh-CN': '月度构成', en: 'By month' },
};

export const customerOrderFieldLabels: LabelTable<CustomerOrderField> = {
  [CustomerOrderField.NAME]: { 'zh-CN': '名称', en: 'Name' },
  [CustomerOrderField.CODE]: { 'zh-CN': '编号', en: 'Code' },
  [CustomerOrderField.REVENUE]: { 'zh-CN': '销售额', en: 'Revenue' },
  [CustomerOrderField.UPDATED_AT]: { 'zh-CN': '最近修改', en: 'Last changed' },
  [CustomerOrderField.RISK_SCORE]: { 'zh-CN': '风险分', en: 'Risk score' },
  [CustomerOrderField.CREATED]: { 'zh-CN': '建档时间', en: 'Created' },
  [CustomerOrderField.REVIEWED]: { 'zh-CN': '最近审阅', en: 'Last reviewed' },
  [CustomerOrderField.ABC_RANK]: { 'zh-CN': 'ABC 排名', en: 'ABC rank' },
  [CustomerOrderField.COMPLETENESS]: { 'zh-CN': '档案完整度', en: 'Completeness' },
};

// Closeness, HistorySection and the order fields of order-fields.ts are schema enums of our own, not the contract's, so
// they have their tables here but stay out of `enumLabels`, which mirrors the contract.
export const closenessLabels: LabelTable<Closeness> = {
  [Closeness.MANAGER]: { 'zh-CN': '上级', en: 'Manager' },
  [Closeness.DIRECT_REPORT]: { 'zh-CN': '直接下属', en: 'Direct report' },
  [Closeness.COLLEAGUE]: { 'zh-CN': '同部门同事', en: 'Department colleague' },
};

// The sections of a dossier's history, named as the dossier's tabs name them.
export const historySectionLabels: LabelTable<HistorySection> = {
  [HistorySection.BASIC]: { 'zh-CN': '基本情况', en: 'Basic sheet' },
  [HistorySection.PEOPLE]: { 'zh-CN': '关键人物', en: 'Key persons' },
  [HistorySection.MAP]: { 'zh-CN': '关系图', en: 'Relationship map' },
  [HistorySection.ROLES]: { 'zh-CN': '角色作用', en: 'Decision roles' },
  [HistorySection.PROJECTS]: { 'zh-CN': '销售项目', en: 'Projects' },
  [HistorySection.TRADE]: { 'zh-CN': '交易', en: 'Trade' },
  [HistorySection.CREDIT]: { 'zh-CN': '资信', en: 'Credit' },
  [HistorySection.DOCUMENTS]: { 'zh-CN': '档案文件', en: 'Documents' },
  [HistorySection.FEEDBACK]: { 'zh-CN': '意见反馈', en: 'Feedback' },
  [HistorySection.COMPETITORS]: { 'zh-CN': '竞争对手', en: 'Competitors' },
};

export const relationshipOrderFieldLabels: LabelTable<RelationshipOrderField> = {
  [RelationshipOrderField.LAST_CONTACT]: { 'zh-CN': '最近联系时间', en: 'Last contact' },
  [RelationshipOrderField.CUSTOMER_NAME]: { 'zh-CN': '客户名称', en: 'Customer name' },
  [RelationshipOrderField.KEY_PERSON_NAME]: { 'zh-CN': '关键人物姓名', en: 'Key person name' },
};

export const staffOrderFieldLabels: LabelTable<StaffOrderField> = {
  [StaffOrderField.NAME]: { 'zh-CN': '姓名', en: 'Name' },
  [StaffOrderField.EMAIL]: { 'zh-CN': '邮箱', en: 'E-mail' },
};

export const auditEventLabels: LabelTable<AuditEvent> = {
  [AuditEvent.LOGIN_SUCCEEDED]: { 'zh-CN': '登录成功', en: 'Signed in' },
  [AuditEvent.LOGIN_FAILED]: { 'zh-CN': '登录失败', en: 'Sign-in failed' },
  [AuditEvent.LOGIN_LOCKED]: { 'zh-CN': '登录被锁定', en: 'Sign-in locked' },
  [AuditEvent.LOGOUT]: { 'zh-CN': '退出登录', en: 'Signed out' },
  [AuditEvent.TOKEN_CREATED]: { 'zh-CN': '创建 API 令牌', en: 'API token created' },
  [AuditEvent.TOKEN_USED]: { 'zh-CN': '使用 API 令牌', en: 'API token used' },
  [AuditEvent.TOKEN_REVOKED]: { 'zh-CN': '吊销 API 令牌', en: 'API token revoked' },
  [AuditEvent.STAFF_CREATED]: { 'zh-CN': '新建员工', en: 'Staff member created' },
  [AuditEvent.ROLE_CHANGED]: { 'zh-CN': '角色变更', en: 'Role changed' },
  [AuditEvent.MANAGER_CHANGED]: { 'zh-CN': '上级变更', en: 'Manager changed' },
  [AuditEvent.PASSWORD_RESET]: { 'zh-CN': '重置密码', en: 'Password reset' },
  [AuditEvent.STAFF_DEACTIVATED]: { 'zh-CN': '停用员工', en: 'Staff member deactivated' },
  [AuditEvent.DOCUMENT_VIEWED]: { 'zh-CN': '查阅档案', en: 'Document viewed' },
  [AuditEvent.DOCUMENT_DOWNLOADED]: { 'zh-CN': '下载档案', en: 'Document downloaded' },
  [AuditEvent.DOCUMENT_LOAN_REQUESTED]: { 'zh-CN': '申请借阅', en: 'Loan requested' },
  [AuditEvent.DOCUMENT_LOAN_GRANTED]: { 'zh-CN': '准予借阅', en: 'Loan granted' },
  [AuditEvent.DOCUMENT_LOAN_REFUSED]: { 'zh-CN': '拒绝借阅', en: 'Loan refused' },
  [AuditEvent.DOCUMENT_LOAN_RETURNED]: { 'zh-CN': '归还档案', en: 'Loan returned' },
  [AuditEvent.DOCUMENT_DESTRUCTION_APPROVED]: {
    'zh-CN': '批准销毁档案',
    en: 'Document destruction approved',
  },
  [AuditEvent.DOCUMENT_DESTROYED]: { 'zh-CN': '销毁档案', en: 'Document destroyed' },
  [AuditEvent.PROFILE_READ]: { 'zh-CN': '查看个人信息', en: 'Personal data read' },
  [AuditEvent.MONTHLY_REPORT_GENERATED]: { 'zh-CN': '生成月度报告', en: 'Monthly report generated' },
};

/** Every label table under the GraphQL name of its enum, for generic filters and table headers. */
export const enumLabels: { readonly [N in ContractEnumName]: LabelTable<ContractEnumValue<N>> } = {
  SortDirection: sortDirectionLabels,
  StaffRole: staffRoleLabels,
  CustomerNature: customerNatureLabels,
  CustomerTier: customerTierLabels,
  CustomerLifecycle: customerLifecycleLabels,
  RelationshipState: relationshipStateLabels,
  DecisionRole: decisionRoleLabels,
  InfluenceLevel: influenceLevelLabels,
  ProjectStage: projectStageLabels,
  CreditRating: creditRatingLabels,
  AbcClass: abcClassLabels,
  RiskLevel: riskLevelLabels,
  RiskCode: riskCodeLabels,
  ChangeAction: changeActionLabels,
  CompositionDimension: compositionDimensionLabels,
  CustomerOrderField: customerOrderFieldLabels,
  AuditEvent: auditEventLabels,
};

// One lookup for components that receive the locale from context, instead of each one
// indexing the table and handling the locale itself.
export function labelOf<E extends string>(table: LabelTable<E>, value: E, locale: Locale): string {
  return table[value][locale];
}
