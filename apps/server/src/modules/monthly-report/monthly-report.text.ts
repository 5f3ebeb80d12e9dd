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
} as const;

export const scopeName = (figures: ReportFigures) =>
  figures.teamManagerName ? `${figures.teamManagerName} 团队` : '全公司';

export function reportTitle(figures: ReportFigures): string {
  const [year, month] = figures.month.split('-');
  return `客户档案月度报告 ${year}年${Number(month)}月 · ${scopeName(figures)}`;
}

/** A share as the report prints it: 80.0%. */
export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
