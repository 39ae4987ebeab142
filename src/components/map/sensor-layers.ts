import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  LayerSpecification,
} from 'maplibre-gl';
import { SOURCE } from './map-sources';
import type { BaseColours, OverlayOptions } from './map-style';
import { CONGESTION_CLASSES, EAQI_CLASSES, STALE_COLOUR, shade } from './palettes';
import { airColour, matchColour, selectedOrHovered, trafficColour } from './style-expressions';

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

/** Traffic and air sensors: clusters with their counts, and single sensors coloured by class. */
export function sensorLayers(
  { theme, pollutant, timeMode }: OverlayOptions,
  c: BaseColours,
): LayerSpecification[] {
  // Predicted values keep their class colour, ringed so they are never taken for observations.
  const predicted = timeMode === 'forecast';
  const sensorRing = predicted ? c.forecast : c.marker;
  const isCluster: ExpressionSpecification = ['has', 'point_count'];
  /** Sensors one by one, coloured by class; the ring thickens while one is selected or hovered. */
  const points = (
    id: string,
    source: string,
    colour: ExpressionSpecification,
    radius: DataDrivenPropertyValueSpecification<number>,
    [ring, markedRing]: [number, number],
  ): LayerSpecification => ({
    id,
    type: 'circle',
    source,
    filter: ['!', isCluster],
    paint: {
      'circle-color': colour,
      'circle-radius': radius,
      'circle-stroke-color': sensorRing,
      'circle-stroke-width': ['case', selectedOrHovered, markedRing, ring],
    },
  });
  return [
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
    points('traffic-points', SOURCE.traffic, trafficColour(theme), sensorRadius, [predicted ? 1.4 : 0.6, 3]),
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
    points(
      'air-points',
      SOURCE.air,
      airColour(pollutant),
      ['interpolate', ['linear'], ['zoom'], 8, 6, 12, 9, 15, 12],
      [predicted ? 2.5 : 1, 3.5],
    ),
  ];
}
