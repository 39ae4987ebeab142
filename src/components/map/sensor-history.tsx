import { useMemo } from 'react';
import { seriesQuery } from '../../api/queries/sensors';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { useTheme } from '../../store/ui-store';
import { EChart } from '../chart/e-chart';
import { seriesOption } from '../chart/series-option';
import { describeError } from '../ui/error-text';
import { useShownError } from '../ui/shown-error';
import { formatNumber, formatTime } from '../../lib/format';

const CHART_COLOURS = {
  dark: { line: '#7cc4ff', text: '#b3bfcc', grid: '#2c3745' },
  light: { line: '#0b5cad', text: '#3f4b59', grid: '#d5dbe2' },
};

/** A sensor's last 24 hours of one metric, with its minimum, maximum and latest value in words. */
export function SensorHistory({
  sensorId,
  metric,
  label,
}: {
  sensorId: string;
  metric: string;
  label: string;
}) {
  const series = useLiveQuery(seriesQuery(sensorId, metric, 24));
  const error = useShownError(series);
  const theme = useTheme();
  const t = useT();
  const option = useMemo(
    () => (series.data ? seriesOption(series.data, CHART_COLOURS[theme]) : null),
    [series.data, theme],
  );
  if (error && !series.data)
    return <p role="alert">{t('map.history.unavailable', { error: describeError(error) })}</p>;
  if (!series.data || !option) return <p aria-busy="true">{t('map.history.loading')}</p>;
  const values = series.data.values.filter((v): v is number => v !== null);
  const summary = values.length
    ? t('map.history.summary', {
        label,
        min: formatNumber(Math.min(...values), 1),
        max: formatNumber(Math.max(...values), 1),
        unit: series.data.unit,
        latest: formatNumber(values[values.length - 1], 1),
      })
    : t('map.history.none', { label });
  return (
    <figure className="sensor-history">
      <EChart option={option} label={summary} className="sensor-history__chart" />
      <figcaption>{summary}</figcaption>
      {series.isError && (
        <p className="panel__status panel__status--stale" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('map.layerStale', { layer: label, time: formatTime(series.dataUpdatedAt) })}
        </p>
      )}
    </figure>
  );
}
