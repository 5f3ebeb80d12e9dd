import { ReminderKind } from '@dossier/domain';

type Params = Record<string, string | number>;
type Text = (p: Params) => string;

// The mail's wording of the inbox's own kinds, in both languages, as the web's inbox.text.<KIND> words them
// (apps/web/src/i18n/resources); a kind without its own text gets the generic line.
const ZH: Partial<Record<ReminderKind, Text>> = {
  [ReminderKind.REVIEW_DUE]: (p) => `${p.customer} 的档案已 ${p.days} 天未审阅，请进行全面修订核查`,
  [ReminderKind.CREDIT_REPORT_EXPIRING]: (p) =>
    `${p.customer} 的资信报告将于 ${p.validUntil} 到期（还有 ${p.days} 天）`,
  [ReminderKind.CREDIT_REPORT_EXPIRED]: (p) => `${p.customer} 的资信报告已于 ${p.validUntil} 过期`,
  [ReminderKind.COMPLAINT_OPEN]: (p) => `${p.customer} 的投诉已 ${p.days} 天未结案`,
  [ReminderKind.LOAN_DUE]: (p) => `借阅的《${p.document}》（${p.customer}）应于 ${p.dueOn} 归还`,
  [ReminderKind.RISK_HIGH]: (p) => `${p.customer} 出现高风险：${p.signalZh}`,
  [ReminderKind.COVERAGE_GAP]: (p) => `A类客户 ${p.customer} 的决策者尚未覆盖：${p.names}`,
};

const EN: Partial<Record<ReminderKind, Text>> = {
  [ReminderKind.REVIEW_DUE]: (p) => `The dossier of ${p.customer} has not been reviewed for ${p.days} days`,
  [ReminderKind.CREDIT_REPORT_EXPIRING]: (p) =>
    `The credit report of ${p.customer} expires on ${p.validUntil} (in ${p.days} days)`,
  [ReminderKind.CREDIT_REPORT_EXPIRED]: (p) =>
    `The credit report of ${p.customer} expired on ${p.validUntil}`,
  [ReminderKind.COMPLAINT_OPEN]: (p) => `A complaint of ${p.customer} has been open for ${p.days} days`,
  [ReminderKind.LOAN_DUE]: (p) => `“${p.document}” (${p.customer}) you borrowed is due back on ${p.dueOn}`,
  [ReminderKind.RISK_HIGH]: (p) => `High risk at ${p.customer}: ${p.signalEn}`,
  [ReminderKind.COVERAGE_GAP]: (p) => `A customer ${p.customer} has uncovered decision makers: ${p.names}`,
};

/** The mail of one reminder: subject and plain text, Chinese first, then English, and where to act. */
export function reminderMail(kind: ReminderKind, params: Params, link: string) {
  const zh = ZH[kind]?.(params) ?? '您有一条新的待办提醒';
  const en = EN[kind]?.(params) ?? 'You have a new reminder';
  return {
    subject: `【客户档案】${zh} / ${en}`,
    text: `${zh}\n${en}\n\n请在客户档案系统中处理 / Act on it in Dossier: ${link}\n`,
  };
}
