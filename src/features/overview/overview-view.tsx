import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { sitesQuery } from '../../api/queries/network';
import { alertsQuery, qkdLinksQuery } from '../../api/queries/security';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import { EaqiBandTable } from '../../components/ui/eaqi-band-table';
import { useLiveQuery } from '../../hooks/use-live-query';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { QueryPanel } from '../../components/ui/panel';
import { useShownError } from '../../components/ui/shown-error';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { eaqiTone, SEVERITY_KEYS, SITE_STATUS_KEYS } from '../../components/ui/tones';
import { useNow } from '../../hooks/use-now';
import { useIsWall } from '../../hooks/use-screen-mode';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiLevel, type EaqiBand } from '../../lib/eaqi';
import { eaqiBandCount } from '../../lib/eaqi-bands';
import { formatNumber, formatPercent } from '../../lib/format';
import { sensorRows } from '../../lib/sensors';
import { formatTarget } from '../../lib/selection';

/**
 * On a desk, the first row's height once loaded (the air panel's band table), kept while it loads
 * so the second row does not jump. A wall's rows share the screen's height as they are.
 */
const FIRST_ROW_REM = 38.5;

/** The whole territory at a glance: what is wrong now, one panel per source. */
export function OverviewView() {
  const sitesOptions = sitesQuery();
  const sites = useLiveQuery(sitesOptions);
  const sensors = useLiveQuery(sensorsQuery());
  const readingsOptions = readingsQuery();
  const readings = useLiveQuery(readingsOptions);
  const sensorsError = useShownError(sensors);
  const alertsOptions = alertsQuery();
  const alerts = useLiveQuery(alertsOptions);
  const linksOptions = qkdLinksQuery();
  const links = useLiveQuery(linksOptions);
  // Populations only add residents to the band count: without them the stations still show.
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const now = useNow(5000);
  const t = useT();
  // On a wall the attention band lists what needs attention; the panels keep their figures.
  const wall = useIsWall();

  return (
    <div className={`view view--overview${wall ? ' view--wall' : ''}`}>
      <h1 className={wall ? 'visually-hidden' : 'view__title'}>{t('view.overview')}</h1>
      <div className="overview-grid">
        <QueryPanel
          title={t('overview.network')}
          query={sites}
          options={sitesOptions}
          isEmpty={(d) => d.items.length === 0}
        >
          {({ items }) => {
            const down = items.filter((s) => s.status === 'offline' || s.status === 'maintenance');
            const degraded = items.filter((s) => s.status === 'degraded');
            return (
              <>
                <StatGrid>
                  <StatTile
                    label={t('overview.sitesOnAir')}
                    value={`${items.length - down.length} / ${items.length}`}
                    tone={down.length ? 'warning' : 'good'}
                  />
                  <StatTile
                    label={t('overview.degraded')}
                    value={degraded.length}
                    tone={degraded.length ? 'warning' : 'good'}
                  />
                  {!wall && (
                    <StatTile
                      label={t('overview.meanLoad')}
                      value={formatPercent(items.reduce((s, x) => s + x.load, 0) / items.length)}
                    />
                  )}
                </StatGrid>
                {down.length + degraded.length > 0 && (
                  <ul className="attention-list" aria-label={t('overview.sitesNeedingAttention')}>
                    {[...down, ...degraded].slice(0, 5).map((s) => (
                      <li key={s.id}>
                        <Link
                          to={`/network?sel=${encodeURIComponent(formatTarget({ kind: 'site', id: s.id })!)}`}
                        >
                          {s.name}
                        </Link>
                        : {t(SITE_STATUS_KEYS[s.status]).toLowerCase()}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            );
          }}
        </QueryPanel>

        <QueryPanel
          title={t('overview.airAndTraffic')}
          query={readings}
          options={readingsOptions}
          isEmpty={(d) => d.bySensor.size === 0}
          reserve={wall ? undefined : FIRST_ROW_REM}
        >
          {(data) => {
            if (!sensors.data)
              return <DependencyMessage what="sensors" failed={!!sensorsError} errors={[sensorsError]} />;
            const byId = data.bySensor;
            const airRows = sensorRows(sensors.data.items, byId, 'air', now);
            const air = airRows.filter((r) => r.reading && !r.stale);
            const live = new Map(air.map((r) => [r.sensor.id, r.reading!.airQualityIndex]));
            const populations = territory.data?.byId;
            const count = eaqiBandCount(
              airRows.map((r) => r.sensor),
              (id) => live.get(id) ?? null,
              (id) => populations?.get(id)?.population,
            );
            const people = (bands: typeof count.bands) => bands.reduce((s, b) => s + b.population, 0);
            // Poor air: a station's index in band 4 or worse.
            const poorShare =
              populations && people(count.bands) > 0
                ? people(count.bands.slice(3)) / people(count.bands)
                : null;
            const traffic = sensorRows(sensors.data.items, byId, 'traffic', now).filter(
              (r) => r.reading && !r.stale,
            );
            const worstBand = Math.max(1, ...air.map((r) => r.reading!.airQualityIndex)) as EaqiBand;
            const congested = traffic.filter((r) => r.reading!.congested).length;
            return (
              <>
                <StatGrid>
                  <StatTile
                    label={t('overview.poorAirResidents')}
                    value={formatPercent(poorShare)}
                    tone={poorShare === null ? 'neutral' : poorShare > 0 ? 'bad' : 'good'}
                    detail={t('overview.stationsReporting', { count: air.length })}
                  />
                  {/* A band's name set at a wall's key-figure size is wider than this tile: there, the
                      band's number is the figure and its name the line below. */}
                  <StatTile
                    label={t('overview.worstStation')}
                    value={wall ? worstBand : t(EAQI_LABEL_KEYS[eaqiLevel(worstBand)])}
                    unit={wall ? '/ 6' : undefined}
                    detail={wall ? t(EAQI_LABEL_KEYS[eaqiLevel(worstBand)]) : undefined}
                    tone={eaqiTone(worstBand)}
                  />
                  {!wall && (
                    <StatTile
                      label={t('overview.congestedSensors')}
                      value={formatPercent(traffic.length ? congested / traffic.length : null)}
                      tone={congested / Math.max(1, traffic.length) > 0.2 ? 'bad' : 'neutral'}
                      detail={t('overview.countOf', { count: congested, total: traffic.length })}
                    />
                  )}
                </StatGrid>
                {!wall && (
                  <EaqiBandTable
                    bands={count.bands}
                    notReporting={count.notReporting}
                    withPopulation={!!populations}
                  />
                )}
              </>
            );
          }}
        </QueryPanel>

        <QueryPanel title={t('overview.securityAlerts')} query={alerts} options={alertsOptions}>
          {({ items }) => {
            const active = items.filter((a) => a.status !== 'resolved' && a.status !== 'closed');
            const critical = active.filter((a) => a.severity === 'critical');
            const high = active.filter((a) => a.severity === 'high');
            return (
              <>
                <StatGrid>
                  <StatTile
                    label={t('overview.criticalActive')}
                    value={critical.length}
                    tone={critical.length ? 'bad' : 'good'}
                  />
                  <StatTile
                    label={t('overview.highActive')}
                    value={high.length}
                    tone={high.length ? 'bad' : 'good'}
                  />
                  {!wall && (
                    <StatTile
                      label={t('overview.openNotAcknowledged')}
                      value={active.filter((a) => a.status === 'open').length}
                    />
                  )}
                </StatGrid>
                {critical.length + high.length > 0 && (
                  <ul className="attention-list" aria-label={t('overview.alertsNeedingAttention')}>
                    {[...critical, ...high].slice(0, 5).map((a) => (
                      <li key={a.id}>
                        <Link to={`/security?alert=${encodeURIComponent(a.id)}`}>
                          {t(SEVERITY_KEYS[a.severity])}: {a.category} · {a.subCategory}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            );
          }}
        </QueryPanel>

        <QueryPanel
          title={t('overview.qkd')}
          query={links}
          options={linksOptions}
          isEmpty={(d) => d.items.length === 0}
        >
          {({ items }) => {
            const up = items.filter((l) => l.state === 'up').length;
            const worst = items.reduce((w, l) => (l.qberPercent > w.qberPercent ? l : w), items[0]!);
            return (
              <StatGrid>
                <StatTile
                  label={t('overview.linksUp')}
                  value={`${up} / ${items.length}`}
                  tone={up === items.length ? 'good' : 'warning'}
                />
                <StatTile
                  label={t('overview.highestQber')}
                  value={formatNumber(worst.qberPercent, 1)}
                  unit="%"
                  tone={worst.qberPercent >= worst.qberAlarmPercent ? 'bad' : 'good'}
                  detail={worst.name}
                />
                {!wall && (
                  <StatTile
                    label={t('overview.storedKeys')}
                    value={`${formatNumber(items.reduce((s, l) => s + l.storedKeysKbit, 0) / 1000, 1)} Mbit`}
                  />
                )}
              </StatGrid>
            );
          }}
        </QueryPanel>
      </div>
    </div>
  );
}
