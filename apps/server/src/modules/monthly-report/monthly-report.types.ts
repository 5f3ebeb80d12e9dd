import { AbcClass, FeedbackCategory, RiskLevel } from '@dossier/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, LocalDateScalar } from '../../core/graphql/scalars.js';
import { connectionType } from '../../core/pagination/connection.js';
import { AbcClassSummaryView, AbcMovementView } from '../abc/abc.types.js';
import { CoverageSummaryRow } from '../account-coverage/account-coverage.types.js';
import { RiskSignalView } from '../risk/risk.types.js';

@ObjectType('MonthlyReportCustomer', { description: 'A customer as the report lists it / 报告中的客户' })
export class ReportCustomerView {
  @Field(() => ID, { description: 'The customer (global id) / 客户' })
  customerId!: string;

  @Field({ description: 'Customer code, as at the report / 客户编码' })
  code!: string;

  @Field({ description: 'Customer name, as at the report / 客户名称' })
  name!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'New customers: the day the dossier was opened; lost ones: the day of the last order / 日期',
  })
  on!: string | null;
}

@ObjectType('MonthlyReportTopCustomer', { description: 'A top customer of the month / 重点客户' })
export class ReportTopCustomerView extends ReportCustomerView {
  @Field(() => Int, { description: 'Company-wide rank by revenue / 排名' })
  rank!: number;

  @Field(() => AbcClass, { description: 'Class / 类别' })
  class!: AbcClass;

  @Field(() => AbcClass, { nullable: true, description: 'Class in the 12 months before / 上期类别' })
  previousClass!: AbcClass | null;

  @Field(() => DecimalScalar, { description: 'Revenue in the 12 months up to the month’s end / 销售额' })
  revenue!: string;

  @Field(() => Float, { description: 'Of the report’s total revenue / 占比' })
  share!: number;
}

@ObjectType('MonthlyReportRiskCustomer', { description: 'A risk customer with its reasons / 风险客户' })
export class ReportRiskCustomerView extends ReportCustomerView {
  @Field(() => RiskLevel, { description: 'Level / 风险等级' })
  level!: RiskLevel;

  @Field(() => Int, { description: 'Score / 风险分' })
  score!: number;

  @Field(() => [RiskSignalView], { description: 'The reasons, in the viewer’s language / 原因' })
  signals!: RiskSignalView[];
}

@ObjectType('MonthlyReportCreditReport', { description: 'A credit report expiring / 到期的信用报告' })
export class ReportCreditReportView extends ReportCustomerView {
  @Field(() => LocalDateScalar, { description: 'Last valid day of the newest report / 有效期至' })
  validUntil!: string;

  @Field({ description: 'Expired by the month’s end; else expiring within 30 days after it / 是否已过期' })
  expired!: boolean;
}

@ObjectType('MonthlyReportAbc', { description: 'ABC summary and movements / ABC 分类汇总与变动' })
export class ReportAbcView {
  @Field(() => LocalDateScalar, { description: 'First day: 12 months before the month’s end / 开始日期' })
  from!: string;

  @Field(() => LocalDateScalar, { description: 'The month’s last day / 结束日期' })
  to!: string;

  @Field(() => DecimalScalar, { description: 'Revenue of the period / 期间总销售额' })
  totalRevenue!: string;

  @Field(() => [AbcClassSummaryView], { description: 'A, B and C / 各类汇总' })
  classes!: AbcClassSummaryView[];

  @Field(() => [AbcMovementView], { description: 'Movements since the 12 months before / 类别变动' })
  movements!: AbcMovementView[];
}

@ObjectType('MonthlyReportCategoryCount', { description: 'Complaints of one category / 按类别的投诉数' })
export class ReportCategoryCountView {
  @Field(() => FeedbackCategory, { description: 'Category / 类别' })
  category!: FeedbackCategory;

  @Field(() => Int, { description: 'Complaints received in the month / 投诉数' })
  complaints!: number;
}

@ObjectType('MonthlyReportFeedback', { description: 'Complaints and opinions of the month / 投诉与意见' })
export class ReportFeedbackView {
  @Field(() => Int, { description: 'Complaints received in the month / 本月投诉' })
  complaints!: number;

  @Field(() => Int, { description: 'Opinions received in the month / 本月意见' })
  opinions!: number;

  @Field(() => Int, { description: 'Complaints closed in the month / 本月结案投诉' })
  complaintsClosed!: number;

  @Field(() => Int, { description: 'Complaints open at the month’s end / 月末未结投诉' })
  complaintsOpenAtEnd!: number;

  @Field(() => [ReportCategoryCountView], { description: 'Complaints per category / 按类别' })
  byCategory!: ReportCategoryCountView[];
}

@ObjectType('MonthlyReportSatisfaction', { description: 'Satisfaction surveys of the month / 满意度调查' })
export class ReportSatisfactionView {
  @Field(() => Int, { description: 'Surveys in the month / 调查份数' })
  surveys!: number;

  @Field(() => Float, { nullable: true, description: 'Average product score, 1–5 / 产品平均分' })
  product!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average delivery score / 交付平均分' })
  delivery!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average service score / 服务平均分' })
  service!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average price score / 价格平均分' })
  price!: number | null;
}

@ObjectType('MonthlyReportWeeklyCheckCounts', {
  description: 'Dossiers on the weekly-check lists and their verdicts / 每周检查计数',
})
export class ReportWeeklyCheckCountsView {
  @Field(() => Int, { description: 'Dossiers on the lists, once per week listed / 待检查档案数' })
  total!: number;

  @Field(() => Int, { description: 'Checked with a comment / 已检查' })
  checked!: number;

  @Field(() => Int, { description: 'Sent back to the rep / 已退回' })
  returned!: number;

  @Field(() => Int, { description: 'Without a verdict / 未检查' })
  unchecked!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the listed, those checked or sent back (0–1); null without any listed / 完成率',
  })
  completion!: number | null;
}

@ObjectType('MonthlyReportWeeklyCheckManager', {
  description: 'One manager’s weekly checks / 经理的每周检查',
})
export class ReportWeeklyCheckManagerView extends ReportWeeklyCheckCountsView {
  @Field(() => ID, { description: 'The sales manager (global id) / 经理' })
  managerId!: string;

  @Field({ description: 'The manager’s name, as at the report / 经理姓名' })
  managerName!: string;
}

@ObjectType('MonthlyReportWeeklyCheck', {
  description:
    'Weekly-check completion for the weeks whose Monday falls in the month, verdicts as at the first generation / 每周档案检查完成情况',
})
export class ReportWeeklyCheckView {
  @Field(() => [LocalDateScalar], { description: 'The Mondays of the weeks counted / 统计的检查周（周一）' })
  weeks!: string[];

  @Field(() => [ReportWeeklyCheckManagerView], {
    description: 'Each sales manager in scope whose lists held a dossier / 各经理',
  })
  managers!: ReportWeeklyCheckManagerView[];

  @Field(() => ReportWeeklyCheckCountsView, { description: 'All of them / 合计' })
  total!: ReportWeeklyCheckCountsView;
}

@ObjectType('MonthlyReportFigures', {
  description:
    'The figures of a monthly report, as frozen at its first generation: the PDF and XLSX show these / 月度报告数据',
})
export class ReportFiguresView {
  @Field(() => Date, {
    description: 'When risk and coverage (today’s state only) were read: the first generation / 冻结时间',
  })
  frozenAt!: Date;

  @Field(() => ReportAbcView, { description: 'ABC summary and movements / ABC 分类' })
  abcSummary!: ReportAbcView;

  @Field(() => [ReportTopCustomerView], { description: 'The top 20 customers by revenue / 重点客户' })
  topCustomers!: ReportTopCustomerView[];

  @Field(() => [ReportRiskCustomerView], {
    description: 'HIGH and MEDIUM risk customers, highest first / 风险客户',
  })
  riskCustomers!: ReportRiskCustomerView[];

  @Field(() => [CoverageSummaryRow], { description: 'Relationship coverage per ABC class / 覆盖度' })
  coverage!: CoverageSummaryRow[];

  @Field(() => [ReportCustomerView], { description: 'Dossiers opened in the month / 新增客户' })
  newCustomers!: ReportCustomerView[];

  @Field(() => [ReportCustomerView], {
    description: 'Customers whose last order passed 12 months in the month / 流失客户',
  })
  lostCustomers!: ReportCustomerView[];

  @Field(() => ReportFeedbackView, { description: 'Complaints and opinions / 投诉与意见' })
  feedback!: ReportFeedbackView;

  @Field(() => ReportSatisfactionView, { description: 'Satisfaction surveys / 满意度' })
  satisfaction!: ReportSatisfactionView;

  @Field(() => [ReportCreditReportView], {
    description: 'Newest credit reports expiring in the month or within 30 days after it / 信用报告到期',
  })
  creditReports!: ReportCreditReportView[];

  @Field(() => ReportWeeklyCheckView, {
    nullable: true,
    description:
      'Weekly-check completion; null in reports frozen before the section existed / 每周档案检查完成情况',
  })
  weeklyCheck!: ReportWeeklyCheckView | null;
}

@ObjectType('MonthlyReport', { description: 'The monthly report to the leaders / 月度报告' })
export class MonthlyReportView {
  @Field(() => ID, { description: 'Global id / 全局标识' })
  id!: string;

  /** The row's uuid, for the cursor and the download paths. */
  uuid!: string;

  @Field({ description: 'The month, YYYY-MM / 月份' })
  month!: string;

  /** The team's manager; null: the company. */
  teamManagerId!: string | null;

  @Field(() => Date, { description: 'When the files were last rendered / 生成时间' })
  generatedAt!: Date;

  /** null: the scheduled job. */
  generatedById!: string | null;

  @Field(() => Int, { description: 'Renderings so far; the figures stay those of the first / 版本' })
  version!: number;

  @Field({ description: 'Where to download the PDF, with the session / PDF 下载地址' })
  pdfUrl!: string;

  @Field({ description: 'Where to download the XLSX, with the session / XLSX 下载地址' })
  xlsxUrl!: string;

  @Field(() => ReportFiguresView, { description: 'The figures / 报告数据' })
  figures!: ReportFiguresView;
}

export const MonthlyReportConnection = connectionType(MonthlyReportView, 'MonthlyReport');
