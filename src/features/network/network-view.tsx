import { z } from 'zod/mini';
import { coverageQuery, sitesQuery } from '../../api/queries/network';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import { BANDS, SITE_STATUSES, type Site } from '../../api/schemas/network';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useQuery } from '@tanstack/react-query';
import { useSearchState } from '../../hooks/use-search-state';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { FilterSelect } from '../../components/ui/filter-select';
import { QueryPanel } from '../../components/ui/panel';
import { SITE_STATUS_KEYS, SITE_STATUS_TONE } from '../../components/ui/tones';
import { bandName } from '../../lib/bands';
import { formatAge, formatNumber, formatPercent } from '../../lib/format';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { CoverageSummary } from './coverage-summary';
import { NetworkWall } from './network-wall';
import { SiteTiles } from './site-tiles';
import { useIsWall } from '../../hooks/use-screen-mode';
import { siteLatency } from '../../lib/site-latency';
import { formatTarget, selectedId, targetField } from '../../lib/selection';

const searchSchema = z.object({
  status: z.catch(z.optional(z.enum(SITE_STATUSES)), undefined),
  sel: targetField,
  band: z.catch(z.enum(BANDS), 'n78'),
});

export function NetworkView() {
  return useIsWall() ? <NetworkWall /> : <NetworkDesk />;
}

function NetworkDesk() {
  const [search, setSearch] = useSearchState(searchSchema);
  const sitesOptions = sitesQuery();
  const sites = useLiveQuery(sitesOptions);
  const coverageOptions = coverageQuery(search.band);
  const coverage = useLiveQuery(coverageOptions);
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const now = useNow(5000);
  const t = useT();
  const municipalityName = (id: string) => territory.data?.byId.get(id)?.name ?? id;

  const columns: Column<Site>[] = [
    { key: 'name', header: t('network.site'), cell: (s) => s.name, sortValue: (s) => s.name },
    {
      key: 'municipality',
      header: t('network.municipality'),
      cell: (s) => municipalityName(s.municipalityId),
      sortValue: (s) => municipalityName(s.municipalityId),
    },
    {
      key: 'status',
      header: t('network.status'),
      cell: (s) => <Badge tone={SITE_STATUS_TONE[s.status]} label={t(SITE_STATUS_KEYS[s.status])} />,
      sortValue: (s) => SITE_STATUSES.indexOf(s.status),
    },
    { key: 'bands', header: t('network.bands'), cell: (s) => s.bands.map((b) => bandName(b, t)).join(', ') },
    {
      key: 'dl',
      header: 'DL Mbit/s',
      numeric: true,
      cell: (s) => formatNumber(s.throughputDlMbps),
      sortValue: (s) => s.throughputDlMbps,
    },
    {
      key: 'latency',
      header: t('network.latency'),
      numeric: true,
      cell: (s) => siteLatency(s) ?? '—',
      sortValue: (s) => (siteLatency(s) === null ? null : s.latencyMs),
    },
    {
      key: 'load',
      header: t('network.load'),
      numeric: true,
      cell: (s) => formatPercent(s.load),
      sortValue: (s) => s.load,
    },
    {
      key: 'reported',
      header: t('network.lastReport'),
      cell: (s) => formatAge(now - Date.parse(s.dateLastValueReported)),
      sortValue: (s) => Date.parse(s.dateLastValueReported),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">{t('network.title')}</h1>
      <QueryPanel
        title={t('network.sites')}
        query={sites}
        options={sitesOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('network.noSites')}
      >
        {({ items }) => {
          const count = (status: Site['status']) => items.filter((s) => s.status === status).length;
          const shown = search.status ? items.filter((s) => s.status === search.status) : items;
          return (
            <>
              <SiteTiles items={items} />
              <div className="filters" role="group" aria-label={t('network.filterByStatus')}>
                <FilterSelect
                  label={t('network.status')}
                  value={search.status}
                  options={SITE_STATUSES}
                  optionLabel={(s) => `${t(SITE_STATUS_KEYS[s])} (${count(s)})`}
                  allLabel={t('network.all')}
                  onChange={(status) => setSearch({ status })}
                />
              </div>
              <DataTable
                caption={t('network.sitesCaption')}
                columns={columns}
                rows={shown}
                rowKey={(s) => s.id}
                selectColumn="name"
                selectedKey={selectedId(search.sel, 'site')}
                onSelect={(s) =>
                  setSearch({
                    sel: formatTarget(
                      selectedId(search.sel, 'site') === s.id ? null : { kind: 'site', id: s.id },
                    ),
                  })
                }
                initialSort={{ key: 'status', descending: true }}
              />
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('network.coverage', { band: bandName(search.band, t) })}
        query={coverage}
        options={coverageOptions}
        isEmpty={(d) => d.cells.length === 0}
        emptyMessage={t('network.noCoverage')}
      >
        {(data) => (
          <CoverageSummary coverage={data} band={search.band} onBandChange={(band) => setSearch({ band })} />
        )}
      </QueryPanel>
    </div>
  );
}
