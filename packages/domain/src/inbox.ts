import type { LabelTable } from './labels.js';
import { ReminderKind } from './reminders.js';

/**
 * Where an inbox item stands (issue 14). OPEN waits for the person; DONE was acted on (by the person, or
 * settled by its source when the cause went away); SNOOZED comes back OPEN on its `snoozedUntil` day.
 */
export enum InboxItemState {
  OPEN = 'OPEN',
  DONE = 'DONE',
  SNOOZED = 'SNOOZED',
}

export const inboxItemStateLabels: LabelTable<InboxItemState> = {
  [InboxItemState.OPEN]: { 'zh-CN': '未办', en: 'Open' },
  [InboxItemState.DONE]: { 'zh-CN': '已办', en: 'Done' },
  [InboxItemState.SNOOZED]: { 'zh-CN': '已推迟', en: 'Snoozed' },
};

/** What each kind of reminder is called, in the schema and wherever a kind is listed. */
export const reminderKindLabels: LabelTable<ReminderKind> = {
  [ReminderKind.REVIEW_DUE]: { 'zh-CN': '档案待审阅', en: 'Dossier review due' },
  [ReminderKind.CREDIT_REPORT_EXPIRING]: { 'zh-CN': '资信报告将到期', en: 'Credit report expiring' },
  [ReminderKind.CREDIT_REPORT_EXPIRED]: { 'zh-CN': '资信报告已过期', en: 'Credit report expired' },
  [ReminderKind.COMPLAINT_OPEN]: { 'zh-CN': '投诉未结案', en: 'Complaint open too long' },
  [ReminderKind.LOAN_DUE]: { 'zh-CN': '借阅待归还', en: 'Loan due back' },
  [ReminderKind.RISK_HIGH]: { 'zh-CN': '高风险信号', en: 'High risk signal' },
  [ReminderKind.COVERAGE_GAP]: { 'zh-CN': '决策者未覆盖', en: 'Coverage gap' },
  [ReminderKind.BIRTHDAY]: { 'zh-CN': '关键人物生日', en: 'Key person’s birthday' },
  [ReminderKind.FESTIVAL]: { 'zh-CN': '节日问候', en: 'Festival greeting' },
  [ReminderKind.FOUNDING_ANNIVERSARY]: { 'zh-CN': '客户成立纪念日', en: 'Founding anniversary' },
  [ReminderKind.HANDOVER_INTRODUCTION]: {
    'zh-CN': '交接后拜会关键人物',
    en: 'Introduce yourself after a handover',
  },
  [ReminderKind.WEEKLY_CHECK]: { 'zh-CN': '每周档案检查', en: 'Weekly dossier check' },
  [ReminderKind.WEEKLY_CHECK_RETURNED]: { 'zh-CN': '每周检查退回', en: 'Sent back from the weekly check' },
  [ReminderKind.MONTHLY_REPORT_READY]: { 'zh-CN': '月度报告已生成', en: 'Monthly report ready' },
  [ReminderKind.ARCHIVE_INSPECTION]: { 'zh-CN': '半年度档案检查', en: 'Half-yearly archive inspection' },
  [ReminderKind.JOB_FAILED]: { 'zh-CN': '后台任务失败', en: 'Background job failed' },
};
