import { useQuery } from '@tanstack/react-query';
import { coverageQuery, sitesQuery } from '../../api/queries/network';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import type { Site } from '../../api/schemas/network';
import { Badge } from '../../components/ui/badge';
import { FitList } from '../../components/ui/fit-list';
import { QueryPanel } from '../../components/ui/panel';
import { SITE_STATUS_KEYS, SITE_STATUS_TONE } from '../../components/ui/tones';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { bandName } from '../../lib/bands';
import { formatAge, formatNumber, formatPercent } from '../../lib/format';
import { COVERED_THRESHOLD, isCovered } from '../../lib/signal';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { SiteTiles } from './site-tiles';

const STATUS_RANK: Record<Site['status'], number> = { offline: 0, maintenance: 1, degraded: 2, online: 3 };

/** Sites worst first: down before degraded before on air, the longest silent or the busiest first. */
export function sitesWorstFirst(items: readonly Site[]): Site[] {
  return [...items].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      (a.status === 'online' || a.status === 'degraded'
        ? b.load - a.load
        : Date.parse(a.dateLastValueReported) - Date.parse(b.dateLastValueReported)),
  );
}

/** The network on a wall: the sites' figures, the sites worst first, and how much of the area has signal. */
export function NetworkWall() {
  const t = useT();
  const sitesOptions = sitesQuery();
  const sites = useLiveQuery(sitesOptions);
  const coverageOptions = coverageQuery('n78');
  const coverage = useLiveQuery(coverageOptions);
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const now = useNow(5000);
  const municipalityName = (id: string) => territory.data?.byId.get(id)?.name ?? id;

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('network.title')}</h1>
      <QueryPanel
        title={t('network.sites')}
        query={sites}
        options={sitesOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('network.noSites')}
        className="panel--fill panel--major"
      >
        {({ items }) => (
          <>
            <SiteTiles items={items} wall />
            <FitList
              label={t('network.sitesWorstFirst')}
              items={sitesWorstFirst(items)}
              itemKey={(s) => s.id}
              tone={(s) => SITE_STATUS_TONE[s.status]}
              render={(s) => (
                <>
                  <Badge tone={SITE_STATUS_TONE[s.status]} label={t(SITE_STATUS_KEYS[s.status])} />{' '}
                  {s.status === 'online' || s.status === 'degraded'
                    ? t('network.loadShort', { load: formatPercent(s.load) })
                    : t('network.lastReportShort', {
                        age: formatAge(now - Date.parse(s.dateLastValueReported)),
                      })}{' '}
                  · <strong>{s.name}</strong> · {municipalityName(s.municipalityId)}
                </>
              )}
            />
          </>
        )}
      </QueryPanel>
      <QueryPanel
        title={t('network.coverage', { band: bandName('n78', t) })}
        query={coverage}
        options={coverageOptions}
        isEmpty={(d) => d.cells.length === 0}
        emptyMessage={t('network.noCoverage')}
      >
        {({ cells }) => {
          const covered = cells.filter((c) => isCovered(c.ssRsrpDbm)).length / cells.length;
          const noService = 1 - covered;
          return (
            <StatGrid>
              <StatTile
                label={t('network.coveredArea', { threshold: COVERED_THRESHOLD })}
                value={formatPercent(covered)}
              />
              <StatTile
                label={t('network.noServiceArea')}
                value={formatPercent(noService)}
                tone={noService > 0.1 ? 'warning' : 'neutral'}
              />
              <StatTile
                label={t('network.meanExpectedDl')}
                value={formatNumber(cells.reduce((s, c) => s + c.expectedDlMbps, 0) / cells.length)}
                unit="Mbit/s"
              />
            </StatGrid>
          );
        }}
      </QueryPanel>
    </div>
  );
}
