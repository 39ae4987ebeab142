import { keepPreviousData } from '@tanstack/react-query';
import { z } from 'zod';
import { REFRESH_MS } from '../../api/queries/intervals';
import { responseTimesQuery } from '../../api/queries/security';
import {
  RESPONSE_TIME_PERIODS,
  responseTimePeriodSchema,
  type ResponseFigures,
  type ResponseTimePeriod,
  type Severity,
} from '../../api/schemas/security';
import { useLiveQuery } from '../../api/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { SEVERITY_LABEL, SEVERITY_TONE } from '../../components/ui/tones';
import { useSearchState } from '../../hooks/use-search-state';
import { formatDateTime, formatDuration, formatNumber } from '../../lib/format';

const searchSchema = z.object({ rt: responseTimePeriodSchema.catch('day') });

const PERIOD_LABEL: Record<ResponseTimePeriod, string> = { day: 'Day', week: 'Week', month: '30 days' };
const PERIOD_PHRASE: Record<ResponseTimePeriod, string> = {
  day: 'the last 24 hours',
  week: 'the last 7 days',
  month: 'the last 30 days',
};

interface Row {
  key: string;
  severity: Severity | null;
  current: ResponseFigures;
  previous: ResponseFigures;
}

/** A number is kept with its unit: "1 h 59 min" breaks, if it must, only between the two. */
const duration = (seconds: number | null) => formatDuration(seconds).replace(/(\d) /g, '$1\u00a0');

const COLUMNS: Column<Row>[] = [
  {
    key: 'severity',
    header: 'Severity',
    cell: (r) =>
      r.severity ? (
        <Badge tone={SEVERITY_TONE[r.severity]} label={SEVERITY_LABEL[r.severity]} />
      ) : (
        <strong>All severities</strong>
      ),
  },
  { key: 'mtta', header: 'MTTA', numeric: true, cell: (r) => duration(r.current.mttaSeconds) },
  {
    key: 'mtta-previous',
    header: 'Previous MTTA',
    numeric: true,
    cell: (r) => duration(r.previous.mttaSeconds),
  },
  { key: 'mttr', header: 'MTTR', numeric: true, cell: (r) => duration(r.current.mttrSeconds) },
  {
    key: 'mttr-previous',
    header: 'Previous MTTR',
    numeric: true,
    cell: (r) => duration(r.previous.mttrSeconds),
  },
  {
    key: 'alerts',
    header: 'Alerts (unresolved)',
    numeric: true,
    cell: (r) => `${formatNumber(r.current.alerts)} (${formatNumber(r.current.alerts - r.current.resolved)})`,
  },
];

/**
 * How fast alerts are acknowledged (MTTA) and resolved (MTTR), by severity, over the last day,
 * week or 30 days beside the period before; the period is kept in the URL (`rt`).
 */
export function ResponseTimesPanel() {
  const [search, setSearch] = useSearchState(searchSchema);
  // While another period loads, the one shown stays on screen with its controls.
  const times = useLiveQuery({ ...responseTimesQuery(search.rt), placeholderData: keepPreviousData });

  return (
    <QueryPanel
      title="Response times"
      query={times}
      refreshMs={REFRESH_MS.responseTimes}
      isEmpty={(d) => d.items.length === 0}
      emptyMessage="No response times for this period."
    >
      {(data) => {
        const rows: Row[] = [
          ...data.items.map((i) => ({ key: i.severity, ...i })),
          { key: 'all', severity: null, ...data.total },
        ];
        return (
          <>
            <div className="filters" role="group" aria-label="Response-time period">
              {RESPONSE_TIME_PERIODS.map((p) => (
                <button
                  key={p}
                  type="button"
                  className="button"
                  aria-pressed={p === search.rt}
                  onClick={() => setSearch({ rt: p === 'day' ? undefined : p })}
                >
                  {PERIOD_LABEL[p]}
                </button>
              ))}
              {times.isPlaceholderData && (
                <span className="filters__count" aria-busy="true">
                  Loading {PERIOD_PHRASE[search.rt]}…
                </span>
              )}
            </div>
            <p className="panel__note">
              Alerts issued in {PERIOD_PHRASE[data.period]} ({formatDateTime(Date.parse(data.current.from))}{' '}
              to {formatDateTime(Date.parse(data.current.to))}), beside the period before. MTTA: from issue to
              the first acknowledgement, over the {formatNumber(data.total.current.acknowledged)} alerts
              acknowledged; MTTR: from issue to resolution, over the{' '}
              {formatNumber(data.total.current.resolved)} resolved.
            </p>
            <DataTable
              caption={`Response times by severity, ${PERIOD_PHRASE[data.period]} and the period before`}
              columns={COLUMNS}
              rows={rows}
              rowKey={(r) => r.key}
            />
          </>
        );
      }}
    </QueryPanel>
  );
}
