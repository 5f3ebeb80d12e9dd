import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the rest of ECharts stays out of the bundle.
use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent, SVGRenderer]);

/**
 * An ECharts chart owned by React: created on mount, given each new option, resized with its box,
 * disposed on unmount. The chart is a picture to assistive technology; `label` says what it shows
 * and the page offers the same figures as text.
 */
export function EChart({
  option,
  label,
  onClick,
}: {
  option: EChartsCoreOption;
  label: string;
  /** a tap on a data item (a bar), by its index in the series */
  onClick?: (dataIndex: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init>>(null);
  // The latest handler, read on each tap, so a new one needs no new chart.
  const clicked = useRef(onClick);
  clicked.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => clicked.current?.(params.dataIndex));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" role="img" aria-label={label} />;
}
