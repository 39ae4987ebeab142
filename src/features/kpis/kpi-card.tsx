import { useMemo, useRef } from 'react';
import type { Kpi } from '../../api/schemas/kpis';
import { EChart, type EChartHandle } from '../../components/chart/e-chart';
import { Badge } from '../../components/ui/badge';
import { EaqiBandTable } from '../../components/ui/eaqi-band-table';
import { useIsWall } from '../../hooks/use-screen-mode';
import { useT } from '../../i18n/use-t';
import { formatDate } from '../../lib/format';
import { useTheme } from '../../store/ui-store';
import { formatKpiValue, kpiAssessment, kpiValueParts } from './kpi-assessment';
import { kpiTrendOption, TREND_COLOURS, trendPoints } from './kpi-trend-option';

interface KpiCardProps {
  kpi: Kpi;
  fromMs: number;
  toMs: number;
}

/** Offers a data URL as a file download. */
function downloadDataUrl(fileName: string, url: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

/**
 * One indicator: its value against the target, the change, what it counts, its trend over the
 * last periods and, for air quality, the stations and residents in each EAQI band.
 */
export function KpiCard({ kpi, fromMs, toMs }: KpiCardProps) {
  const t = useT();
  const theme = useTheme();
  const chart = useRef<EChartHandle>(null);
  const assessment = kpiAssessment(kpi);
  const [number, unit] = kpiValueParts(kpi.value, kpi.unit, useIsWall());
  const points = useMemo(() => trendPoints(kpi, fromMs, toMs), [kpi, fromMs, toMs]);
  const plotted = points.filter((p) => p.value !== null);
  const option = useMemo(
    () =>
      kpiTrendOption(
        points,
        kpi.target,
        {
          period: (endsAt) => formatDate(endsAt),
          value: (v) => formatKpiValue(v, kpi.unit),
          target: t('kpi.target'),
        },
        TREND_COLOURS[theme],
      ),
    [points, kpi.target, kpi.unit, t, theme],
  );
  const summary =
    plotted.length > 1
      ? t('kpi.trendSummary', {
          count: plotted.length,
          first: formatKpiValue(plotted[0]!.value, kpi.unit),
          last: formatKpiValue(plotted.at(-1)!.value, kpi.unit),
        })
      : t('kpi.noTrend');
  return (
    <article className={`kpi-card kpi-card--${assessment.tone}`} aria-labelledby={`kpi-${kpi.id}`}>
      <h3 id={`kpi-${kpi.id}`} className="kpi-card__label">
        {kpi.label}
      </h3>
      <p className="kpi-card__value">
        {number}
        {unit && <span className="kpi-card__unit"> {unit}</span>}
      </p>
      <dl className="kpi-card__facts">
        <dt>{t('kpi.target')}</dt>
        <dd>{formatKpiValue(kpi.target, kpi.unit)}</dd>
        <dt className="kpi-card__change">{t('kpi.change')}</dt>
        <dd className="kpi-card__change">{assessment.change}</dd>
      </dl>
      <Badge tone={assessment.tone} label={assessment.label} />
      {kpi.description && <p className="kpi-card__description">{kpi.description}</p>}
      {kpi.bands && <EaqiBandTable bands={kpi.bands} />}
      {plotted.length > 1 ? (
        <>
          <EChart
            ref={chart}
            option={option}
            label={`${kpi.label}. ${summary}`}
            className="kpi-card__trend"
          />
          <button
            type="button"
            className="button kpi-card__export"
            aria-label={`${t('kpi.downloadPng')}: ${kpi.label}`}
            onClick={() => {
              const url = chart.current?.toPngDataUrl();
              if (url) downloadDataUrl(`territorio-kpi-${kpi.id}.png`, url);
            }}
          >
            {t('kpi.downloadPng')}
          </button>
        </>
      ) : (
        <p className="kpi-card__no-trend">{summary}</p>
      )}
    </article>
  );
}
