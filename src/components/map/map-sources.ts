import type { SourceSpecification } from 'maplibre-gl';
import type { Territory } from '../../api/schemas/territory';
import { metroOutlineFeature, municipalityLabelFeatures, pathFeatures } from './features';

/** The map's GeoJSON sources, by what they hold. */
export const SOURCE = {
  municipalities: 'municipalities',
  labels: 'municipality-labels',
  corridors: 'corridors',
  waterways: 'waterways',
  boundary: 'metro-boundary',
  sites: 'sites',
  coverage: 'coverage',
  air: 'air-sensors',
  traffic: 'traffic-sensors',
  alertPlaces: 'alert-places',
  qkdLinks: 'qkd-links',
  qkdNodes: 'qkd-nodes',
  healthFacilities: 'health-facilities',
  healthPath: 'health-path',
} as const;

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };
const geojson = (extra: Partial<SourceSpecification> = {}): SourceSpecification =>
  ({ type: 'geojson', data: emptyCollection, promoteId: 'id', ...extra }) as SourceSpecification;

/** Clustered sensors come apart into single points past this zoom. */
const CLUSTER_MAX_ZOOM = 11;

export function overlaySources(clusterSensors: boolean): Record<string, SourceSpecification> {
  const cluster = clusterSensors
    ? { cluster: true, clusterMaxZoom: CLUSTER_MAX_ZOOM, clusterRadius: 40 }
    : {};
  return {
    [SOURCE.coverage]: geojson(),
    [SOURCE.sites]: geojson(),
    [SOURCE.alertPlaces]: geojson(),
    [SOURCE.qkdLinks]: geojson(),
    [SOURCE.qkdNodes]: geojson(),
    [SOURCE.healthFacilities]: geojson(),
    [SOURCE.healthPath]: geojson(),
    [SOURCE.air]: geojson({
      ...cluster,
      ...(clusterSensors ? { clusterProperties: { worst: ['max', ['get', 'band']] } } : {}),
    }),
    [SOURCE.traffic]: geojson({
      ...cluster,
      ...(clusterSensors
        ? { clusterProperties: { congested: ['+', ['case', ['==', ['get', 'level'], 'congested'], 1, 0]] } }
        : {}),
    }),
  };
}

/** The territory's own basemap data: municipalities (filled in later), labels, roads, water, outline. */
export function basemapSources(territory: Territory): Record<string, SourceSpecification> {
  return {
    [SOURCE.municipalities]: geojson(),
    [SOURCE.labels]: { type: 'geojson', data: municipalityLabelFeatures(territory) },
    [SOURCE.corridors]: { type: 'geojson', promoteId: 'id', data: pathFeatures(territory.corridors) },
    [SOURCE.waterways]: { type: 'geojson', data: pathFeatures(territory.waterways) },
    [SOURCE.boundary]: { type: 'geojson', data: metroOutlineFeature(territory) },
  };
}
