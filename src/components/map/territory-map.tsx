import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigation } from 'react-router';
import { coverageQuery, sitesQuery } from '../../api/queries/network';
import {
  alertsQuery,
  qkdLinksQuery,
  redactedAlertsSelect,
  redactedQkdLinksSelect,
} from '../../api/queries/security';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import type { Pollutant } from '../../api/schemas/forecasts';
import type { Sensor } from '../../api/schemas/sensors';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useRedaction } from '../../hooks/use-redaction';
import { useScreenScale } from '../../hooks/use-screen-scale';
import { useSearchState } from '../../hooks/use-search-state';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { placesWithOpenAlerts } from '../../lib/alert-places';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS, type EaqiBand } from '../../lib/eaqi';
import { isSensorStale, sensorRows } from '../../lib/sensors';
import { CONGESTION_LABEL_KEYS, congestionLevel, corridorStatuses } from '../../lib/traffic';
import { useTheme } from '../../store/ui-store';
import { describeError } from '../ui/error-text';
import { useShownError } from '../ui/shown-error';
import { SITE_STATUS_KEYS } from '../ui/tones';
import {
  alertPlaceFeatures,
  coverageFeatures,
  municipalityCoverage,
  municipalityFeatures,
  qkdFeatures,
  siteFeatures,
} from './features';
import { FeaturesInView, type ViewFeature } from './features-in-view';
import { layerProblems, type LayerInput } from './layer-problems';
import { MapDetails } from './map-details';
import { MapLegend } from './map-legend';
import { MapSearch, type SearchEntry } from './map-search';
import { CLUSTER_ABOVE, type MapLayer } from './map-style';
import { LAYER_LABELS, MapToolbar } from './map-toolbar';
import {
  formatCamera,
  formatLayers,
  formatTarget,
  mapSearchSchema,
  parseCamera,
  parseLayers,
  parseTarget,
} from './map-url';
import {
  MapView,
  type Bounds,
  type Camera,
  type HoverInfo,
  type MapHandle,
  type MapTarget,
} from './map-view';
import { formatTimeOffset, parseTimeOffset } from './map-time';
import { describeSnapshot, MapTimeline, MODE_NAME } from './map-timeline';
import { useMapSnapshot } from './use-map-snapshot';
import { useSensorLayer } from './use-sensor-layer';

export interface TerritoryMapProps {
  defaultLayers: readonly MapLayer[];
  defaultPollutant?: Pollutant | 'all';
}

/** How a sensor is described in search results. */
const SENSOR_SEARCH_KIND: Record<Sensor['kind'], MessageKey> = {
  air: 'map.search.airSensor',
  traffic: 'map.search.trafficSensor',
  noise: 'map.search.noiseSensor',
  weather: 'map.search.weatherSensor',
};

const speedRatio = (speed: number, freeFlow: number | undefined) =>
  freeFlow ? Math.min(1, speed / freeFlow) : null;
const inside = ([lon, lat]: readonly [number, number], [w, s, e, n]: readonly number[]) =>
  lon >= w! && lon <= e! && lat >= s! && lat <= n!;

/** The live territory map with its layers, legend, search, details and text alternative. */
export function TerritoryMap({ defaultLayers, defaultPollutant = 'all' }: TerritoryMapProps) {
  const [search, setSearch] = useSearchState(mapSearchSchema);
  const t = useT();
  const theme = useTheme();
  const scale = useScreenScale();
  const visible = useMemo(() => parseLayers(search.layers, defaultLayers), [search.layers, defaultLayers]);
  const pollutant = search.pollutant ?? defaultPollutant;
  const selected = parseTarget(search.sel);

  const territory = useQuery(territoryQuery());
  const sites = useLiveQuery(sitesQuery());
  const wantsCoverage = visible.includes('coverage') || visible.includes('municipalities');
  const coverage = useLiveQuery({ ...coverageQuery(search.band), enabled: wantsCoverage });
  const sensors = useLiveQuery(sensorsQuery());
  const readings = useLiveQuery(readingsQuery());
  const wantsAlerts = visible.includes('security');
  // The time slider moves the sensor layers only.
  const sensorLayers = visible.includes('air') || visible.includes('traffic');
  // Public and presentation screens get places coarsened and QKD nodes generalised.
  const redact = useRedaction();
  const alerts = useLiveQuery({
    ...alertsQuery(),
    select: redact ? redactedAlertsSelect : undefined,
    enabled: wantsAlerts,
  });
  const qkdLinks = useLiveQuery({
    ...qkdLinksQuery(),
    select: redact ? redactedQkdLinksSelect : undefined,
    enabled: wantsAlerts || visible.includes('qkd'),
  });
  const territoryError = useShownError(territory);
  const shownErrors = {
    sites: useShownError(sites),
    coverage: useShownError(coverage),
    sensors: useShownError(sensors),
    readings: useShownError(readings),
    alerts: useShownError(alerts),
    qkdLinks: useShownError(qkdLinks),
  };
  const offset = parseTimeOffset(search.time);
  const snapshot = useMapSnapshot(offset);
  const live = snapshot.mode === 'live';
  const shown = live ? readings.data : snapshot.readings;
  const shownAt = live ? readings.dataUpdatedAt : shown ? Date.parse(shown.generatedAt) : 0;
  const lineage = live ? 'live' : `${snapshot.mode}:${shown?.generatedAt}`;
  const timeNote = live
    ? undefined
    : `${t(MODE_NAME[snapshot.mode])} ${describeSnapshot(offset, snapshot, t)}`;

  const mapRef = useRef<MapHandle>(null);
  const [hover, setHover] = useState<HoverInfo | null>(null);
  const [bounds, setBounds] = useState<Bounds | null>(null);

  const siteData = useMemo(() => (sites.data ? siteFeatures(sites.data.items) : null), [sites.data]);
  const coverageData = useMemo(
    () => (coverage.data ? coverageFeatures(coverage.data.cells, coverage.data.hexRadiusM) : null),
    [coverage.data],
  );
  const shares = useMemo(
    () =>
      territory.data && coverage.data ? municipalityCoverage(territory.data, coverage.data.cells) : null,
    [territory.data, coverage.data],
  );
  const municipalityData = useMemo(
    () => (territory.data ? municipalityFeatures(territory.data, shares) : null),
    [territory.data, shares],
  );
  const air = useSensorLayer('air', sensors.data?.items, shown, shownAt, territory.data, lineage);
  const traffic = useSensorLayer('traffic', sensors.data?.items, shown, shownAt, territory.data, lineage);
  const places = useMemo(
    () =>
      alerts.data && territory.data
        ? placesWithOpenAlerts(alerts.data.items, {
            territory: territory.data,
            sites: sites.data?.items,
            sensors: sensors.data?.items,
            qkdLinks: qkdLinks.data?.items,
          })
        : null,
    [alerts.data, territory.data, sites.data, sensors.data, qkdLinks.data],
  );
  const alertPlaceData = useMemo(() => (places ? alertPlaceFeatures(places, t) : null), [places, t]);
  const qkdData = useMemo(() => (qkdLinks.data ? qkdFeatures(qkdLinks.data.items) : null), [qkdLinks.data]);
  const clusterSensors = (sensors.data?.items.length ?? 0) > CLUSTER_ABOVE;

  const municipalityName = useCallback(
    (id: string) => territory.data?.municipalities.find((m) => m.id === id)?.name ?? id,
    [territory.data],
  );

  const entries = useMemo<SearchEntry[]>(() => {
    const list: SearchEntry[] = [];
    for (const m of territory.data?.municipalities ?? [])
      list.push({
        kind: 'municipality',
        id: m.id,
        name: m.name,
        position: m.centroid,
        description: t('map.search.municipality'),
      });
    for (const c of territory.data?.corridors ?? [])
      list.push({
        kind: 'corridor',
        id: c.id,
        name: c.name,
        position: c.path[Math.floor(c.path.length / 2)]!,
        description: t('map.search.corridor'),
      });
    for (const s of sites.data?.items ?? [])
      list.push({
        kind: 'site',
        id: s.id,
        name: s.name,
        position: s.location,
        description: t('map.search.site'),
      });
    for (const s of sensors.data?.items ?? [])
      list.push({
        kind: 'sensor',
        id: s.id,
        name: s.name,
        position: s.location,
        description: t(SENSOR_SEARCH_KIND[s.kind]),
      });
    return list;
  }, [territory.data, sites.data, sensors.data, t]);

  const inView = useMemo<ViewFeature[]>(() => {
    if (!bounds) return [];
    const list: ViewFeature[] = [];
    if (visible.includes('sites'))
      for (const s of sites.data?.items ?? [])
        if (inside(s.location, bounds))
          list.push({
            kind: 'site',
            id: s.id,
            name: s.name,
            layer: t(LAYER_LABELS.sites),
            state: t(SITE_STATUS_KEYS[s.status]),
            position: s.location,
          });
    for (const [layer, data] of [
      ['air', air],
      ['traffic', traffic],
    ] as const) {
      if (!visible.includes(layer) || !data) continue;
      for (const s of data.sensors) {
        if (!inside(s.location, bounds)) continue;
        const r = data.readings.get(s.id);
        const state = isSensorStale(s, r, data.now)
          ? t('map.notReporting')
          : r?.kind === 'air'
            ? // The band the map colours it by: the chosen pollutant's, or the index's.
              pollutant === 'all'
              ? t(EAQI_LABEL_KEYS[eaqiLevel(r.airQualityIndex as EaqiBand)])
              : `${POLLUTANT_LABELS[pollutant]} ${t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(pollutant, r[pollutant]))]).toLocaleLowerCase()}`
            : r?.kind === 'traffic'
              ? t(
                  CONGESTION_LABEL_KEYS[
                    r.congested
                      ? 'congested'
                      : congestionLevel(speedRatio(r.averageVehicleSpeed, data.freeFlow(s)))
                  ],
                )
              : t(CONGESTION_LABEL_KEYS.unknown);
        list.push({
          kind: 'sensor',
          id: s.id,
          name: s.name,
          layer: t(LAYER_LABELS[layer]),
          state,
          position: s.location,
        });
      }
    }
    if (visible.includes('municipalities'))
      for (const m of territory.data?.municipalities ?? [])
        if (inside(m.centroid, bounds)) {
          const share = shares?.get(m.id);
          list.push({
            kind: 'municipality',
            id: m.id,
            name: m.name,
            layer: t('map.inView.municipalities'),
            state:
              share === undefined ? '—' : t('map.inView.goodSignal', { percent: Math.round(share * 100) }),
            position: m.centroid,
          });
        }
    return list;
  }, [bounds, visible, sites.data, air, traffic, territory.data, shares, pollutant, t]);

  // A selection made elsewhere (a link, a list, an alert's "Show on the map") is brought into view.
  const selectedPosition = useMemo((): readonly [number, number] | undefined => {
    if (!selected) return undefined;
    const { kind, id } = selected;
    if (kind === 'site') return sites.data?.items.find((x) => x.id === id)?.location;
    if (kind === 'sensor') return sensors.data?.items.find((x) => x.id === id)?.location;
    if (kind === 'municipality') return territory.data?.municipalities.find((x) => x.id === id)?.centroid;
    if (kind === 'alert-place') return places?.find((x) => x.key === id)?.position;
    if (kind === 'corridor') {
      const path = territory.data?.corridors.find((x) => x.id === id)?.path;
      return path?.[Math.floor(path.length / 2)];
    }
    const link = qkdLinks.data?.items.find((x) => x.id === id);
    if (!link) return undefined;
    const [a, b] = link.endpoints;
    return [(a.location[0] + b.location[0]) / 2, (a.location[1] + b.location[1]) / 2];
  }, [selected, sites.data, sensors.data, territory.data, places, qkdLinks.data]);
  const broughtIntoView = useRef<string | null>(null);
  const [targetLon, targetLat] = selectedPosition ?? [];
  useEffect(() => {
    if (!search.sel || targetLon === undefined || targetLat === undefined || !bounds) return;
    if (broughtIntoView.current === search.sel) return;
    broughtIntoView.current = search.sel;
    if (!inside([targetLon, targetLat], bounds)) mapRef.current?.flyTo([targetLon, targetLat]);
  }, [search.sel, targetLon, targetLat, bounds]);

  const select = useCallback(
    (target: MapTarget | null) => setSearch({ sel: formatTarget(target) }),
    [setSearch],
  );
  // While another view is loading, a camera write would replace that navigation: let it land first.
  const navigating = useNavigation().state !== 'idle';
  // The map writes its camera to `at=`; a camera set from outside (a presentation's scene, an
  // edited link) is flown to.
  const writtenCamera = useRef(search.at);
  // The end of a flight to a camera set from outside is not written back: the URL holds that camera
  // already, and a flight cut short would write where it stopped over the scene that set it. Nor is
  // the camera the map opens with (the link's, or the territory's whole extent) or keeps through a
  // resize: written as the map loads, it would overtake a view or scene chosen meanwhile.
  const flyingFromOutside = useRef(false);
  const onMoveEnd = useCallback(
    (camera: Camera, visibleBounds: Bounds, moved: boolean) => {
      if (flyingFromOutside.current) flyingFromOutside.current = false;
      else if (moved && !navigating && formatCamera(camera) !== writtenCamera.current) {
        writtenCamera.current = formatCamera(camera);
        setSearch({ at: writtenCamera.current });
      }
      setBounds(visibleBounds);
    },
    [setSearch, navigating],
  );
  useEffect(() => {
    if (!search.at || search.at === writtenCamera.current) return;
    writtenCamera.current = search.at;
    const target = parseCamera(search.at, null);
    if (!target || !mapRef.current) return;
    flyingFromOutside.current = true;
    mapRef.current.flyTo(target.centre, target.zoom);
  }, [search.at]);

  if (!territory.data) {
    return (
      <section className="territory-map territory-map--empty" aria-label={t('shell.mapPanel')}>
        {territoryError ? (
          <p role="alert">{t('map.cannotDraw', { error: describeError(territoryError) })}</p>
        ) : (
          <p aria-busy="true">{t('map.loadingTerritory')}</p>
        )}
      </section>
    );
  }

  const world = territory.data;
  const camera = parseCamera(search.at, null);
  const site = selected?.kind === 'site' ? sites.data?.items.find((s) => s.id === selected.id) : undefined;
  const sensor =
    selected?.kind === 'sensor' ? sensors.data?.items.find((s) => s.id === selected.id) : undefined;
  const municipality =
    selected?.kind === 'municipality' ? world.municipalities.find((m) => m.id === selected.id) : undefined;
  const corridor =
    selected?.kind === 'corridor' ? world.corridors.find((c) => c.id === selected.id) : undefined;
  const corridorStatus =
    corridor && sensors.data && shown
      ? corridorStatuses([corridor], sensorRows(sensors.data.items, shown.bySensor, 'traffic', shownAt))[0]
      : undefined;
  const input = (query: UseQueryResult<unknown, unknown>, error: unknown): LayerInput => ({
    hasData: query.data !== undefined,
    error,
    isError: query.isError,
    dataUpdatedAt: query.dataUpdatedAt,
  });
  const sensorInputs = [input(sensors, shownErrors.sensors)];
  // Away from now, the readings come from the time slider's snapshot.
  if (live) sensorInputs.push(input(readings, shownErrors.readings));
  const problems = layerProblems(
    [
      {
        label: LAYER_LABELS.sites,
        shown: visible.includes('sites'),
        queries: [input(sites, shownErrors.sites)],
      },
      {
        label: LAYER_LABELS.coverage,
        shown: wantsCoverage,
        queries: [input(coverage, shownErrors.coverage)],
      },
      { label: 'map.error.sensors', shown: sensorLayers, queries: sensorInputs },
      { label: LAYER_LABELS.security, shown: wantsAlerts, queries: [input(alerts, shownErrors.alerts)] },
      {
        label: LAYER_LABELS.qkd,
        shown: visible.includes('qkd'),
        queries: [input(qkdLinks, shownErrors.qkdLinks)],
      },
    ],
    t,
  );
  if (snapshot.error && !shown)
    problems.failed.push(
      `${t(snapshot.mode === 'forecast' ? 'map.error.forecasts' : 'map.error.past')}: ${describeError(snapshot.error)}`,
    );

  return (
    <section className="territory-map" aria-label={t('shell.mapPanel')}>
      <div className="territory-map__bar">
        <MapToolbar
          visible={visible}
          onToggle={(layer) =>
            setSearch({
              layers: formatLayers(
                visible.includes(layer) ? visible.filter((l) => l !== layer) : [...visible, layer],
              ),
            })
          }
          pollutant={pollutant}
          onPollutant={(p) => setSearch({ pollutant: p })}
          band={search.band}
          onBand={(band) => setSearch({ band })}
          coverageMetric={search.cov}
          onCoverageMetric={(cov) => setSearch({ cov })}
        />
        <MapSearch
          entries={entries}
          onPick={(entry) => {
            broughtIntoView.current = formatTarget(entry) ?? null;
            mapRef.current?.flyTo(entry.position, entry.kind === 'municipality' ? 12 : 13);
            select(entry);
          }}
        />
      </div>
      {problems.failed.length > 0 && (
        <div className="territory-map__errors" role="alert">
          {problems.failed.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {problems.stale.length > 0 && (
        <div role="status">
          {problems.stale.map((note) => (
            <p key={note} className="panel__status panel__status--stale">
              <span aria-hidden="true">⚠ </span>
              {note}
            </p>
          ))}
        </div>
      )}
      {(sensorLayers || !live) && (
        <MapTimeline
          offset={offset}
          onOffset={(minutes) => setSearch({ time: formatTimeOffset(minutes) })}
          snapshot={snapshot}
        />
      )}
      <div className={`territory-map__stage territory-map__stage--${snapshot.mode}`}>
        {!live && (
          <p className={`map-time-badge map-time-badge--${snapshot.mode}`} aria-hidden="true">
            {timeNote}
          </p>
        )}
        <MapView
          ref={mapRef}
          territory={world}
          styleUrl={import.meta.env.VITE_MAP_STYLE_URL || undefined}
          options={{
            theme,
            scale,
            pollutant,
            coverageMetric: search.cov,
            clusterSensors,
            timeMode: snapshot.mode,
          }}
          visible={visible}
          camera={camera}
          sites={siteData}
          coverage={coverageData}
          municipalities={municipalityData!}
          air={air}
          traffic={traffic}
          alertPlaces={alertPlaceData}
          qkd={qkdData}
          selected={selected}
          onSelect={select}
          onHover={setHover}
          onMoveEnd={onMoveEnd}
        />
        {hover && (
          <div className="map-tooltip" style={{ left: hover.x, top: hover.y }} role="tooltip">
            {hover.name}
          </div>
        )}
        {selected && (
          <MapDetails
            target={selected}
            site={site}
            sensor={sensor}
            reading={sensor ? shown?.bySensor.get(sensor.id) : undefined}
            prediction={sensor ? snapshot.predicted?.predictions.get(sensor.id) : undefined}
            timeView={live || !shown ? undefined : { note: timeNote!, atMs: shownAt }}
            municipality={municipality}
            corridor={corridorStatus}
            qkdLink={
              selected.kind === 'qkd-link'
                ? qkdLinks.data?.items.find((l) => l.id === selected.id)
                : undefined
            }
            alertPlace={
              selected.kind === 'alert-place' ? places?.find((p) => p.key === selected.id) : undefined
            }
            municipalityName={municipalityName}
            coverageShare={municipality ? shares?.get(municipality.id) : undefined}
            sitesInMunicipality={
              municipality
                ? sites.data?.items.filter((s) => s.municipalityId === municipality.id).length
                : undefined
            }
            pollutant={pollutant}
            onClose={() => select(null)}
          />
        )}
      </div>
      <MapLegend
        visible={visible}
        clustered={clusterSensors}
        pollutant={pollutant}
        coverageMetric={search.cov}
        band={search.band}
        timeMode={snapshot.mode}
      />
      <FeaturesInView
        features={inView}
        selected={selected}
        onSelect={(target) => {
          const feature = inView.find((f) => f.kind === target.kind && f.id === target.id);
          broughtIntoView.current = formatTarget(target) ?? null;
          if (feature) mapRef.current?.flyTo(feature.position);
          select(target);
        }}
      />
    </section>
  );
}
