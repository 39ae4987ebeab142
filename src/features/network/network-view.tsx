import { z } from 'zod';
import { coverageQuery, sitesQuery } from '../../api/queries/network';
import { territoryQuery } from '../../api/queries/territory';
import { REFRESH_MS } from '../../api/queries/intervals';
import { BANDS, SITE_STATUSES, type Site } from '../../api/schemas/network';
import { useLiveQuery } from '../../api/use-live-query';
import { useQuery } from '@tanstack/react-query';
import { useSearchState } from '../../hooks/use-search-state';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { SITE_STATUS_LABEL, SITE_STATUS_TONE } from '../../components/ui/tones';
import { formatAge, formatEuro, formatNumber, formatPercent } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import { CoverageSummary } from './coverage-summary';

const searchSchema = z.object({
  status: z.enum(SITE_STATUSES).optional().catch(undefined),
  sel: z.string().optional().catch(undefined),
  band: z.enum(BANDS).catch('n78'),
});

export function NetworkView() {
  const [search, setSearch] = useSearchState(searchSchema);
  const sites = useLiveQuery(sitesQuery());
  const coverage = useLiveQuery(coverageQuery(search.band));
  const territory = useQuery(territoryQuery());
  const now = useNow(5000);
  const municipalityName = (id: string) =>
    territory.data?.municipalities.find((m) => m.id === id)?.name ?? id;

  const columns: Column<Site>[] = [
    { key: 'name', header: 'Site', cell: (s) => s.name, sortValue: (s) => s.name },
    {
      key: 'municipality',
      header: 'Municipality',
      cell: (s) => municipalityName(s.municipalityId),
      sortValue: (s) => municipalityName(s.municipalityId),
    },
    {
      key: 'status',
      header: 'Status',
      cell: (s) => <Badge tone={SITE_STATUS_TONE[s.status]} label={SITE_STATUS_LABEL[s.status]} />,
      sortValue: (s) => SITE_STATUSES.indexOf(s.status),
    },
    { key: 'bands', header: 'Bands', cell: (s) => s.bands.join(', ') },
    {
      key: 'dl',
      header: 'DL Mbit/s',
      numeric: true,
      cell: (s) => formatNumber(s.throughputDlMbps),
      sortValue: (s) => s.throughputDlMbps,
    },
    {
      key: 'latency',
      header: 'Latency ms',
      numeric: true,
      cell: (s) => formatNumber(s.latencyMs, 1),
      sortValue: (s) => s.latencyMs,
    },
    {
      key: 'load',
      header: 'Load',
      numeric: true,
      cell: (s) => formatPercent(s.load),
      sortValue: (s) => s.load,
    },
    {
      key: 'reported',
      header: 'Last report',
      cell: (s) => formatAge(now - Date.parse(s.dateLastValueReported)),
      sortValue: (s) => Date.parse(s.dateLastValueReported),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">5G network</h1>
      <QueryPanel
        title="Sites"
        query={sites}
        refreshMs={REFRESH_MS.sites}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No sites reported."
      >
        {({ items }) => {
          const count = (status: Site['status']) => items.filter((s) => s.status === status).length;
          const onAir = items.filter((s) => s.status === 'online' || s.status === 'degraded');
          const shown = search.status ? items.filter((s) => s.status === search.status) : items;
          return (
            <>
              <StatGrid>
                <StatTile
                  label="On air"
                  value={`${onAir.length} / ${items.length}`}
                  tone={onAir.length === items.length ? 'good' : 'warning'}
                />
                <StatTile
                  label="Degraded"
                  value={count('degraded')}
                  tone={count('degraded') ? 'warning' : 'good'}
                />
                <StatTile label="Offline" value={count('offline')} tone={count('offline') ? 'bad' : 'good'} />
                <StatTile label="Maintenance" value={count('maintenance')} />
                <StatTile
                  label="Download now"
                  value={`${formatNumber(items.reduce((s, x) => s + x.throughputDlMbps, 0) / 1000, 1)} Gbit/s`}
                />
                <StatTile
                  label="Lease revenue"
                  value={formatEuro(items.reduce((s, x) => s + x.leaseRevenueEurPerYear, 0))}
                  detail="per year, public expenditure €0"
                />
              </StatGrid>
              <div className="filters" role="group" aria-label="Filter sites by status">
                <label>
                  Status{' '}
                  <select
                    value={search.status ?? ''}
                    onChange={(e) => setSearch({ status: e.target.value || undefined })}
                  >
                    <option value="">All</option>
                    {SITE_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {SITE_STATUS_LABEL[s]} ({count(s)})
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <DataTable
                caption="5G sites"
                columns={columns}
                rows={shown}
                rowKey={(s) => s.id}
                selectColumn="name"
                selectedKey={search.sel?.startsWith('site:') ? search.sel.slice(5) : null}
                onSelect={(s) =>
                  setSearch({ sel: search.sel === `site:${s.id}` ? undefined : `site:${s.id}` })
                }
                initialSort={{ key: 'status', descending: true }}
              />
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={`Coverage, band ${search.band}`}
        query={coverage}
        refreshMs={REFRESH_MS.coverage}
        isEmpty={(d) => d.cells.length === 0}
        emptyMessage="No coverage cells for this band."
      >
        {(data) => (
          <CoverageSummary coverage={data} band={search.band} onBandChange={(band) => setSearch({ band })} />
        )}
      </QueryPanel>
    </div>
  );
}
