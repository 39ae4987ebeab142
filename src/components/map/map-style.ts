import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Pollutant } from '../../api/schemas/forecasts';
import type { Territory } from '../../api/schemas/territory';
import type { Theme } from '../../store/ui-store';
import type { TargetKind } from '../../lib/selection';
import { areaLayers } from './area-layers';
import { scaleLayers } from './layer-scale';
import { basemapSources, overlaySources, SOURCE } from './map-sources';
import type { TimeMode } from './map-time';
import { healthLayers } from './health-layers';
import { networkLayers } from './network-layers';
import { sensorLayers } from './sensor-layers';

/** The map's overlay layers, each toggled as a whole by the user. */
export const MAP_LAYERS = [
  'municipalities',
  'coverage',
  'traffic',
  'air',
  'health',
  'qkd',
  'sites',
  'security',
] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
export type CoverageMetric = 'rsrp' | 'dl';

/** Which style layers make up each user-facing layer (toggled together). */
export const STYLE_LAYERS: Record<MapLayer, string[]> = {
  municipalities: ['municipalities-choropleth', 'municipalities-periphery'],
  coverage: ['coverage-fill'],
  traffic: ['traffic-clusters', 'traffic-cluster-counts', 'traffic-points'],
  air: ['air-clusters', 'air-cluster-counts', 'air-points'],
  sites: ['sites-mmwave', 'sites-points', 'sites-labels'],
  health: ['health-path-lines', 'health-fallback', 'health-facilities'],
  qkd: ['qkd-link-lines', 'qkd-node-points'],
  security: ['alert-places'],
};

/** Layers that answer hover and click, with the kind of thing they hold. */
export const INTERACTIVE_LAYERS: Record<string, TargetKind> = {
  'alert-places': 'alert-place',
  'sites-points': 'site',
  'qkd-link-lines': 'qkd-link',
  'health-facilities': 'facility',
  'air-points': 'sensor',
  'traffic-points': 'sensor',
  'municipalities-choropleth': 'municipality',
  'corridor-highlight': 'corridor',
};

export interface BaseColours {
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

/** Sensors cluster at low zoom when there are too many to draw one by one. */
export const CLUSTER_ABOVE = 3000;

// Named here too: the bench takes the source ids from the style.

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

/** Overlay layers in drawing order, bottom first. */
export function overlayLayers(options: OverlayOptions): LayerSpecification[] {
  const c = BASE_COLOURS[options.theme];
  return [
    ...areaLayers(options, c),
    ...sensorLayers(options, c),
    ...networkLayers(options, c),
    ...healthLayers(options, c),
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
    // Colours change at once (a theme, a pollutant, a reading's band): an eased change redraws every frame.
    transition: { duration: 0, delay: 0 },
    // No `glyphs`: labels are drawn locally from the browser's own fonts, so nothing is fetched.
    sources: { ...basemapSources(territory), ...overlaySources(options.clusterSensors) },
    layers: allLayers(options),
  };
}
