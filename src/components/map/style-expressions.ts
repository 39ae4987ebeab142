import type { ExpressionSpecification } from 'maplibre-gl';
import type { Pollutant } from '../../api/schemas/forecasts';
import type { Theme } from '../../store/ui-store';
import type { CoverageMetric } from './map-style';
import {
  CONGESTION_CLASSES,
  DL_CLASSES,
  EAQI_CLASSES,
  POPULATION_COVERAGE_CLASSES,
  RSRP_CLASS_COLOURS,
  SITE_STATUS_CLASSES,
  STALE_COLOUR,
  inTheme,
} from './palettes';

/** Colour by a property that holds one of the classes' values. */
export function matchColour(
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

/** Whether the feature is selected or under the pointer, for the marks that stand out then. */
export const selectedOrHovered: ExpressionSpecification = [
  'any',
  ['boolean', ['feature-state', 'selected'], false],
  ['boolean', ['feature-state', 'hover'], false],
];
