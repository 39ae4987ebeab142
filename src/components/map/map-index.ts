import type { Pollutant } from '../../api/schemas/forecasts';
import type { Device, Facility } from '../../api/schemas/health';
import type { Site } from '../../api/schemas/network';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import type { Territory } from '../../api/schemas/territory';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS, type EaqiBand } from '../../lib/eaqi';
import { formatPercent } from '../../lib/format';
import { isSensorStale } from '../../lib/sensors';
import { CONGESTION_LABEL_KEYS, congestionLevel } from '../../lib/traffic';
import { FACILITY_KIND_KEYS, SITE_STATUS_KEYS } from '../ui/tones';
import { facilityState } from './health-words';
import type { ViewFeature } from './features-in-view';
import type { MapLayer } from './map-style';
import type { SearchEntry } from './map-search';
import { LAYER_LABELS } from './map-toolbar';
import type { SensorLayerData } from './sensor-source-diff';

/** How a sensor is described in search results. */
const SENSOR_SEARCH_KIND: Record<Sensor['kind'], MessageKey> = {
  air: 'map.search.airSensor',
  traffic: 'map.search.trafficSensor',
  noise: 'map.search.noiseSensor',
  weather: 'map.search.weatherSensor',
};

export interface SearchSources {
  territory: Territory | undefined;
  sites: readonly Site[] | undefined;
  sensors: readonly Sensor[] | undefined;
  facilities: readonly Facility[] | undefined;
  devices: readonly Device[] | undefined;
}

/** What the map's search finds: municipalities, corridors, sites, sensors, health facilities and devices. */
export function searchEntries(
  { territory, sites, sensors, facilities, devices }: SearchSources,
  t: Translate,
): SearchEntry[] {
  const list: SearchEntry[] = [];
  for (const m of territory?.municipalities ?? [])
    list.push({
      kind: 'municipality',
      id: m.id,
      name: m.name,
      position: m.centroid,
      description: t('map.search.municipality'),
    });
  for (const c of territory?.corridors ?? [])
    list.push({
      kind: 'corridor',
      id: c.id,
      name: c.name,
      position: c.path[Math.floor(c.path.length / 2)]!,
      description: t('map.search.corridor'),
    });
  for (const s of sites ?? [])
    list.push({
      kind: 'site',
      id: s.id,
      name: s.name,
      position: s.location,
      description: t('map.search.site'),
    });
  for (const s of sensors ?? [])
    list.push({
      kind: 'sensor',
      id: s.id,
      name: s.name,
      position: s.location,
      description: t(SENSOR_SEARCH_KIND[s.kind]),
    });
  for (const f of facilities ?? [])
    list.push({
      kind: 'facility',
      id: f.id,
      name: f.name,
      position: f.location,
      description: t(FACILITY_KIND_KEYS[f.kind]),
    });
  const facilityName = new Map(facilities?.map((f) => [f.id, f.name]));
  for (const d of devices ?? [])
    list.push({
      kind: 'device',
      id: d.id,
      name: d.name,
      position: d.location,
      description: t('map.search.device', { facility: facilityName.get(d.facilityId) ?? d.facilityId }),
    });
  return list;
}

const speedRatio = (speed: number, freeFlow: number | undefined) =>
  freeFlow ? Math.min(1, speed / freeFlow) : null;

/** A sensor's state in words: the band the map colours it by, or that it is not reporting. */
export function sensorState(
  sensor: Sensor,
  reading: Reading | undefined,
  layer: SensorLayerData,
  pollutant: Pollutant | 'all',
  t: Translate,
): string {
  if (isSensorStale(sensor, reading, layer.now)) return t('map.notReporting');
  if (reading?.kind === 'air')
    return pollutant === 'all'
      ? t(EAQI_LABEL_KEYS[eaqiLevel(reading.airQualityIndex as EaqiBand)])
      : `${POLLUTANT_LABELS[pollutant]} ${t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(pollutant, reading[pollutant]))]).toLocaleLowerCase()}`;
  if (reading?.kind === 'traffic')
    return t(
      CONGESTION_LABEL_KEYS[
        reading.congested
          ? 'congested'
          : congestionLevel(speedRatio(reading.averageVehicleSpeed, layer.freeFlow(sensor)))
      ],
    );
  return t(CONGESTION_LABEL_KEYS.unknown);
}

export interface InViewSources {
  territory: Territory | undefined;
  sites: readonly Site[] | undefined;
  air: SensorLayerData | null;
  traffic: SensorLayerData | null;
  shares: ReadonlyMap<string, number> | null;
  facilities: readonly Facility[] | undefined;
  devicesAt: ReadonlyMap<string, readonly Device[]>;
}

const inside = ([lon, lat]: readonly [number, number], [w, s, e, n]: readonly number[]) =>
  lon >= w! && lon <= e! && lat >= s! && lat <= n!;

/** The map's text alternative: each feature of the layers on that lies in `bounds`, with its state. */
export function featuresInView(
  bounds: readonly number[],
  visible: readonly MapLayer[],
  data: InViewSources,
  pollutant: Pollutant | 'all',
  t: Translate,
): ViewFeature[] {
  const list: ViewFeature[] = [];
  if (visible.includes('sites'))
    for (const s of data.sites ?? [])
      if (inside(s.location, bounds))
        list.push({
          kind: 'site',
          id: s.id,
          name: s.name,
          layer: t(LAYER_LABELS.sites),
          state: t(SITE_STATUS_KEYS[s.status]),
          position: s.location,
        });
  for (const layer of ['air', 'traffic'] as const) {
    const sensors = data[layer];
    if (!visible.includes(layer) || !sensors) continue;
    for (const s of sensors.sensors)
      if (inside(s.location, bounds))
        list.push({
          kind: 'sensor',
          id: s.id,
          name: s.name,
          layer: t(LAYER_LABELS[layer]),
          state: sensorState(s, sensors.readings.get(s.id), sensors, pollutant, t),
          position: s.location,
        });
  }
  if (visible.includes('health'))
    for (const f of data.facilities ?? [])
      if (inside(f.location, bounds))
        list.push({
          kind: 'facility',
          id: f.id,
          name: f.name,
          layer: t(FACILITY_KIND_KEYS[f.kind]),
          state: facilityState(data.devicesAt.get(f.id), t),
          position: f.location,
        });
  if (visible.includes('municipalities'))
    for (const m of data.territory?.municipalities ?? [])
      if (inside(m.centroid, bounds)) {
        const share = data.shares?.get(m.id);
        list.push({
          kind: 'municipality',
          id: m.id,
          name: m.name,
          layer: t('map.inView.municipalities'),
          state: share === undefined ? '—' : t('map.inView.covered', { percent: formatPercent(share) }),
          position: m.centroid,
        });
      }
  return list;
}
