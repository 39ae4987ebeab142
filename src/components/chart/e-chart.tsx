import { useLayoutEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';

interface EChartProps {
  option: EChartsCoreOption;
  /** Text alternative: what the chart shows, for people who cannot see it. */
  label: string;
  className?: string;
}

/** One ECharts instance per chart: init once, `setOption` on change, resize with its box, dispose on unmount. */
export function EChart({ option, label, className }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useLayoutEffect(() => {
    const instance = echarts.init(container.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useLayoutEffect(() => {
    chart.current?.setOption(option, { notMerge: false, lazyUpdate: true });
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
