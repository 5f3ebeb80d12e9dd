import { abcClassLabels, feedbackCategoryLabels, labelOf } from '@dossier/domain';
import * as echarts from 'echarts';
import type { ReportFigures } from './monthly-report.figures.js';

/** The family the charts name; the PDF maps it to the CJK font it embeds (svg-to-pdfkit's fontCallback). */
export const CHART_FONT = 'Noto Sans SC';

export const CHART_SIZE = { width: 480, height: 220 } as const;

/**
 * One chart as SVG text, rendered on the server by ECharts (no DOM, no canvas): no animation, so the SVG
 * is the final picture, and the same option gives the same SVG.
 */
function svgOf(option: echarts.EChartsCoreOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const bars = (title: string, names: string[], values: number[], color: string) =>
  svgOf({
    title: { text: title, left: 'center', textStyle: { fontSize: 13, fontFamily: CHART_FONT } },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: names, axisLabel: { fontFamily: CHART_FONT } },
    yAxis: { type: 'value', axisLabel: { fontFamily: CHART_FONT } },
    series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'top' } }],
  });

/** Revenue per ABC class (yuan) and complaints per category: the two pictures of the report. */
export function reportCharts(figures: ReportFigures): { abc: string; complaints: string } {
  return {
    abc: bars(
      'ABC 分类销售额（元）',
      figures.abc.classes.map((row) => `${labelOf(abcClassLabels, row.class, 'zh-CN')}`),
      figures.abc.classes.map((row) => Number(row.revenue)),
      '#2f6fb0',
    ),
    complaints: bars(
      '本月投诉（按类别）',
      figures.feedback.byCategory.map((row) => labelOf(feedbackCategoryLabels, row.category, 'zh-CN')),
      figures.feedback.byCategory.map((row) => row.complaints),
      '#c0504d',
    ),
  };
}
