/**
 * What each kind of inbox item says (issue 14), in both languages, as i18next messages: the params of the
 * item are interpolated by name, and a festival's name is nested in (`$t(inbox.festival.{{festival}})`).
 * One wording for the inbox page (the web's catalogues hold these as `inbox.text` / `inbox.festival`) and
 * for the reminder mails the server sends.
 */
export const reminderTexts = {
  en: {
    text: {
      MONTHLY_REPORT_READY: 'The monthly report of {{month}} is ready',
      BIRTHDAY: 'Birthday of {{keyPerson}} ({{customer}}) on {{date}}: send your greetings',
      FESTIVAL: '$t(inbox.festival.{{festival}}) on {{date}}: greet your {{count}} key persons ({{names}})',
      FOUNDING_ANNIVERSARY: '{{customer}} turns {{years}} on {{date}}: congratulate them on the anniversary',
      HANDOVER_INTRODUCTION:
        'You took over {{customer}}: introduce yourself to its {{count}} key persons ({{names}})',
      ARCHIVE_INSPECTION: 'The {{period}} archive inspection is ready: {{open}} findings to check',
      JOB_FAILED: 'The scheduled job {{job}} of {{slot}} failed ({{attempts}} tries): {{error}}',
      WEEKLY_CHECK: '{{count}} dossiers your reps changed in the week of {{weekStart}} wait for your check',
      WEEKLY_CHECK_RETURNED: '{{manager}} sent {{customer}} back: {{request}}',
      REVIEW_DUE:
        'The dossier of {{customer}} has not been reviewed for {{days}} days: time for its full review',
      CREDIT_REPORT_EXPIRING:
        'The credit report of {{customer}} expires on {{validUntil}} (in {{days}} days)',
      CREDIT_REPORT_EXPIRED: 'The credit report of {{customer}} expired on {{validUntil}}',
      COMPLAINT_OPEN: 'A complaint of {{customer}} has been open for {{days}} days',
      LOAN_DUE: '“{{document}}” ({{customer}}) you borrowed is due back on {{dueOn}}',
      RISK_HIGH: 'High risk at {{customer}}: {{signalEn}}',
      COVERAGE_GAP: 'A customer {{customer}} has decision makers not yet covered: {{names}}',
      fallback: 'You have a new reminder',
    },
    festival: {
      SPRING_FESTIVAL: 'Spring Festival',
      MID_AUTUMN: 'Mid-Autumn Festival',
      NATIONAL_DAY: 'National Day',
    },
  },
  'zh-CN': {
    text: {
      MONTHLY_REPORT_READY: '{{month}} 月度报告已生成，请查阅',
      BIRTHDAY: '{{keyPerson}}（{{customer}}）{{date}} 过生日，请致以问候',
      FESTIVAL: '{{date}} $t(inbox.festival.{{festival}})：向 {{count}} 位关键人物致以节日问候（{{names}}）',
      FOUNDING_ANNIVERSARY: '{{customer}} 于 {{date}} 成立 {{years}} 周年，请致以祝贺',
      HANDOVER_INTRODUCTION: '您已接手 {{customer}}：请向 {{count}} 位关键人物做自我介绍（{{names}}）',
      ARCHIVE_INSPECTION: '{{period}} 档案检查已生成：{{open}} 项待核查',
      JOB_FAILED: '定时任务 {{job}}（{{slot}}）执行失败（已尝试 {{attempts}} 次）：{{error}}',
      WEEKLY_CHECK: '您的业务员在 {{weekStart}} 当周修改的 {{count}} 份档案等待您检查',
      WEEKLY_CHECK_RETURNED: '{{manager}} 退回了 {{customer}}：{{request}}',
      REVIEW_DUE: '{{customer}} 的档案已 {{days}} 天未审阅，请进行全面修订核查',
      CREDIT_REPORT_EXPIRING: '{{customer}} 的资信报告将于 {{validUntil}} 到期（还有 {{days}} 天）',
      CREDIT_REPORT_EXPIRED: '{{customer}} 的资信报告已于 {{validUntil}} 过期',
      COMPLAINT_OPEN: '{{customer}} 的投诉已 {{days}} 天未结案',
      LOAN_DUE: '借阅的《{{document}}》（{{customer}}）应于 {{dueOn}} 归还',
      RISK_HIGH: '{{customer}} 出现高风险：{{signalZh}}',
      COVERAGE_GAP: 'A类客户 {{customer}} 的决策者尚未覆盖：{{names}}',
      fallback: '您有一条新的待办提醒',
    },
    festival: {
      SPRING_FESTIVAL: '春节',
      MID_AUTUMN: '中秋节',
      NATIONAL_DAY: '国庆节',
    },
  },
} as const;
