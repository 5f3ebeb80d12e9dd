import type { ReportFigures } from './monthly-report.figures.js';

/** The report's own words: it is written to the company's leaders, in Chinese, whoever generates it. */
export const SECTION_TITLES = {
  abc: '一、ABC 分类汇总与变动',
  top: '二、重点客户',
  risk: '三、风险客户',
  coverage: '四、关系覆盖度',
  movement: '五、新增与流失客户',
  feedback: '六、投诉与满意度',
  credit: '七、信用报告到期',
  weeklyCheck: '八、每周档案检查完成情况',
} as const;

export const scopeName = (figures: ReportFigures) =>
  figures.teamManagerName ? `${figures.teamManagerName} 团队` : '全公司';

export function reportTitle(figures: ReportFigures): string {
  const [year, month] = figures.month.split('-');
  return `客户档案月度报告 ${year}年${Number(month)}月 · ${scopeName(figures)}`;
}

/** A share as the report prints it: 80.0%; none (nothing to share) as a dash. */
export const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/** Said where a report frozen before the weekly-check section existed would show it. */
export const NO_WEEKLY_CHECK = '（本报告首次生成时尚无此项）';

/** The weekly-check section's rows: one per manager, then the total (合计). */
export function weeklyCheckRows(figures: ReportFigures) {
  const section = figures.weeklyCheck;
  if (!section) return [];
  return [
    ...section.managers.map((row) => ({ ...row, label: row.managerName })),
    { ...section.total, label: '合计' },
  ];
}
