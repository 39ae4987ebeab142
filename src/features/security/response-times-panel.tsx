import { keepPreviousData } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { responseTimesQuery } from '../../api/queries/security';
import {
  RESPONSE_TIME_PERIODS,
  responseTimePeriodSchema,
  type ResponseFigures,
  type ResponseTimePeriod,
  type Severity,
} from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { ToggleGroup } from '../../components/ui/toggle-group';
import { SEVERITY_KEYS, SEVERITY_TONE } from '../../components/ui/tones';
import { useSearchState } from '../../hooks/use-search-state';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { formatDateTime, formatDuration, formatNumber } from '../../lib/format';

const searchSchema = z.object({ rt: z.catch(responseTimePeriodSchema, 'day') });

/** Each period's button, and the sentences naming it (one key each, for the grammar of each language). */
const PERIOD_TEXT: Record<
  ResponseTimePeriod,
  Record<'label' | 'loading' | 'issued' | 'caption', MessageKey>
> = {
  day: {
    label: 'security.rt.day',
    loading: 'security.rt.loadingDay',
    issued: 'security.rt.issuedDay',
    caption: 'security.rt.captionDay',
  },
  week: {
    label: 'security.rt.week',
    loading: 'security.rt.loadingWeek',
    issued: 'security.rt.issuedWeek',
    caption: 'security.rt.captionWeek',
  },
  month: {
    label: 'security.rt.month',
    loading: 'security.rt.loadingMonth',
    issued: 'security.rt.issuedMonth',
    caption: 'security.rt.captionMonth',
  },
};

interface Row {
  key: string;
  severity: Severity | null;
  current: ResponseFigures;
  previous: ResponseFigures;
}

/** A number is kept with its unit: "1 h 59 min" breaks, if it must, only between the two. */
const duration = (seconds: number | null) => formatDuration(seconds).replace(/(\d) /g, '$1\u00a0');

const columns = (t: Translate): Column<Row>[] => [
  {
    key: 'severity',
    header: t('alerts.field.severity'),
    cell: (r) =>
      r.severity ? (
        <Badge tone={SEVERITY_TONE[r.severity]} label={t(SEVERITY_KEYS[r.severity])} />
      ) : (
        <strong>{t('security.rt.allSeverities')}</strong>
      ),
  },
  { key: 'mtta', header: 'MTTA', numeric: true, cell: (r) => duration(r.current.mttaSeconds) },
  {
    key: 'mtta-previous',
    header: t('security.rt.previousMtta'),
    numeric: true,
    cell: (r) => duration(r.previous.mttaSeconds),
  },
  { key: 'mttr', header: 'MTTR', numeric: true, cell: (r) => duration(r.current.mttrSeconds) },
  {
    key: 'mttr-previous',
    header: t('security.rt.previousMttr'),
    numeric: true,
    cell: (r) => duration(r.previous.mttrSeconds),
  },
  {
    key: 'alerts',
    header: t('security.rt.alertsUnresolved'),
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
  const t = useT();
  // While another period loads, the one shown stays on screen with its controls.
  const timesOptions = { ...responseTimesQuery(search.rt), placeholderData: keepPreviousData };
  const times = useLiveQuery(timesOptions);

  return (
    <QueryPanel
      title={t('security.rt.title')}
      query={times}
      options={timesOptions}
      isEmpty={(d) => d.items.length === 0}
      emptyMessage={t('security.rt.empty')}
    >
      {(data) => {
        const rows: Row[] = [
          ...data.items.map((i) => ({ key: i.severity, ...i })),
          { key: 'all', severity: null, ...data.total },
        ];
        return (
          <>
            <ToggleGroup
              label={t('security.rt.period')}
              options={RESPONSE_TIME_PERIODS}
              value={search.rt}
              onChange={(p) => setSearch({ rt: p === 'day' ? undefined : p })}
              optionLabel={(p) => t(PERIOD_TEXT[p].label)}
            >
              {times.isPlaceholderData && (
                <span className="filters__count" aria-busy="true">
                  {t(PERIOD_TEXT[search.rt].loading)}
                </span>
              )}
            </ToggleGroup>
            <p className="panel__note">
              {t(PERIOD_TEXT[data.period].issued, {
                from: formatDateTime(Date.parse(data.current.from)),
                to: formatDateTime(Date.parse(data.current.to)),
              })}{' '}
              {t('security.rt.definitions', {
                acknowledged: formatNumber(data.total.current.acknowledged),
                resolved: formatNumber(data.total.current.resolved),
              })}
            </p>
            <DataTable
              caption={t(PERIOD_TEXT[data.period].caption)}
              columns={columns(t)}
              rows={rows}
              rowKey={(r) => r.key}
            />
          </>
        );
      }}
    </QueryPanel>
  );
}
