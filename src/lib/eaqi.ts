import type { Pollutant } from '../api/schemas/forecasts';
import type { MessageKey } from '../i18n/catalogue';
import { liveLabels } from './live-labels';

/** European Air Quality Index bands, 2024 revision (EEA). */
export const EAQI_LEVELS = ['good', 'fair', 'moderate', 'poor', 'very-poor', 'extremely-poor'] as const;
export type EaqiLevel = (typeof EAQI_LEVELS)[number];
export type EaqiBand = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Upper bounds (µg/m³, hourly) of bands 1–5 per pollutant; above the last is band 6.
 * A value exactly on a bound belongs to the lower band.
 */
export const EAQI_UPPER_BOUNDS: Record<Pollutant, readonly [number, number, number, number, number]> = {
  pm25: [5, 15, 50, 90, 140],
  pm10: [15, 45, 120, 195, 270],
  no2: [10, 25, 60, 100, 150],
  o3: [60, 100, 120, 160, 180],
  so2: [20, 40, 125, 190, 275],
};

/**
 * The band (1 Good … 6 Extremely poor) of one pollutant's hourly concentration in µg/m³.
 * @throws RangeError for a negative or non-finite concentration.
 */
export function eaqiBand(pollutant: Pollutant, concentration: number): EaqiBand {
  if (!Number.isFinite(concentration) || concentration < 0) {
    throw new RangeError(`${pollutant} concentration must be a finite number ≥ 0, got ${concentration}`);
  }
  const bounds = EAQI_UPPER_BOUNDS[pollutant];
  const index = bounds.findIndex((upper) => concentration <= upper);
  return (index === -1 ? 6 : index + 1) as EaqiBand;
}

/** A station's index: the worst band over the pollutants present, or null when none is. */
export function eaqiIndex(readings: Partial<Record<Pollutant, number | null | undefined>>): EaqiBand | null {
  let worst: EaqiBand | null = null;
  for (const [pollutant, value] of Object.entries(readings) as [Pollutant, number | null | undefined][]) {
    if (value === null || value === undefined || !(pollutant in EAQI_UPPER_BOUNDS)) continue;
    const band = eaqiBand(pollutant, value);
    if (worst === null || band > worst) worst = band;
  }
  return worst;
}

export function eaqiLevel(band: EaqiBand): EaqiLevel {
  return EAQI_LEVELS[band - 1] as EaqiLevel;
}

/** Band names, for `t(...)`; `EAQI_LABELS` gives them in the current language. */
export const EAQI_LABEL_KEYS: Record<EaqiLevel, MessageKey> = {
  good: 'eaqi.good',
  fair: 'eaqi.fair',
  moderate: 'eaqi.moderate',
  poor: 'eaqi.poor',
  'very-poor': 'eaqi.veryPoor',
  'extremely-poor': 'eaqi.extremelyPoor',
};
export const EAQI_LABELS = liveLabels(EAQI_LABEL_KEYS);

/** Chemical notation, the same in every language. */
export const POLLUTANT_LABELS: Record<Pollutant, string> = {
  pm25: 'PM2.5',
  pm10: 'PM10',
  no2: 'NO₂',
  o3: 'O₃',
  so2: 'SO₂',
};
