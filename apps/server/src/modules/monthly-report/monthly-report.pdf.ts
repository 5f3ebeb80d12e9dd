import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { abcClassLabels, labelOf, riskLevelLabels, riskMessage } from '@dossier/domain';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { CHART_SIZE, reportCharts } from './monthly-report.charts.js';
import type { ReportFigures } from './monthly-report.figures.js';
import {
  NO_WEEKLY_CHECK,
  percent,
  reportTitle,
  SECTION_TITLES,
  scopeName,
  weeklyCheckRows,
} from './monthly-report.text.js';

// Noto Sans SC from npm (OFL): pdfkit embeds only the glyphs a report uses (fontkit subsetting), so a
// report weighs tens of kilobytes, not the font's 10 MB. Read once per process.
const require = createRequire(import.meta.url);
const fontFile = (weight: string) =>
  require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => {
  fonts ??= { regular: readFileSync(fontFile('400Regular')), bold: readFileSync(fontFile('700Bold')) };
  return fonts;
};

const MARGIN = 50;
type Doc = PDFKit.PDFDocument;
interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right';
}

/**
 * The report as PDF: Chinese section titles and customer names in the embedded CJK font, the charts drawn
 * from ECharts' SVG as vectors. Deterministic: the document's dates are the figures' `frozenAt` (the first
 * generation), never the time of rendering, so the same figures give the same bytes.
 */
export async function renderPdf(figures: ReportFigures): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const frozenAt = new Date(figures.frozenAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: reportTitle(figures),
      Author: 'Dossier 客户档案',
      CreationDate: frozenAt,
      ModDate: frozenAt,
    },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(18).text(reportTitle(figures), { align: 'center' });
  doc.moveDown(0.3);
  doc.font('body').fontSize(10).fillColor('#444');
  doc.text(`范围：${scopeName(figures)}　　ABC 期间：${figures.abc.from} 至 ${figures.abc.to}`, {
    align: 'center',
  });
  doc.text(
    `风险客户、覆盖度与每周检查结果为首次生成时（${figures.frozenAt.slice(0, 16).replace('T', ' ')} UTC）的状态，已冻结；其余数据按本月日期统计。`,
    { align: 'center' },
  );
  doc.fillColor('black');

  const charts = reportCharts(figures);
  section(doc, SECTION_TITLES.abc);
  doc.font('body').fontSize(10).text(`期间总销售额：${figures.abc.totalRevenue} 元`);
  table(
    doc,
    [
      { title: '类别', width: 80 },
      { title: '客户数', width: 80, align: 'right' },
      { title: '销售额（元）', width: 150, align: 'right' },
      { title: '占比', width: 80, align: 'right' },
    ],
    figures.abc.classes.map((row) => [
      labelOf(abcClassLabels, row.class, 'zh-CN'),
      String(row.customers),
      row.revenue,
      percent(row.share),
    ]),
  );
  chart(doc, charts.abc);
  doc.font('bold').fontSize(11).text('类别变动（与上一期间比较）');
  table(
    doc,
    [
      { title: '上期类别', width: 120 },
      { title: '本期类别', width: 120 },
      { title: '客户数', width: 80, align: 'right' },
    ],
    figures.abc.movements.map((row) => [
      row.from ? labelOf(abcClassLabels, row.from, 'zh-CN') : '新客户',
      labelOf(abcClassLabels, row.to, 'zh-CN'),
      String(row.customers),
    ]),
  );

  section(doc, SECTION_TITLES.top);
  table(
    doc,
    [
      { title: '排名', width: 40, align: 'right' },
      { title: '客户', width: 220 },
      { title: '类别', width: 70 },
      { title: '上期', width: 50 },
      { title: '销售额（元）', width: 115, align: 'right' },
    ],
    figures.topCustomers.map((row) => [
      String(row.rank),
      `${row.name}（${row.code}）`,
      labelOf(abcClassLabels, row.class, 'zh-CN'),
      row.previousClass ?? '—',
      row.revenue,
    ]),
  );

  section(doc, SECTION_TITLES.risk);
  table(
    doc,
    [
      { title: '客户', width: 170 },
      { title: '等级', width: 45 },
      { title: '原因', width: 280 },
    ],
    figures.riskCustomers.map((row) => [
      `${row.name}（${row.code}）`,
      labelOf(riskLevelLabels, row.level, 'zh-CN'),
      row.signals.map((signal) => riskMessage(signal, 'zh-CN')).join('；'),
    ]),
  );

  section(doc, SECTION_TITLES.coverage);
  table(
    doc,
    [
      { title: '类别', width: 70 },
      { title: '客户数', width: 70, align: 'right' },
      { title: '无关键人物', width: 80, align: 'right' },
      { title: '未知决策者', width: 80, align: 'right' },
      { title: '部分覆盖', width: 70, align: 'right' },
      { title: '全部覆盖', width: 70, align: 'right' },
      { title: '平均', width: 55, align: 'right' },
    ],
    figures.coverage.map((row) => [
      labelOf(abcClassLabels, row.class, 'zh-CN'),
      ...[row.customers, row.score0, row.score1, row.score2, row.score3].map(String),
      row.average.toFixed(2),
    ]),
  );

  section(doc, SECTION_TITLES.movement);
  const customerList = (title: string, rows: ReportFigures['newCustomers'], day: string) => {
    doc.font('bold').fontSize(11).text(`${title}：${rows.length} 家`);
    table(
      doc,
      [
        { title: '客户', width: 300 },
        { title: day, width: 120 },
      ],
      rows.map((row) => [`${row.name}（${row.code}）`, row.on ?? '']),
    );
  };
  customerList('新增客户', figures.newCustomers, '建档日期');
  customerList('流失客户（12 个月无订单）', figures.lostCustomers, '最后订单日期');

  section(doc, SECTION_TITLES.feedback);
  const f = figures.feedback;
  const s = figures.satisfaction;
  doc.font('body').fontSize(10);
  doc.text(
    `本月收到投诉 ${f.complaints} 件、意见 ${f.opinions} 件；本月结案投诉 ${f.complaintsClosed} 件；月末未结投诉 ${f.complaintsOpenAtEnd} 件。`,
  );
  doc.text(
    s.surveys === 0
      ? '本月无满意度调查。'
      : `本月满意度调查 ${s.surveys} 份，平均分（1–5）：产品 ${s.product}，交付 ${s.delivery}，服务 ${s.service}，价格 ${s.price}。`,
  );
  chart(doc, charts.complaints);

  section(doc, SECTION_TITLES.credit);
  table(
    doc,
    [
      { title: '客户', width: 240 },
      { title: '报告日期', width: 90 },
      { title: '有效期至', width: 90 },
      { title: '状态', width: 75 },
    ],
    figures.creditReports.map((row) => [
      `${row.name}（${row.code}）`,
      row.on ?? '',
      row.validUntil,
      row.expired ? '已过期' : '即将到期',
    ]),
  );

  weeklyCheckSection(doc, figures);

  doc.end();
  return done;
}

function weeklyCheckSection(doc: Doc, figures: ReportFigures) {
  section(doc, SECTION_TITLES.weeklyCheck);
  doc.font('body').fontSize(10);
  if (!figures.weeklyCheck) {
    doc.fillColor('#666').text(NO_WEEKLY_CHECK, MARGIN).fillColor('black');
    return;
  }
  doc.text(
    `统计周（周一在本月）：${figures.weeklyCheck.weeks.join('、')}；完成率为已检查与已退回之和占待检查档案的比例。`,
  );
  table(
    doc,
    [
      { title: '经理', width: 135 },
      { title: '待检查档案', width: 75, align: 'right' },
      { title: '已检查', width: 70, align: 'right' },
      { title: '已退回', width: 70, align: 'right' },
      { title: '未检查', width: 70, align: 'right' },
      { title: '完成率', width: 75, align: 'right' },
    ],
    weeklyCheckRows(figures).map((row) => [
      row.label,
      ...[row.total, row.checked, row.returned, row.unchecked].map(String),
      percent(row.completion),
    ]),
  );
}

function section(doc: Doc, title: string) {
  if (doc.y > doc.page.height - MARGIN - 120) doc.addPage();
  doc.moveDown(1);
  doc.font('bold').fontSize(14).fillColor('#1f3b63').text(title, MARGIN);
  doc.fillColor('black').moveDown(0.3);
}

function chart(doc: Doc, svg: string) {
  if (doc.y + CHART_SIZE.height > doc.page.height - MARGIN) doc.addPage();
  const y = doc.y;
  SVGtoPDF(doc, svg, MARGIN, y, {
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    fontCallback: () => 'body',
  });
  doc.x = MARGIN;
  doc.y = y + CHART_SIZE.height + 6;
}

/** Rows under a bold head, each row as tall as its tallest cell; a new page repeats the head. */
function table(doc: Doc, columns: Column[], rows: string[][]) {
  if (rows.length === 0) {
    doc.font('body').fontSize(10).fillColor('#666').text('（无）', MARGIN).fillColor('black');
    return;
  }
  const line = (cells: string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(9);
    const height = Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i]?.width ?? 0 })),
    );
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (font === 'body')
        line(
          columns.map((column) => column.title),
          'bold',
        );
      doc.font(font).fontSize(9);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const column = columns[i] as Column;
      doc.text(cell, x, y, { width: column.width - 4, align: column.align ?? 'left' });
      x += column.width;
    });
    doc.x = MARGIN;
    doc.y = y + height + 3;
  };
  line(
    columns.map((column) => column.title),
    'bold',
  );
  for (const row of rows) line(row, 'body');
}
