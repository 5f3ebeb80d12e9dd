import {
  abcClassLabels,
  feedbackCategoryLabels,
  labelOf,
  riskLevelLabels,
  riskMessage,
} from '@dossier/domain';
import ExcelJS from 'exceljs';
import type { ReportFigures } from './monthly-report.figures.js';
import { NO_WEEKLY_CHECK, reportTitle, scopeName, weeklyCheckRows } from './monthly-report.text.js';

/** Sheet names, one per section (Excel allows 31 characters, no `/`). */
export const SHEETS = {
  abc: 'ABC汇总',
  movements: '类别变动',
  top: '重点客户',
  risk: '风险客户',
  coverage: '覆盖度',
  newCustomers: '新增客户',
  lostCustomers: '流失客户',
  feedback: '投诉与满意度',
  credit: '信用报告到期',
  weeklyCheck: '每周检查完成情况',
} as const;

const MONEY = '#,##0.00';
const SHARE = '0.0%';

/**
 * The report as XLSX, one sheet per section, from the same figures as the PDF: amounts as numbers (exact
 * to the cent at these sizes) formatted as money, shares as fractions formatted as percentages. The
 * workbook's dates are the figures' `frozenAt`, so the same figures give the same cells and properties.
 */
export async function renderXlsx(figures: ReportFigures): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const frozenAt = new Date(figures.frozenAt);
  book.creator = 'Dossier';
  book.title = reportTitle(figures);
  book.created = frozenAt;
  book.modified = frozenAt;

  const sheet = (
    name: string,
    head: string[],
    rows: Array<Array<string | number | null>>,
    formats: Record<number, string> = {},
  ) => {
    const ws = book.addWorksheet(name);
    ws.addRow(head).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    head.forEach((title, i) => {
      const column = ws.getColumn(i + 1);
      column.width = Math.max(10, title.length * 2 + 4);
      const format = formats[i + 1];
      if (format) column.numFmt = format;
    });
    return ws;
  };
  const zh = <E extends string>(table: Parameters<typeof labelOf<E>>[0], value: E) =>
    labelOf(table, value, 'zh-CN');

  const abc = sheet(
    SHEETS.abc,
    ['类别', '客户数', '销售额', '占比'],
    figures.abc.classes.map((row) => [
      zh(abcClassLabels, row.class),
      row.customers,
      Number(row.revenue),
      row.share,
    ]),
    { 3: MONEY, 4: SHARE },
  );
  abc.addRow([]);
  abc.addRow(['期间', `${figures.abc.from} 至 ${figures.abc.to}`]);
  abc.addRow(['期间总销售额', Number(figures.abc.totalRevenue)]).getCell(2).numFmt = MONEY;
  abc.addRow(['范围', scopeName(figures)]);
  abc.addRow(['风险与覆盖度冻结于', figures.frozenAt]);

  sheet(
    SHEETS.movements,
    ['上期类别', '本期类别', '客户数'],
    figures.abc.movements.map((row) => [row.from ?? '新客户', row.to, row.customers]),
  );
  sheet(
    SHEETS.top,
    ['排名', '客户编码', '客户名称', '类别', '上期类别', '销售额', '占比'],
    figures.topCustomers.map((row) => [
      row.rank,
      row.code,
      row.name,
      row.class,
      row.previousClass,
      Number(row.revenue),
      row.share,
    ]),
    { 6: MONEY, 7: SHARE },
  );
  sheet(
    SHEETS.risk,
    ['客户编码', '客户名称', '风险等级', '风险分', '原因'],
    figures.riskCustomers.map((row) => [
      row.code,
      row.name,
      zh(riskLevelLabels, row.level),
      row.score,
      row.signals.map((signal) => riskMessage(signal, 'zh-CN')).join('；'),
    ]),
  );
  sheet(
    SHEETS.coverage,
    ['类别', '客户数', '无关键人物', '未知决策者', '部分覆盖', '全部覆盖', '平均覆盖度'],
    figures.coverage.map((row) => [
      row.class,
      row.customers,
      row.score0,
      row.score1,
      row.score2,
      row.score3,
      row.average,
    ]),
  );
  const customers = (name: string, day: string, rows: ReportFigures['newCustomers']) =>
    sheet(
      name,
      ['客户编码', '客户名称', day],
      rows.map((row) => [row.code, row.name, row.on]),
    );
  customers(SHEETS.newCustomers, '建档日期', figures.newCustomers);
  customers(SHEETS.lostCustomers, '最后订单日期', figures.lostCustomers);

  const f = figures.feedback;
  const s = figures.satisfaction;
  const feedback = sheet(
    SHEETS.feedback,
    ['项目', '数量'],
    [
      ['本月投诉', f.complaints],
      ['本月意见', f.opinions],
      ['本月结案投诉', f.complaintsClosed],
      ['月末未结投诉', f.complaintsOpenAtEnd],
      ...f.byCategory.map((row): [string, number] => [
        `投诉：${zh(feedbackCategoryLabels, row.category)}`,
        row.complaints,
      ]),
      ['满意度调查份数', s.surveys],
    ],
  );
  for (const [label, value] of [
    ['平均分：产品', s.product],
    ['平均分：交付', s.delivery],
    ['平均分：服务', s.service],
    ['平均分：价格', s.price],
  ] as const) {
    feedback.addRow([label, value === null ? null : Number(value)]);
  }
  sheet(
    SHEETS.credit,
    ['客户编码', '客户名称', '报告日期', '有效期至', '状态'],
    figures.creditReports.map((row) => [
      row.code,
      row.name,
      row.on,
      row.validUntil,
      row.expired ? '已过期' : '即将到期',
    ]),
  );
  const weekly = sheet(
    SHEETS.weeklyCheck,
    ['经理', '待检查档案', '已检查', '已退回', '未检查', '完成率'],
    weeklyCheckRows(figures).map((row) => [
      row.label,
      row.total,
      row.checked,
      row.returned,
      row.unchecked,
      row.completion,
    ]),
    { 6: SHARE },
  );
  weekly.addRow([]);
  weekly.addRow(
    figures.weeklyCheck ? ['统计周（周一在本月）', figures.weeklyCheck.weeks.join('、')] : [NO_WEEKLY_CHECK],
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
