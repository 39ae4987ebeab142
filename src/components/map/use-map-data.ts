import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { coverageQuery, sitesQuery } from '../../api/queries/network';
import { alertsQuery, qkdLinksQuery } from '../../api/queries/security';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import type { Band } from '../../api/schemas/network';
import { useLiveQuery } from '../../hooks/use-live-query';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { placesWithOpenAlerts } from '../../lib/alert-places';
import { describeError } from '../ui/error-text';
import { useShownError } from '../ui/shown-error';
import { devicesByFacility } from '../../lib/health';
import type { Target } from '../../lib/selection';
import { describeFacility } from './health-words';
import {
  alertPlaceFeatures,
  devicePathFeatures,
  facilityFeatures,
  coverageFeatures,
  municipalityCoverage,
  municipalityFeatures,
  qkdFeatures,
  siteFeatures,
} from './features';
import { layerProblems, type LayerInput } from './layer-problems';
import type { MapLayer } from './map-style';
import { LAYER_LABELS } from './map-toolbar';
import { describeSnapshot, MODE_NAME } from './map-timeline';
import { useMapSnapshot } from './use-map-snapshot';
import { useSensorLayer } from './use-sensor-layer';

/**
 * Everything the territory map draws, fetched only for the layers on: the territory, sites,
 * coverage, sensors with the readings at the map's time, open alerts' places and QKD links, as
 * map data and as records.
 */
export function useMapData(
  visible: readonly MapLayer[],
  band: Band,
  offset: number,
  selected: Target | null | undefined,
) {
  const t = useT();
  const territory = useQuery(territoryQuery());
  const sites = useLiveQuery(sitesQuery());
  const wantsCoverage = visible.includes('coverage') || visible.includes('municipalities');
  const coverage = useLiveQuery({ ...coverageQuery(band), enabled: wantsCoverage });
  const sensors = useLiveQuery(sensorsQuery());
  const readings = useLiveQuery(readingsQuery());
  const wantsAlerts = visible.includes('security');
  const alerts = useLiveQuery({ ...alertsQuery(), enabled: wantsAlerts });
  const qkdLinks = useLiveQuery({ ...qkdLinksQuery(), enabled: wantsAlerts || visible.includes('qkd') });
  const wantsHealth =
    visible.includes('health') || selected?.kind === 'device' || selected?.kind === 'facility';
  const facilities = useLiveQuery({ ...facilitiesQuery(), enabled: wantsHealth });
  const devices = useLiveQuery({ ...devicesQuery(), enabled: wantsHealth });
  const territoryError = useShownError(territory);
  const errors = {
    sites: useShownError(sites),
    coverage: useShownError(coverage),
    sensors: useShownError(sensors),
    readings: useShownError(readings),
    alerts: useShownError(alerts),
    qkdLinks: useShownError(qkdLinks),
    facilities: useShownError(facilities),
    devices: useShownError(devices),
  };

  const snapshot = useMapSnapshot(offset);
  const live = snapshot.mode === 'live';
  const shown = live ? readings.data : snapshot.readings;
  const shownAt = live ? readings.dataUpdatedAt : shown ? Date.parse(shown.generatedAt) : 0;
  const lineage = live ? 'live' : `${snapshot.mode}:${shown?.generatedAt}`;
  const timeNote = live
    ? undefined
    : `${t(MODE_NAME[snapshot.mode])} ${describeSnapshot(offset, snapshot, t)}`;

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
        : undefined,
    [alerts.data, territory.data, sites.data, sensors.data, qkdLinks.data],
  );
  const alertPlaceData = useMemo(() => (places ? alertPlaceFeatures(places, t) : null), [places, t]);
  const qkdData = useMemo(() => (qkdLinks.data ? qkdFeatures(qkdLinks.data.items) : null), [qkdLinks.data]);
  const devicesAt = useMemo(() => devicesByFacility(devices.data?.items ?? []), [devices.data]);
  const facilityData = useMemo(
    () =>
      facilities.data
        ? facilityFeatures(facilities.data.items, devicesAt, (f) =>
            describeFacility(f, devicesAt.get(f.id), t),
          )
        : null,
    [facilities.data, devicesAt, t],
  );
  const selectedDevice =
    selected?.kind === 'device' ? devices.data?.items.find((d) => d.id === selected.id) : undefined;
  const pathData = useMemo(
    () => (selectedDevice ? devicePathFeatures(selectedDevice) : EMPTY_COLLECTION),
    [selectedDevice],
  );

  const input = (query: UseQueryResult<unknown, unknown>, error: unknown): LayerInput => ({
    hasData: query.data !== undefined,
    error,
    isError: query.isError,
    dataUpdatedAt: query.dataUpdatedAt,
  });
  const sensorInputs = [input(sensors, errors.sensors)];
  // Away from now, the readings come from the time slider's snapshot.
  if (live) sensorInputs.push(input(readings, errors.readings));
  const problems = layerProblems(
    [
      { label: LAYER_LABELS.sites, shown: visible.includes('sites'), queries: [input(sites, errors.sites)] },
      { label: LAYER_LABELS.coverage, shown: wantsCoverage, queries: [input(coverage, errors.coverage)] },
      {
        label: 'map.error.sensors',
        shown: visible.includes('air') || visible.includes('traffic'),
        queries: sensorInputs,
      },
      { label: LAYER_LABELS.security, shown: wantsAlerts, queries: [input(alerts, errors.alerts)] },
      {
        label: LAYER_LABELS.qkd,
        shown: visible.includes('qkd'),
        queries: [input(qkdLinks, errors.qkdLinks)],
      },
      {
        label: LAYER_LABELS.health,
        shown: wantsHealth,
        queries: [input(facilities, errors.facilities), input(devices, errors.devices)],
      },
    ],
    t,
  );
  if (snapshot.error && !shown) problems.failed.push(snapshotProblem(snapshot.mode, snapshot.error, t));

  return {
    territory: territory.data,
    territoryError,
    sites: sites.data?.items,
    sensors: sensors.data?.items,
    qkdLinks: qkdLinks.data?.items,
    places,
    facilities: facilities.data?.items,
    devices: devices.data?.items,
    devicesAt,
    shares,
    snapshot,
    /** The readings drawn (live, or of the slider's time), and when they were observed or predicted for. */
    shown,
    shownAt,
    /** The map's time in words, when it is not live. */
    timeNote,
    layers: {
      sites: siteData,
      coverage: coverageData,
      municipalities: municipalityData,
      air,
      traffic,
      alertPlaces: alertPlaceData,
      qkd: qkdData,
      health: facilityData && { facilities: facilityData, path: pathData },
    },
    problems,
  };
}

const EMPTY_COLLECTION: FeatureCollection = { type: 'FeatureCollection', features: [] };

const snapshotProblem = (mode: string, error: Error, t: Translate) =>
  `${t(mode === 'forecast' ? 'map.error.forecasts' : 'map.error.past')}: ${describeError(error)}`;

export type MapData = ReturnType<typeof useMapData>;
