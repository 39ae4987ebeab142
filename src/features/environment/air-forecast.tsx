import { useMemo } from 'react';
import type { AirForecast } from '../../api/schemas/forecasts';
import { ChartFigure } from '../../components/chart/chart-figure';
import {
  forecastOption,
  forecastRows,
  type BandArea,
  type ForecastRow,
} from '../../components/chart/forecast-option';
import { FORECAST_COLOURS } from '../../components/forecast/forecast-colours';
import { EAQI_CLASSES } from '../../components/map/palettes';
import { EAQI_UPPER_BOUNDS, POLLUTANT_LABELS } from '../../lib/eaqi';
import { limitsInRange } from '../../lib/eu-limits';
import { formatNumber } from '../../lib/format';
import { airOutlook } from '../../lib/outlook';
import { useTheme } from '../../store/ui-store';

/** The EAQI bands of a pollutant as value ranges, up to a ceiling above the data. */
export function eaqiAreas(pollutant: AirForecast['pollutant'], ceiling: number): BandArea[] {
  const bounds = [
    0,
    ...EAQI_UPPER_BOUNDS[pollutant],
    Math.max(ceiling, EAQI_UPPER_BOUNDS[pollutant][4] * 1.2),
  ];
  return EAQI_CLASSES.map((c, i) => ({
    from: bounds[i]!,
    to: bounds[i + 1]!,
    label: c.label,
    colour: c.colour,
  })).filter((a) => a.from < ceiling);
}

/** 72 hourly steps of a pollutant with their uncertainty, the EAQI bands behind and the EU limits drawn. */
export function AirForecastChart({
  forecast,
  place,
  nowMs,
}: {
  forecast: AirForecast;
  place: string;
  nowMs: number;
}) {
  const theme = useTheme();
  const { pollutant } = forecast;
  const { option, near, far } = useMemo(() => {
    const dataMax = Math.max(
      ...forecast.steps.map((s) => s.p90),
      ...forecast.observed.map((o) => o.value),
      1,
    );
    const limits = limitsInRange(forecast.pollutant, dataMax);
    return {
      ...limits,
      option: forecastOption({
        observed: forecast.observed,
        steps: forecast.steps,
        nowMs,
        unit: forecast.unit,
        colours: FORECAST_COLOURS[theme],
        references: limits.near,
        areas: eaqiAreas(forecast.pollutant, dataMax * 1.15),
      }),
    };
  }, [forecast, nowMs, theme]);
  const rows = useMemo(() => forecastRows(forecast.observed, forecast.steps), [forecast]);
  const outlook = airOutlook(forecast, place, nowMs, near[0]);
  const beyond = far.length
    ? ` Not drawn, being far above the values: ${far.map((l) => l.label).join('; ')}.`
    : '';
  return (
    <>
      <p className="outlook" role="status">
        {outlook}
      </p>
      <ChartFigure<ForecastRow>
        title={`${POLLUTANT_LABELS[pollutant]} forecast, ${place}`}
        option={option}
        summary={`Hourly ${POLLUTANT_LABELS[pollutant]} in ${place}: the last 48 hours observed and the next ${forecast.steps.length} hours forecast (median and p10–p90), over the EAQI bands. ${outlook}${beyond}`}
        columns={[
          { header: 'Time', value: (r) => new Date(r.t).toISOString() },
          { header: `Observed (${forecast.unit})`, value: (r) => r.observed },
          { header: `p10 (${forecast.unit})`, value: (r) => r.p10 },
          { header: `Median (${forecast.unit})`, value: (r) => r.p50 },
          { header: `p90 (${forecast.unit})`, value: (r) => r.p90 },
        ]}
        rows={rows}
        fileName={`air-forecast-${forecast.stationId}-${pollutant}.csv`}
      />
      <p className="panel__note">
        Peak of the p90 in the next 72 h: {formatNumber(Math.max(...forecast.steps.map((s) => s.p90)), 1)}{' '}
        {forecast.unit}.
      </p>
    </>
  );
}
