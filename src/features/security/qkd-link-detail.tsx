import { useMemo } from 'react';
import { REFRESH_MS } from '../../api/queries/intervals';
import { qkdLinkSeriesQuery } from '../../api/queries/security';
import type { QkdLink, QkdLinkSeries } from '../../api/schemas/security';
import { useLiveQuery } from '../../api/use-live-query';
import { ChartFigure } from '../../components/chart/chart-figure';
import { FORECAST_COLOURS } from '../../components/forecast/forecast-colours';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile, type Tone } from '../../components/ui/stat-tile';
import { formatDuration, formatNumber, formatTime } from '../../lib/format';
import { keyPoolExhaustion } from '../../lib/key-pool';
import { useTheme } from '../../store/ui-store';
import {
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
  const series = useLiveQuery(qkdLinkSeriesQuery(linkId, HOURS));
  const name = link?.name ?? linkId;
  return (
    <QueryPanel
      title={`QKD link: ${name}`}
      query={series}
      refreshMs={REFRESH_MS.qkdSeries}
      isEmpty={(d) => d.timestamps.length === 0}
      emptyMessage="No history reported for this link."
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
  const rows = useMemo(() => qkdRows(series), [series]);
  const options = useMemo(
    () => ({
      qber: qberOption(series, FORECAST_COLOURS[theme]),
      pool: keyPoolOption(series, FORECAST_COLOURS[theme]),
    }),
    [series, theme],
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
            Between {link.endpoints[0].name} and {link.endpoints[1].name}, {formatNumber(link.lengthKm, 1)} km
            of fibre.
          </span>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close link details
        </button>
      </div>
      {current ? (
        <StatGrid>
          <StatTile
            label="QBER now"
            value={`${formatNumber(current.qber, 2)} %`}
            tone={qberTone(current.qber, series.qberAlarmPercent, series.qberSecurityLimitPercent)}
            detail={`alarm at ${formatNumber(series.qberAlarmPercent, 1)} %, limit ${formatNumber(series.qberSecurityLimitPercent, 1)} %`}
          />
          <StatTile
            label="Secret key rate"
            value={`${formatNumber(current.rate, 2)} kbit/s`}
            tone={current.rate > 0 ? 'neutral' : 'bad'}
          />
          <StatTile label="Stored keys" value={`${formatNumber(current.stored)} kbit`} />
          <StatTile label="Consumption" value={`${formatNumber(current.consumption, 2)} kbit/s`} />
          <StatTile
            label="Key pool runs out in"
            value={toEmpty === null ? 'Not draining' : toEmpty === 0 ? 'Empty now' : formatDuration(toEmpty)}
            tone={exhaustionTone(toEmpty)}
            detail={
              toEmpty === null
                ? 'keys are made at least as fast as they are used'
                : toEmpty === 0
                  ? 'keys are used faster than they are made'
                  : `at about ${formatTime(reportedAt + toEmpty * 1000)}, at the current net rate`
            }
          />
        </StatGrid>
      ) : (
        <p className="panel__message">The link reports no current values.</p>
      )}
      {current && (
        <p className="outlook">
          Key pool of {name}: {keyPoolOutlook(current.stored, current.rate, current.consumption)}
        </p>
      )}
      <h3 className="panel__subtitle">QBER, last {HOURS} hours</h3>
      <ChartFigure<QkdRow>
        title={`QBER of ${name}`}
        option={options.qber}
        summary={qberSummary(series, name)}
        columns={[
          { header: 'Time', value: iso },
          { header: 'QBER (%)', value: (r) => r.qber },
        ]}
        rows={rows}
        fileName={`qkd-qber-${series.linkId}.csv`}
      />
      <h3 className="panel__subtitle">Key pool, last {HOURS} hours</h3>
      <ChartFigure<QkdRow>
        title={`Key pool of ${name}`}
        option={options.pool}
        summary={keyPoolSummary(series, name)}
        columns={[
          { header: 'Time', value: iso },
          { header: 'Stored keys (kbit)', value: (r) => r.stored },
          { header: 'Secret key rate (kbit/s)', value: (r) => r.rate },
          { header: 'Consumption (kbit/s)', value: (r) => r.consumption },
          {
            header: 'Empty in (s)',
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
