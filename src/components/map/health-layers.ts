import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { SOURCE } from './map-sources';
import type { BaseColours, OverlayOptions } from './map-style';
import { FACILITY_STATE_CLASSES, FALLBACK_COLOUR, PATH_CLASSES, STALE_COLOUR, inTheme } from './palettes';
import { matchColour, selectedOrHovered } from './style-expressions';

const offline: ExpressionSpecification = ['==', ['get', 'worst'], 'offline'];

/**
 * The selected device's data path, under the health facilities: each hop by its protection,
 * classical links also dashed; the facilities by their devices' worst state, hospitals larger,
 * ringed where data now falls back to classical encryption.
 */
export function healthLayers({ theme }: OverlayOptions, c: BaseColours): LayerSpecification[] {
  const stateColour = matchColour(['get', 'worst'], FACILITY_STATE_CLASSES, STALE_COLOUR);
  return [
    {
      id: 'health-path-lines',
      type: 'line',
      source: SOURCE.healthPath,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': matchColour(['get', 'protection'], inTheme(PATH_CLASSES, theme), STALE_COLOUR),
        'line-width': ['match', ['get', 'protection'], 'radio', 3, 6],
        'line-dasharray': [
          'match',
          ['get', 'protection'],
          'classical',
          ['literal', [2, 1.5]],
          'radio',
          ['literal', [0.5, 1.5]],
          ['literal', [1, 0]],
        ],
      },
    },
    {
      id: 'health-fallback',
      type: 'circle',
      source: SOURCE.healthFacilities,
      filter: ['==', ['get', 'fallback'], true],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 12, 13, 19],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': FALLBACK_COLOUR,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'health-facilities',
      type: 'circle',
      source: SOURCE.healthFacilities,
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          8,
          ['match', ['get', 'kind'], 'hospital', 7, 5.5],
          13,
          ['match', ['get', 'kind'], 'hospital', 12, 9],
        ],
        'circle-color': ['case', offline, 'rgba(0,0,0,0)', stateColour],
        'circle-stroke-color': ['case', offline, stateColour, c.marker],
        'circle-stroke-width': ['case', selectedOrHovered, 4, offline, 3, 1.5],
      },
    },
  ];
}
