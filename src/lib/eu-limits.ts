import type { Pollutant } from '../api/schemas/forecasts';
import type { ReferenceLine } from '../components/chart/forecast-option';

/**
 * EU limit and target values that apply to each pollutant (Directive (EU) 2024/2881), in µg/m³,
 * labelled with their averaging period: an hourly forecast is compared with them, not judged by them.
 */
export const EU_LIMITS: Record<Pollutant, readonly ReferenceLine[]> = {
  pm25: [{ value: 25, label: 'EU limit 25, 24-h mean (from 2030)' }],
  pm10: [
    { value: 50, label: 'EU limit 50, 24-h mean' },
    { value: 45, label: 'EU limit 45, 24-h mean (from 2030)' },
  ],
  no2: [
    { value: 200, label: 'EU limit 200, 1-h' },
    { value: 50, label: 'EU limit 50, 24-h mean (from 2030)' },
  ],
  o3: [{ value: 120, label: 'EU target 120, 8-h mean' }],
  so2: [
    { value: 350, label: 'EU limit 350, 1-h' },
    { value: 50, label: 'EU limit 50, 24-h mean (from 2030)' },
  ],
};

/** Limits near enough to the data to draw without flattening it; the others are named in words. */
export function limitsInRange(pollutant: Pollutant, dataMax: number) {
  const near = EU_LIMITS[pollutant].filter((l) => l.value <= Math.max(dataMax * 1.6, 30));
  const far = EU_LIMITS[pollutant].filter((l) => !near.includes(l));
  return { near, far };
}
