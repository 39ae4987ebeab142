import type { LayerSpecification } from 'maplibre-gl';
import { SOURCE } from './map-sources';
import type { BaseColours, OverlayOptions } from './map-style';
import { coverageColour, populationCoverageColour } from './style-expressions';

/** Areas under every mark: municipalities by population coverage, the periphery dashed, coverage cells. */
export function areaLayers({ coverageMetric }: OverlayOptions, c: BaseColours): LayerSpecification[] {
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
  ];
}
