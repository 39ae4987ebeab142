import { useMemo } from 'react';
import { qkdLinkSeriesQuery } from '../../api/queries/security';
import type { QkdLink, QkdLinkSeries } from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import { ChartFigure } from '../../components/chart/chart-figure';
import { FORECAST_COLOURS } from '../../components/forecast/forecast-colours';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile, type Tone } from '../../components/ui/stat-tile';
import { useT } from '../../i18n/use-t';
import { formatDuration, formatNumber, formatPercent, formatTime } from '../../lib/format';
import { keyPoolExhaustion } from '../../lib/key-pool';
import { useTheme } from '../../store/ui-store';
import {
  KEY_POOL_LEGEND,
  keyPoolOption,
  keyPoolOutlook,
  keyPoolSummary,
  qberOption,
  qberSummary,
  qkdRows,
  type QkdRow,
} from './qkd-option';

const HOURS = 24;
const HOUR_S = 3600;

const iso = (r: QkdRow) => new Date(r.t).toISOString();

/** A pool running out within the hour is urgent; within six hours, worth watching. */
function exhaustionTone(seconds: number | null): Tone {
  if (seconds === null) return 'good';
  return seconds < HOUR_S ? 'bad' : seconds < 6 * HOUR_S ? 'warning' : 'neutral';
}

function qberTone(qber: number, alarm: number, limit: number): Tone {
  return qber >= limit ? 'bad' : qber >= alarm ? 'warning' : 'good';
}

/**
 * The selected QKD link over the last day: its QBER against the alarm threshold and the security
 * limit, and its key pool — filled by the secret key rate, drained by consumption — with how long
 * it lasts at the current net rate.
 */
export function QkdLinkDetail({
  linkId,
  link,
  onClose,
}: {
  linkId: string;
  /** The link as the links list has it now, once loaded. */
  link: QkdLink | undefined;
  onClose: () => void;
}) {
  const seriesOptions = qkdLinkSeriesQuery(linkId, HOURS);
  const series = useLiveQuery(seriesOptions);
  const t = useT();
  const name = link?.name ?? linkId;
  return (
    <QueryPanel
      title={t('qkd.detail.title', { name })}
      query={series}
      options={seriesOptions}
      isEmpty={(d) => d.timestamps.length === 0}
      emptyMessage={t('qkd.detail.empty')}
    >
      {(data) => <QkdLinkHistory series={data} link={link} name={name} onClose={onClose} />}
    </QueryPanel>
  );
}

function QkdLinkHistory({
  series,
  link,
  name,
  onClose,
}: {
  series: QkdLinkSeries;
  link: QkdLink | undefined;
  name: string;
  onClose: () => void;
}) {
  const theme = useTheme();
  const t = useT();
  const rows = useMemo(() => qkdRows(series), [series]);
  const options = useMemo(
    () => ({
      qber: qberOption(series, FORECAST_COLOURS[theme], t),
      pool: keyPoolOption(series, FORECAST_COLOURS[theme], t),
    }),
    [series, theme, t],
  );
  // The links list is polled more often than the history: its figures are the current ones.
  const last = rows.at(-1);
  const current = link
    ? {
        qber: link.qberPercent,
        rate: link.secretKeyRateKbps,
        stored: link.storedKeysKbit,
        consumption: link.consumptionKbps,
      }
    : last && last.qber !== null && last.rate !== null && last.stored !== null && last.consumption !== null
      ? { qber: last.qber, rate: last.rate, stored: last.stored, consumption: last.consumption }
      : null;
  const toEmpty = current && keyPoolExhaustion(current.stored, current.rate, current.consumption);
  const reportedAt = link ? Date.parse(link.dateLastValueReported) : (last?.t ?? Date.parse(series.to));

  return (
    <>
      <div className="filters">
        {link && (
          <span>
            {t('qkd.detail.between', {
              a: link.endpoints[0].name,
              b: link.endpoints[1].name,
              km: formatNumber(link.lengthKm, 1),
            })}
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          {t('qkd.detail.close')}
        </button>
      </div>
      {current ? (
        <StatGrid>
          <StatTile
            label={t('qkd.detail.qberNow')}
            value={formatPercent(current.qber / 100, 2)}
            tone={qberTone(current.qber, series.qberAlarmPercent, series.qberSecurityLimitPercent)}
            detail={t('qkd.detail.qberLimits', {
              alarm: formatNumber(series.qberAlarmPercent, 1),
              limit: formatNumber(series.qberSecurityLimitPercent, 1),
            })}
          />
          <StatTile
            label={t('qkd.secretKeyRate')}
            value={`${formatNumber(current.rate, 2)} kbit/s`}
            tone={current.rate > 0 ? 'neutral' : 'bad'}
          />
          <StatTile label={t('qkd.storedKeys')} value={`${formatNumber(current.stored)} kbit`} />
          <StatTile label={t('qkd.consumption')} value={`${formatNumber(current.consumption, 2)} kbit/s`} />
          <StatTile
            label={t('qkd.detail.runsOutIn')}
            value={
              toEmpty === null
                ? t('qkd.detail.notDraining')
                : toEmpty === 0
                  ? t('qkd.detail.emptyNow')
                  : formatDuration(toEmpty)
            }
            tone={exhaustionTone(toEmpty)}
            detail={
              toEmpty === null
                ? t('qkd.detail.madeFaster')
                : toEmpty === 0
                  ? t('qkd.detail.usedFaster')
                  : t('qkd.detail.emptyAt', { time: formatTime(reportedAt + toEmpty * 1000) })
            }
          />
        </StatGrid>
      ) : (
        <p className="panel__message">{t('qkd.detail.noCurrent')}</p>
      )}
      {current && (
        <p className="outlook">
          {t('qkd.keyPoolOf', { name })}:{' '}
          {keyPoolOutlook(current.stored, current.rate, current.consumption, t)}
        </p>
      )}
      <h3 className="panel__subtitle">{t('qkd.detail.qberLast', { hours: HOURS })}</h3>
      <ChartFigure<QkdRow>
        title={t('qkd.qberOf', { name })}
        option={options.qber}
        summary={qberSummary(series, name, t)}
        columns={[
          { header: t('qkd.csv.time'), value: iso },
          { header: t('qkd.csv.qber'), value: (r) => r.qber },
        ]}
        rows={rows}
        fileName={`qkd-qber-${series.linkId}.csv`}
      />
      <h3 className="panel__subtitle">{t('qkd.detail.poolLast', { hours: HOURS })}</h3>
      <ChartFigure<QkdRow>
        title={t('qkd.keyPoolOf', { name })}
        option={options.pool}
        summary={keyPoolSummary(series, name, t)}
        columns={[
          { header: t('qkd.csv.time'), value: iso },
          { header: t(KEY_POOL_LEGEND.stored), value: (r) => r.stored },
          { header: t(KEY_POOL_LEGEND.rate), value: (r) => r.rate },
          { header: t(KEY_POOL_LEGEND.consumption), value: (r) => r.consumption },
          {
            header: t('qkd.csv.emptyIn'),
            value: (r) =>
              r.stored === null || r.rate === null || r.consumption === null
                ? null
                : roundOrNull(keyPoolExhaustion(r.stored, r.rate, r.consumption)),
          },
        ]}
        rows={rows}
        fileName={`qkd-key-pool-${series.linkId}.csv`}
      />
    </>
  );
}

const roundOrNull = (value: number | null) => (value === null ? null : Math.round(value));
