import { useImperativeHandle, useLayoutEffect, useRef, type Ref } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useScreenScale } from '../../hooks/use-screen-scale';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { echarts } from './echarts';
import { hasZoom, stepZoom, type ZoomStep, type ZoomWindow } from './time-zoom';

interface EChartProps {
  option: EChartsCoreOption;
  /** Text alternative: what the chart shows, for people who cannot see it. */
  label: string;
  className?: string;
  /** For exporting the chart as drawn. */
  ref?: Ref<EChartHandle>;
}

export interface EChartHandle {
  /** The chart as a PNG data URL, on the page's background, or null before it is drawn. */
  toPngDataUrl: () => string | null;
}

/**
 * Series and zoom windows the new option leaves out are removed; those it keeps are matched by
 * `id` and updated in place (a zoom window keeps where the user put it across refreshes).
 */
const REPLACE_MERGE = ['series', 'dataZoom'];

const ZOOM_BUTTONS: readonly [ZoomStep, MessageKey][] = [
  ['in', 'chart.zoomIn'],
  ['out', 'chart.zoomOut'],
  ['earlier', 'chart.earlier'],
  ['later', 'chart.later'],
  ['all', 'chart.wholePeriod'],
];

/**
 * One ECharts instance per chart: init once, `setOption` on change (merged, drawn in the next
 * frame), resize with its box, dispose on unmount. A chart with a zoom window gets buttons that
 * move it, so it works from the keyboard too.
 */
export function EChart({ option, label, className, ref }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useImperativeHandle(ref, () => ({
    toPngDataUrl: () =>
      chart.current?.getDataURL({
        type: 'png',
        pixelRatio: 2,
        backgroundColor: getComputedStyle(container.current!).getPropertyValue('--surface') || '#fff',
      }) ?? null,
  }));
  const t = useT();

  // A wall at 4K reads the chart as a 1920-pixel screen does: drawn at the logical size, scaled up.
  const scale = useScreenScale();

  useLayoutEffect(() => {
    const instance = echarts.init(container.current!, undefined, {
      renderer: 'canvas',
      devicePixelRatio: window.devicePixelRatio * scale,
    });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current!);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [scale]);

  useLayoutEffect(() => {
    chart.current?.setOption(option, { notMerge: false, lazyUpdate: true, replaceMerge: REPLACE_MERGE });
  }, [option, scale]);

  const zoom = (step: ZoomStep) => {
    const instance = chart.current;
    if (!instance) return;
    const [current] = (instance.getOption().dataZoom ?? []) as Partial<ZoomWindow>[];
    instance.dispatchAction({
      type: 'dataZoom',
      ...stepZoom({ start: current?.start ?? 0, end: current?.end ?? 100 }, step),
    });
  };

  return (
    <>
      <div className={className} role="img" aria-label={label}>
        <div
          ref={container}
          style={{
            width: `${100 / scale}%`,
            height: `${100 / scale}%`,
            transform: `scale(${scale})`,
            transformOrigin: '0 0',
          }}
        />
      </div>
      {hasZoom(option) && (
        <div className="chart-zoom" role="group" aria-label={t('chart.timeWindow')}>
          {ZOOM_BUTTONS.map(([step, key]) => (
            <button key={step} type="button" className="button" onClick={() => zoom(step)}>
              {t(key)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
