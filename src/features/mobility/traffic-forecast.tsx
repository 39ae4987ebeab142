import { useMemo } from 'react';
import type { TrafficForecast } from '../../api/schemas/forecasts';
import { ChartFigure } from '../../components/chart/chart-figure';
import { forecastOption, forecastRows, type ForecastRow } from '../../components/chart/forecast-option';
import { FORECAST_COLOURS } from '../../components/forecast/forecast-colours';
import { Badge } from '../../components/ui/badge';
import { useT } from '../../i18n/use-t';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import { CONGESTION_LABEL_KEYS, congestionLevel } from '../../lib/traffic';
import { useTheme } from '../../store/ui-store';

export const HORIZONS = [1, 6, 24] as const;
export type Horizon = (typeof HORIZONS)[number];

/** A speed forecast of a corridor, a municipality or a sensor: what the chart needs of it. */
export type SpeedForecast = Omit<TrafficForecast, 'corridorId'>;

/** The steps of a forecast within `hours` of its issue. */
export const within = (f: SpeedForecast, hours: number) =>
  f.steps.slice(0, Math.round((hours * 60) / f.stepMinutes));

/** Corridors ordered by their lowest predicted speed against free flow over the horizon. */
export function rankByPredictedCongestion(forecasts: readonly TrafficForecast[], hours: number) {
  return forecasts
    .map((f) => {
      const steps = within(f, hours);
      const worst = steps.reduce((w, s) => (s.p50 < w.p50 ? s : w), steps[0]!);
      return { forecast: f, worst, ratio: worst.p50 / f.freeFlowKmh };
    })
    .sort((a, b) => a.ratio - b.ratio);
}

interface TrafficForecastChartProps {
  forecast: SpeedForecast;
  /** What the forecast is for, as the user knows it. */
  name: string;
  /** Names the CSV file: `traffic-forecast-<fileId>.csv`. */
  fileId: string;
  hours: Horizon;
  nowMs: number;
}

/** The last 24 h observed and the next hours predicted for one place, with congestion thresholds. */
export function TrafficForecastChart({ forecast, name, fileId, hours, nowMs }: TrafficForecastChartProps) {
  const theme = useTheme();
  const t = useT();
  const steps = useMemo(() => within(forecast, hours), [forecast, hours]);
  const freeFlow = forecast.freeFlowKmh;
  const option = useMemo(
    () =>
      forecastOption({
        observed: forecast.observed,
        steps,
        nowMs,
        unit: 'km/h',
        colours: FORECAST_COLOURS[theme],
        t,
        references: [
          { value: freeFlow * 0.8, label: t('mobility.busyBelow', { speed: formatNumber(freeFlow * 0.8) }) },
          {
            value: freeFlow * 0.5,
            label: t('mobility.congestedBelow', { speed: formatNumber(freeFlow * 0.5) }),
          },
        ],
      }),
    [forecast.observed, steps, nowMs, theme, freeFlow, t],
  );
  const rows = useMemo(() => forecastRows(forecast.observed, steps), [forecast.observed, steps]);
  const latest = forecast.observed[forecast.observed.length - 1];
  const next = steps[Math.min(steps.length - 1, Math.round(60 / forecast.stepMinutes) - 1)];
  const slowest = steps.reduce((w, s) => (s.p50 < w.p50 ? s : w), steps[0]!);
  const at = (step: { t: string }) => formatTime(Date.parse(step.t));
  const summary =
    t('mobility.summaryObserved', {
      name,
      speed: formatNumber(latest?.value),
      time: latest ? at(latest) : '—',
    }) +
    (next
      ? t('mobility.summaryPredicted', {
          speed: formatNumber(next.p50),
          time: at(next),
          low: formatNumber(next.p10),
          high: formatNumber(next.p90),
        })
      : '') +
    (slowest
      ? t('mobility.summarySlowest', {
          hours,
          speed: formatNumber(slowest.p50),
          time: at(slowest),
          share: formatPercent(slowest.p50 / freeFlow),
        })
      : '.');
  return (
    <ChartFigure<ForecastRow>
      title={t('mobility.chartTitle', { name })}
      option={option}
      summary={summary}
      columns={[
        { header: t('chart.time'), value: (r) => new Date(r.t).toISOString() },
        { header: t('chart.observedIn', { unit: 'km/h' }), value: (r) => r.observed },
        { header: 'p10 (km/h)', value: (r) => r.p10 },
        { header: t('chart.medianIn', { unit: 'km/h' }), value: (r) => r.p50 },
        { header: 'p90 (km/h)', value: (r) => r.p90 },
      ]}
      rows={rows}
      fileName={`traffic-forecast-${fileId}.csv`}
    />
  );
}

const LEVEL_TONE = { free: 'good', busy: 'warning', congested: 'bad', unknown: 'neutral' } as const;

/** Corridors ranked by predicted congestion; choosing one shows its forecast. */
export function CongestionRanking({
  forecasts,
  hours,
  corridorName,
  selected,
  onSelect,
}: {
  forecasts: readonly TrafficForecast[];
  hours: Horizon;
  corridorName: (id: string) => string;
  selected: string | undefined;
  onSelect: (corridorId: string) => void;
}) {
  const t = useT();
  const ranked = rankByPredictedCongestion(forecasts, hours);
  return (
    <ol className="ranking" aria-label={t('mobility.rankingLabel', { hours })}>
      {ranked.slice(0, 8).map(({ forecast, worst, ratio }) => {
        const level = congestionLevel(ratio);
        return (
          <li key={forecast.corridorId}>
            <button
              type="button"
              className="link-button"
              aria-pressed={forecast.corridorId === selected}
              onClick={() => onSelect(forecast.corridorId)}
            >
              {corridorName(forecast.corridorId)}
            </button>{' '}
            <Badge tone={LEVEL_TONE[level]} label={t(CONGESTION_LABEL_KEYS[level])} />{' '}
            {t('mobility.rankingDetail', {
              speed: formatNumber(worst.p50),
              time: formatTime(Date.parse(worst.t)),
              share: formatPercent(ratio),
            })}
          </li>
        );
      })}
    </ol>
  );
}
