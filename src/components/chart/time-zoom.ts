import type { EChartsCoreOption } from 'echarts/core';

/**
 * Above this many points a time series gets a zoom window: an inside zoom on the plot and a slider
 * under it. LTTB sampling then works on the window shown, so zooming in brings the detail back.
 */
export const LONG_SERIES_POINTS = 2_000;

const SLIDER_HEIGHT = 18;
/** What a chart's grid adds at its bottom to leave room for the slider. */
export const ZOOM_SLIDER_ROOM = SLIDER_HEIGHT + 8;

/**
 * The zoom window of a long time series (ECharts dataZoom): drag or shift + wheel on the plot, or
 * the slider under it; the EChart wrapper adds buttons for the keyboard. Ids keep the window where
 * the user put it when the data refreshes. No `start`/`end` here, for the same reason.
 */
export function timeZoom(colours: { text: string; grid: string }) {
  // Filtering the window out of the data lets LTTB sample only what is shown.
  const common = { xAxisIndex: 0, filterMode: 'filter' as const, minValueSpan: 3_600_000 };
  return [
    {
      id: 'time-inside',
      type: 'inside',
      ...common,
      zoomOnMouseWheel: 'shift',
      moveOnMouseWheel: false,
      moveOnMouseMove: true,
    },
    {
      id: 'time-slider',
      type: 'slider',
      ...common,
      height: SLIDER_HEIGHT,
      bottom: 4,
      borderColor: colours.grid,
      textStyle: { color: colours.text },
    },
  ];
}

/** A zoom window over a chart's time axis, in percent of the whole series (ECharts dataZoom `start`/`end`). */
export interface ZoomWindow {
  start: number;
  end: number;
}

export type ZoomStep = 'in' | 'out' | 'earlier' | 'later' | 'all';

/** The narrowest window the zoom buttons go to. */
export const MIN_ZOOM_SPAN = 0.5;

const place = (centre: number, span: number): ZoomWindow => {
  const start = Math.min(Math.max(0, centre - span / 2), 100 - span);
  return { start, end: start + span };
};

/** The window after one step: zoom in or out around its centre, or move it by half its width. */
export function stepZoom({ start, end }: ZoomWindow, step: ZoomStep): ZoomWindow {
  const span = Math.min(100, Math.max(0, end - start));
  const centre = (start + end) / 2;
  switch (step) {
    case 'in':
      return place(centre, Math.min(span, Math.max(MIN_ZOOM_SPAN, span / 2)));
    case 'out':
      return place(centre, Math.min(100, span * 2));
    case 'earlier':
      return place(centre - span / 2, span);
    case 'later':
      return place(centre + span / 2, span);
    case 'all':
      return { start: 0, end: 100 };
  }
}

/** Whether an option carries a zoom window (a non-empty `dataZoom`). */
export function hasZoom(option: EChartsCoreOption): boolean {
  const { dataZoom } = option as { dataZoom?: unknown };
  return Array.isArray(dataZoom) ? dataZoom.length > 0 : Boolean(dataZoom);
}
