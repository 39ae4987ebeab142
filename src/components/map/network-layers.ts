import type { LayerSpecification } from 'maplibre-gl';
import { SOURCE } from './map-sources';
import type { BaseColours, OverlayOptions } from './map-style';
import { MMWAVE_COLOUR, QKD_STATE_CLASSES, SEVERITY_CLASSES, STALE_COLOUR, inTheme, shade } from './palettes';
import { matchColour, selectedOrHovered, siteColour } from './style-expressions';

/** QKD links and nodes, radio sites with their mmWave rings and names, and the places with open alerts. */
export function networkLayers({ theme }: OverlayOptions, c: BaseColours): LayerSpecification[] {
  return [
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
