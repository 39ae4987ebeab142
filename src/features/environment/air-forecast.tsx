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
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, EAQI_LEVELS, EAQI_UPPER_BOUNDS, POLLUTANT_LABELS } from '../../lib/eaqi';
import { limitsInRange } from '../../lib/eu-limits';
import { formatNumber } from '../../lib/format';
import { airOutlook } from '../../lib/outlook';
import { useTheme } from '../../store/ui-store';

/** The EAQI bands of a pollutant as value ranges, up to a ceiling above the data, named by `t`. */
export function eaqiAreas(pollutant: AirForecast['pollutant'], ceiling: number, t: Translate): BandArea[] {
  const bounds = [
    0,
    ...EAQI_UPPER_BOUNDS[pollutant],
    Math.max(ceiling, EAQI_UPPER_BOUNDS[pollutant][4] * 1.2),
  ];
  return EAQI_CLASSES.map((c, i) => ({
    from: bounds[i]!,
    to: bounds[i + 1]!,
    label: t(EAQI_LABEL_KEYS[EAQI_LEVELS[i]!]),
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
  const t = useT();
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
        t,
        references: limits.near,
        areas: eaqiAreas(forecast.pollutant, dataMax * 1.15, t),
      }),
    };
  }, [forecast, nowMs, theme, t]);
  const rows = useMemo(() => forecastRows(forecast.observed, forecast.steps), [forecast]);
  const outlook = airOutlook(forecast, place, nowMs);
  const beyond = far.length
    ? ` ${t('environment.limitsNotDrawn', { limits: far.map((l) => l.detail).join('; ') })}`
    : '';
  return (
    <>
      <p className="outlook" role="status">
        {outlook}
      </p>
      <ChartFigure<ForecastRow>
        title={t('environment.forecastTitle', { pollutant: POLLUTANT_LABELS[pollutant], place })}
        option={option}
        summary={`${t('environment.forecastSummary', {
          pollutant: POLLUTANT_LABELS[pollutant],
          place,
          hours: forecast.steps.length,
        })} ${outlook}${beyond}`}
        columns={[
          { header: t('chart.time'), value: (r) => new Date(r.t).toISOString() },
          { header: t('chart.observedIn', { unit: forecast.unit }), value: (r) => r.observed },
          { header: `p10 (${forecast.unit})`, value: (r) => r.p10 },
          { header: t('chart.medianIn', { unit: forecast.unit }), value: (r) => r.p50 },
          { header: `p90 (${forecast.unit})`, value: (r) => r.p90 },
        ]}
        rows={rows}
        fileName={`air-forecast-${forecast.stationId}-${pollutant}.csv`}
      />
      {near.length > 0 && (
        <p className="panel__note air-forecast__limits">
          {t('environment.limitsDrawn', { limits: near.map((l) => l.detail).join('; ') })}
        </p>
      )}
      <p className="panel__note air-forecast__peak">
        {t('environment.p90Peak', {
          value: formatNumber(Math.max(...forecast.steps.map((s) => s.p90)), 1),
          unit: forecast.unit,
        })}
      </p>
    </>
  );
}
