import { z } from 'zod';
import { REFRESH_MS } from '../../api/queries/intervals';
import { alertsQuery, qkdLinksQuery } from '../../api/queries/security';
import { ALERT_STATUSES, SEVERITIES, type Alert, type QkdLink } from '../../api/schemas/security';
import { useLiveQuery } from '../../api/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { ALERT_STATUS_LABEL, SEVERITY_LABEL, SEVERITY_TONE } from '../../components/ui/tones';
import { useNow } from '../../hooks/use-now';
import { useSearchState } from '../../hooks/use-search-state';
import { formatAge, formatNumber } from '../../lib/format';
import { AlertDetails } from './alert-details';

const searchSchema = z.object({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  status: z.enum(ALERT_STATUSES).optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  alert: z.string().optional().catch(undefined),
});

const PLACE_LABEL = {
  site: 'Site',
  sensor: 'Sensor',
  'qkd-link': 'QKD link',
  municipality: 'Municipality',
} as const;
const QKD_TONE = { up: 'good', degraded: 'warning', down: 'bad' } as const;

function matches(alert: Alert, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [
    alert.id,
    alert.category,
    alert.subCategory,
    alert.source,
    alert.description,
    alert.assignee ?? '',
    alert.place?.refId ?? '',
  ].some((field) => field.toLowerCase().includes(needle));
}

export function SecurityView() {
  const [search, setSearch] = useSearchState(searchSchema);
  const alerts = useLiveQuery(alertsQuery());
  const links = useLiveQuery(qkdLinksQuery());
  const now = useNow(5000);

  const columns: Column<Alert>[] = [
    {
      key: 'severity',
      header: 'Severity',
      cell: (a) => <Badge tone={SEVERITY_TONE[a.severity]} label={SEVERITY_LABEL[a.severity]} />,
      sortValue: (a) => SEVERITIES.indexOf(a.severity),
    },
    {
      key: 'category',
      header: 'Alert',
      cell: (a) => `${a.category} · ${a.subCategory}`,
      sortValue: (a) => `${a.category} ${a.subCategory}`,
    },
    { key: 'source', header: 'Source', cell: (a) => a.source, sortValue: (a) => a.source },
    {
      key: 'place',
      header: 'Place',
      cell: (a) => (a.place ? `${PLACE_LABEL[a.place.kind]} ${a.place.refId}` : '—'),
      sortValue: (a) => a.place?.refId ?? null,
    },
    {
      key: 'issued',
      header: 'Issued',
      cell: (a) => formatAge(now - Date.parse(a.dateIssued)),
      sortValue: (a) => Date.parse(a.dateIssued),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (a) => ALERT_STATUS_LABEL[a.status],
      sortValue: (a) => ALERT_STATUSES.indexOf(a.status),
    },
    {
      key: 'assignee',
      header: 'Assignee',
      cell: (a) => a.assignee ?? 'Unassigned',
      sortValue: (a) => a.assignee,
    },
  ];

  const linkColumns: Column<QkdLink>[] = [
    { key: 'name', header: 'Link', cell: (l) => l.name, sortValue: (l) => l.name },
    {
      key: 'state',
      header: 'State',
      cell: (l) => (
        <Badge
          tone={QKD_TONE[l.state]}
          label={l.state === 'up' ? 'Up' : l.state === 'degraded' ? 'Degraded' : 'Down'}
        />
      ),
      sortValue: (l) => l.state,
    },
    {
      key: 'qber',
      header: 'QBER %',
      numeric: true,
      cell: (l) => `${formatNumber(l.qberPercent, 2)} (alarm ${formatNumber(l.qberAlarmPercent)})`,
      sortValue: (l) => l.qberPercent,
    },
    {
      key: 'rate',
      header: 'Key rate kbit/s',
      numeric: true,
      cell: (l) => formatNumber(l.secretKeyRateKbps, 2),
      sortValue: (l) => l.secretKeyRateKbps,
    },
    {
      key: 'stored',
      header: 'Stored keys kbit',
      numeric: true,
      cell: (l) => formatNumber(l.storedKeysKbit),
      sortValue: (l) => l.storedKeysKbit,
    },
    {
      key: 'use',
      header: 'Use kbit/s',
      numeric: true,
      cell: (l) => formatNumber(l.consumptionKbps, 1),
      sortValue: (l) => l.consumptionKbps,
    },
    { key: 'length', header: 'Fibre km', numeric: true, cell: (l) => formatNumber(l.lengthKm, 1) },
  ];

  return (
    <div className="view">
      <h1 className="view__title">Security</h1>
      <QueryPanel
        title="Alerts"
        query={alerts}
        refreshMs={REFRESH_MS.alerts}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No alerts in the last 48 hours."
      >
        {({ items }) => {
          const active = items.filter((a) => a.status !== 'resolved' && a.status !== 'closed');
          const shown = items.filter(
            (a) =>
              (!search.severity || a.severity === search.severity) &&
              (!search.status || a.status === search.status) &&
              matches(a, search.q ?? ''),
          );
          const selected = search.alert ? items.find((a) => a.id === search.alert) : undefined;
          return (
            <>
              <StatGrid>
                {[...SEVERITIES].reverse().map((s) => {
                  const n = active.filter((a) => a.severity === s).length;
                  return (
                    <StatTile
                      key={s}
                      label={`${SEVERITY_LABEL[s]}, active`}
                      value={n}
                      tone={n && (s === 'critical' || s === 'high') ? 'bad' : 'neutral'}
                    />
                  );
                })}
                {ALERT_STATUSES.map((s) => (
                  <StatTile
                    key={s}
                    label={ALERT_STATUS_LABEL[s]}
                    value={items.filter((a) => a.status === s).length}
                  />
                ))}
              </StatGrid>
              <div className="filters" role="group" aria-label="Filter alerts">
                <label>
                  Severity{' '}
                  <select
                    value={search.severity ?? ''}
                    onChange={(e) => setSearch({ severity: e.target.value || undefined })}
                  >
                    <option value="">All</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {SEVERITY_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Status{' '}
                  <select
                    value={search.status ?? ''}
                    onChange={(e) => setSearch({ status: e.target.value || undefined })}
                  >
                    <option value="">All</option>
                    {ALERT_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ALERT_STATUS_LABEL[s]}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  Search{' '}
                  <input
                    type="search"
                    value={search.q ?? ''}
                    onChange={(e) => setSearch({ q: e.target.value })}
                  />
                </label>
                <span className="filters__count" role="status">
                  {formatNumber(shown.length)} of {formatNumber(items.length)} alerts
                </span>
              </div>
              <DataTable
                caption="Security alerts"
                columns={columns}
                rows={shown}
                rowKey={(a) => a.id}
                selectColumn="category"
                selectedKey={search.alert}
                onSelect={(a) => setSearch({ alert: a.id === search.alert ? undefined : a.id })}
                initialSort={{ key: 'issued', descending: true }}
                maxRows={100}
              />
              {search.alert && (
                <AlertDetails alert={selected} onClose={() => setSearch({ alert: undefined })} />
              )}
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title="Quantum key distribution links"
        query={links}
        refreshMs={REFRESH_MS.qkdLinks}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No QKD links reported."
      >
        {({ items }) => (
          <DataTable
            caption="QKD links"
            columns={linkColumns}
            rows={items}
            rowKey={(l) => l.id}
            initialSort={{ key: 'qber', descending: true }}
          />
        )}
      </QueryPanel>
    </div>
  );
}
