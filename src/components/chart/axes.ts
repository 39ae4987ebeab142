import type { ForecastColours } from './forecast-option';

/** A time axis in the theme's colours, its labels thinned where they would overlap. */
export const timeAxis = (colours: ForecastColours) => ({
  type: 'time',
  axisLabel: { color: colours.text, hideOverlap: true },
  axisLine: { lineStyle: { color: colours.grid } },
});

/** A named value axis from zero, in the theme's colours; `extra` adds to or overrides it. */
export const valueAxis = (name: string, colours: ForecastColours, extra: Record<string, unknown> = {}) => ({
  type: 'value',
  name,
  min: 0,
  nameTextStyle: { color: colours.text },
  axisLabel: { color: colours.text },
  splitLine: { lineStyle: { color: colours.grid } },
  ...extra,
});
