import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { Pollutant } from '../../api/schemas/forecasts';
import type { Territory } from '../../api/schemas/territory';
import type { Theme } from '../../store/ui-store';
import type { TimeMode } from './map-time';
import {
  CONGESTION_CLASSES,
  DL_CLASSES,
  EAQI_CLASSES,
  POPULATION_COVERAGE_CLASSES,
  RSRP_CLASS_COLOURS,
  SITE_STATUS_CLASSES,
  STALE_COLOUR,
  QKD_STATE_CLASSES,
  SEVERITY_CLASSES,
  MMWAVE_COLOUR,
  inTheme,
  shade,
} from './palettes';
import type { TargetKind } from '../../lib/selection';

/** The map's overlay layers, each toggled as a whole by the user. */
export const MAP_LAYERS = [
  'municipalities',
  'coverage',
  'traffic',
  'air',
  'qkd',
  'sites',
  'security',
] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
export type CoverageMetric = 'rsrp' | 'dl';

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
} as const;

/** Which style layers make up each user-facing layer (toggled together). */
export const STYLE_LAYERS: Record<MapLayer, string[]> = {
  municipalities: ['municipalities-choropleth', 'municipalities-periphery'],
  coverage: ['coverage-fill'],
  traffic: ['traffic-clusters', 'traffic-cluster-counts', 'traffic-points'],
  air: ['air-clusters', 'air-cluster-counts', 'air-points'],
  sites: ['sites-mmwave', 'sites-points', 'sites-labels'],
  qkd: ['qkd-link-lines', 'qkd-node-points'],
  security: ['alert-places'],
};

/** Layers that answer hover and click, with the kind of thing they hold. */
export const INTERACTIVE_LAYERS: Record<string, TargetKind> = {
  'alert-places': 'alert-place',
  'sites-points': 'site',
  'qkd-link-lines': 'qkd-link',
  'air-points': 'sensor',
  'traffic-points': 'sensor',
  'municipalities-choropleth': 'municipality',
  'corridor-highlight': 'corridor',
};

interface BaseColours {
  background: string;
  land: string;
  outline: string;
  boundary: string;
  road: string;
  water: string;
  label: string;
  halo: string;
  marker: string;
  /** Ring of a sensor whose colour is a prediction, not an observation. */
  forecast: string;
}

export const BASE_COLOURS: Record<Theme, BaseColours> = {
  dark: {
    background: '#0b0f14',
    land: '#1a222c',
    outline: '#64738a',
    boundary: '#9fb3c8',
    road: '#6f7a87',
    water: '#2a5d8a',
    label: '#dfe6ee',
    halo: '#0b0f14',
    marker: '#ffffff',
    forecast: '#d9a6ff',
  },
  light: {
    background: '#e9edf1',
    land: '#fbfbf8',
    outline: '#7d8894',
    boundary: '#3f4b59',
    road: '#8c857a',
    water: '#9cc3e4',
    label: '#1f2933',
    halo: '#ffffff',
    marker: '#111827',
    forecast: '#7b1fa2',
  },
};

/** Colour by a property that holds one of the classes' values. */
function matchColour(
  property: ExpressionSpecification,
  classes: { value: string; colour: string }[],
  fallback: string,
) {
  return [
    'match',
    property,
    ...classes.flatMap((c) => [c.value, c.colour]),
    fallback,
  ] as ExpressionSpecification;
}

/** Colour by the first class whose lower bound a numeric property reaches (classes best first). */
function stepColour(property: ExpressionSpecification, classes: { min: number; colour: string }[]) {
  const ascending = [...classes].reverse();
  return [
    'step',
    property,
    ascending[0]!.colour,
    ...ascending.slice(1).flatMap((c) => [c.min, c.colour]),
  ] as ExpressionSpecification;
}

/** A sensor's colour unless it went quiet, then grey. */
const unlessStale = (colour: ExpressionSpecification): ExpressionSpecification => [
  'case',
  ['==', ['get', 'stale'], true],
  STALE_COLOUR,
  colour,
];

export function airColour(pollutant: Pollutant | 'all'): ExpressionSpecification {
  const band: ExpressionSpecification = [
    'to-string',
    ['get', pollutant === 'all' ? 'band' : `band_${pollutant}`],
  ];
  return unlessStale(matchColour(band, EAQI_CLASSES, STALE_COLOUR));
}

export const trafficColour = (theme: Theme): ExpressionSpecification =>
  unlessStale(matchColour(['get', 'level'], inTheme(CONGESTION_CLASSES, theme), STALE_COLOUR));

export const siteColour = (): ExpressionSpecification =>
  matchColour(['get', 'status'], SITE_STATUS_CLASSES, STALE_COLOUR);

export function coverageColour(metric: CoverageMetric): ExpressionSpecification {
  return metric === 'rsrp'
    ? matchColour(['get', 'rsrpClass'], RSRP_CLASS_COLOURS, STALE_COLOUR)
    : stepColour(['get', 'dl'], DL_CLASSES);
}

export const populationCoverageColour = (): ExpressionSpecification => [
  'case',
  ['==', ['get', 'coverage'], null],
  'rgba(0,0,0,0)',
  stepColour(['get', 'coverage'], POPULATION_COVERAGE_CLASSES),
];

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };
const geojson = (extra: Partial<SourceSpecification> = {}): SourceSpecification =>
  ({ type: 'geojson', data: emptyCollection, promoteId: 'id', ...extra }) as SourceSpecification;

/** Sensors cluster at low zoom when there are too many to draw one by one. */
export const CLUSTER_ABOVE = 3000;
const CLUSTER_MAX_ZOOM = 11;

/** The territory's own basemap: drawn from the territory API, no tiles, fonts or sprites fetched. */
export function basemapLayers(theme: Theme): LayerSpecification[] {
  const c = BASE_COLOURS[theme];
  return [
    { id: 'land', type: 'fill', source: SOURCE.municipalities, paint: { 'fill-color': c.land } },
    {
      id: 'water',
      type: 'line',
      source: SOURCE.waterways,
      paint: { 'line-color': c.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 4] },
    },
    {
      id: 'municipality-outline',
      type: 'line',
      source: SOURCE.municipalities,
      paint: { 'line-color': c.outline, 'line-width': 0.8 },
    },
    {
      id: 'roads',
      type: 'line',
      source: SOURCE.corridors,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.road,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          ['match', ['get', 'kind'], 'motorway', 2, 1.2],
          13,
          ['match', ['get', 'kind'], 'motorway', 6, 3],
        ],
      },
    },
    {
      // Wider than the road and invisible until hovered or selected, so a corridor is easy to pick.
      id: 'corridor-highlight',
      type: 'line',
      source: SOURCE.corridors,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.marker,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 7, 13, 14],
        'line-opacity': [
          'case',
          ['boolean', ['feature-state', 'selected'], false],
          0.75,
          ['boolean', ['feature-state', 'hover'], false],
          0.4,
          0,
        ],
      },
    },
    {
      id: 'metro-boundary',
      type: 'line',
      source: SOURCE.boundary,
      paint: { 'line-color': c.boundary, 'line-width': 2.5 },
    },
  ];
}

export function labelLayers(theme: Theme): LayerSpecification[] {
  const c = BASE_COLOURS[theme];
  return [
    {
      id: 'municipality-labels',
      type: 'symbol',
      source: SOURCE.labels,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          ['case', ['==', ['get', 'id'], 'milano'], 16, 11],
          12,
          16,
        ],
        'symbol-sort-key': ['-', 0, ['get', 'population']],
        'text-padding': 4,
      },
      paint: { 'text-color': c.label, 'text-halo-color': c.halo, 'text-halo-width': 1.6 },
    },
  ];
}

export interface OverlayOptions {
  theme: Theme;
  /** Size of marks and labels against a 1920-pixel-wide screen, so a wall at 4K reads the same. */
  scale: number;
  pollutant: Pollutant | 'all';
  coverageMetric: CoverageMetric;
  clusterSensors: boolean;
  /** Whether the sensors show live readings, a past time or a prediction. */
  timeMode: TimeMode;
}

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

const sensorRadius: DataDrivenPropertyValueSpecification<number> = [
  'interpolate',
  ['linear'],
  ['zoom'],
  8,
  3.5,
  12,
  6,
  15,
  9,
];

/** How many sensors a cluster holds, written on it. */
const clusterCount = (id: string, source: string): LayerSpecification => ({
  id,
  type: 'symbol',
  source,
  filter: ['has', 'point_count'],
  layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': ['sans-serif'], 'text-size': 12 },
  paint: { 'text-color': '#000000', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
});

/** Overlay layers in drawing order, bottom first. */
export function overlayLayers({
  theme,
  pollutant,
  coverageMetric,
  timeMode,
}: OverlayOptions): LayerSpecification[] {
  const c = BASE_COLOURS[theme];
  // Predicted values keep their class colour, ringed so they are never taken for observations.
  const predicted = timeMode === 'forecast';
  const sensorRing = predicted ? c.forecast : c.marker;
  const selectedOrHovered: ExpressionSpecification = [
    'any',
    ['boolean', ['feature-state', 'selected'], false],
    ['boolean', ['feature-state', 'hover'], false],
  ];
  const isCluster: ExpressionSpecification = ['has', 'point_count'];
  return [
    {
      id: 'municipalities-choropleth',
      type: 'fill',
      source: SOURCE.municipalities,
      paint: { 'fill-color': populationCoverageColour(), 'fill-opacity': 0.75 },
    },
    {
      id: 'municipalities-periphery',
      type: 'line',
      source: SOURCE.municipalities,
      filter: ['==', ['get', 'peripheral'], true],
      paint: { 'line-color': c.boundary, 'line-width': 1.2, 'line-dasharray': [2, 2] },
    },
    {
      id: 'coverage-fill',
      type: 'fill',
      source: SOURCE.coverage,
      paint: {
        'fill-color': coverageColour(coverageMetric),
        'fill-opacity': 0.55,
        'fill-outline-color': 'rgba(0,0,0,0)',
      },
    },
    {
      id: 'traffic-clusters',
      type: 'circle',
      source: SOURCE.traffic,
      filter: isCluster,
      paint: {
        'circle-color': [
          'case',
          ['>', ['/', ['get', 'congested'], ['get', 'point_count']], 0.2],
          shade(CONGESTION_CLASSES[2]!.colour, theme),
          shade(CONGESTION_CLASSES[0]!.colour, theme),
        ],
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 10, 8, 500, 22],
        'circle-stroke-color': sensorRing,
        'circle-stroke-width': predicted ? 2.5 : 1,
        'circle-opacity': 0.85,
      },
    },
    clusterCount('traffic-cluster-counts', SOURCE.traffic),
    {
      id: 'traffic-points',
      type: 'circle',
      source: SOURCE.traffic,
      filter: ['!', isCluster],
      paint: {
        'circle-color': trafficColour(theme),
        'circle-radius': sensorRadius,
        'circle-stroke-color': sensorRing,
        'circle-stroke-width': ['case', selectedOrHovered, 3, predicted ? 1.4 : 0.6],
      },
    },
    {
      id: 'air-clusters',
      type: 'circle',
      source: SOURCE.air,
      filter: isCluster,
      paint: {
        'circle-color': matchColour(['to-string', ['get', 'worst']], EAQI_CLASSES, STALE_COLOUR),
        'circle-radius': ['interpolate', ['linear'], ['get', 'point_count'], 10, 9, 500, 24],
        'circle-stroke-color': sensorRing,
        'circle-stroke-width': predicted ? 2.5 : 1.2,
      },
    },
    clusterCount('air-cluster-counts', SOURCE.air),
    {
      id: 'air-points',
      type: 'circle',
      source: SOURCE.air,
      filter: ['!', isCluster],
      paint: {
        'circle-color': airColour(pollutant),
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 12, 9, 15, 12],
        'circle-stroke-color': sensorRing,
        'circle-stroke-width': ['case', selectedOrHovered, 3.5, predicted ? 2.5 : 1],
      },
    },
    {
      id: 'qkd-link-lines',
      type: 'line',
      source: SOURCE.qkdLinks,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': matchColour(['get', 'state'], inTheme(QKD_STATE_CLASSES, theme), STALE_COLOUR),
        'line-width': ['case', selectedOrHovered, 7, 4],
        // Told apart by pattern too: solid up, dashed degraded, dotted down.
        'line-dasharray': [
          'match',
          ['get', 'state'],
          'degraded',
          ['literal', [3, 1.5]],
          'down',
          ['literal', [0.5, 1.5]],
          ['literal', [1, 0]],
        ],
      },
    },
    {
      id: 'qkd-node-points',
      type: 'circle',
      source: SOURCE.qkdNodes,
      paint: {
        'circle-color': c.background,
        'circle-radius': 6,
        'circle-stroke-color': c.marker,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'sites-mmwave',
      type: 'circle',
      source: SOURCE.sites,
      filter: ['==', ['get', 'mmWave'], true],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 10, 13, 16],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': shade(MMWAVE_COLOUR, theme),
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'sites-points',
      type: 'circle',
      source: SOURCE.sites,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6.5, 13, 11],
        'circle-color': ['case', ['==', ['get', 'status'], 'offline'], 'rgba(0,0,0,0)', siteColour()],
        'circle-stroke-color': ['case', ['==', ['get', 'status'], 'offline'], siteColour(), c.marker],
        'circle-stroke-width': ['case', selectedOrHovered, 4, ['==', ['get', 'status'], 'offline'], 3, 1.2],
      },
    },
    {
      id: 'sites-labels',
      type: 'symbol',
      source: SOURCE.sites,
      // A site is named on the map while hovered or selected.
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['sans-serif'],
        'text-size': 15,
        'text-offset': [0, 1.4],
        'text-anchor': 'top',
        'text-allow-overlap': true,
      },
      paint: {
        'text-color': c.label,
        'text-halo-color': c.halo,
        'text-halo-width': 2,
        'text-opacity': ['case', selectedOrHovered, 1, 0],
      },
    },
    {
      // A ring around each place with open alerts, coloured by the worst of them; the place shows through.
      id: 'alert-places',
      type: 'circle',
      source: SOURCE.alertPlaces,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 11, 13, 18],
        'circle-stroke-color': matchColour(
          ['get', 'severity'],
          inTheme(SEVERITY_CLASSES, theme),
          STALE_COLOUR,
        ),
        'circle-stroke-width': ['case', selectedOrHovered, 6, 4],
      },
    },
  ];
}

/** The whole style of the offline map: basemap, overlays, and labels on top. */
export const backgroundLayer = (theme: Theme): LayerSpecification => ({
  id: 'background',
  type: 'background',
  paint: { 'background-color': BASE_COLOURS[theme].background },
});

/** Every layer of the map for the given options, sizes scaled for the screen. */
export function allLayers(options: OverlayOptions, withLand = true): LayerSpecification[] {
  const base = basemapLayers(options.theme).filter((l) => withLand || l.id !== 'land');
  return scaleLayers(
    [backgroundLayer(options.theme), ...base, ...overlayLayers(options), ...labelLayers(options.theme)],
    options.scale,
  );
}

export function offlineStyle(territory: Territory, options: OverlayOptions): StyleSpecification {
  return {
    version: 8,
    // No `glyphs`: labels are drawn locally from the browser's own fonts, so nothing is fetched.
    sources: { ...basemapSources(territory), ...overlaySources(options.clusterSensors) },
    layers: allLayers(options),
  };
}

/** Properties that are sizes in pixels. */
export const SIZE_PROPERTIES = [
  'text-size',
  'text-halo-width',
  'circle-radius',
  'circle-stroke-width',
  'line-width',
];

/** Multiplies a size; zoom curves must stay top-level, so their stops are scaled instead. */
export function scaled(value: unknown, scale: number): unknown {
  if (scale === 1) return value;
  if (typeof value === 'number') return value * scale;
  if (!Array.isArray(value)) return value;
  if (value[0] === 'interpolate' && Array.isArray(value[2]) && value[2][0] === 'zoom') {
    return value.map((part, i) => (i >= 4 && i % 2 === 0 ? scaled(part, scale) : part));
  }
  return ['*', scale, value];
}

export function scaleLayers(layers: LayerSpecification[], scale: number): LayerSpecification[] {
  if (scale === 1) return layers;
  const scaleProps = (props: Record<string, unknown> | undefined) =>
    props &&
    Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, SIZE_PROPERTIES.includes(k) ? scaled(v, scale) : v]),
    );
  return layers.map((layer) => {
    const { paint, layout } = layer as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
    return {
      ...layer,
      ...(paint && { paint: scaleProps(paint) }),
      ...(layout && { layout: scaleProps(layout) }),
    } as LayerSpecification;
  });
}

export function basemapSources(territory: Territory): Record<string, SourceSpecification> {
  return {
    [SOURCE.municipalities]: geojson(),
    // Labels sit on centroids, once each (polygon labels repeat across tiles when zoomed in).
    [SOURCE.labels]: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: territory.municipalities.map((m) => ({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [...m.centroid] },
          properties: { id: m.id, name: m.name, population: m.population },
        })),
      },
    },
    [SOURCE.corridors]: {
      type: 'geojson',
      promoteId: 'id',
      data: {
        type: 'FeatureCollection',
        features: territory.corridors.map((c) => ({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: c.path.map((p) => [...p]) },
          properties: { id: c.id, name: c.name, kind: c.kind },
        })),
      },
    },
    [SOURCE.waterways]: {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: territory.waterways.map((w) => ({
          type: 'Feature',
          geometry: { type: 'LineString', coordinates: w.path.map((p) => [...p]) },
          properties: { id: w.id, name: w.name, kind: w.kind },
        })),
      },
    },
    [SOURCE.boundary]: {
      type: 'geojson',
      data: {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [convexHull(territory.municipalities.flatMap((m) => m.boundary.coordinates[0] ?? []))],
        },
        properties: {},
      },
    },
  };
}

/** The metropolitan outline, schematic like the municipalities it wraps (monotone chain hull). */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted.map((p) => [p[0], p[1]]);
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]) =>
    (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const half = (list: readonly (readonly [number, number])[]) => {
    const hull: (readonly [number, number])[] = [];
    for (const p of list) {
      while (hull.length >= 2 && cross(hull[hull.length - 2]!, hull[hull.length - 1]!, p) <= 0) hull.pop();
      hull.push(p);
    }
    hull.pop();
    return hull;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())].map((p) => [p[0], p[1]] as [number, number]);
  hull.push(hull[0]!);
  return hull;
}
