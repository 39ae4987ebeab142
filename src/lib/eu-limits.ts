import type { Pollutant } from '../api/schemas/forecasts';
import { t } from '../i18n/i18n';
import { formatNumber } from './format';

/** An EU limit or target value, in µg/m³, with the period it is averaged over. */
export interface EuLimit {
  value: number;
  /** Hours averaged: 1 (hourly), 8 or 24. */
  hours: 1 | 8 | 24;
  target?: boolean;
  /** In force from 2030 (Directive (EU) 2024/2881), not yet. */
  from2030?: boolean;
}

/**
 * EU limit and target values that apply to each pollutant (Directive (EU) 2024/2881): an hourly
 * forecast is compared with them, not judged by them.
 */
export const EU_LIMITS: Record<Pollutant, readonly EuLimit[]> = {
  pm25: [{ value: 25, hours: 24, from2030: true }],
  pm10: [
    { value: 50, hours: 24 },
    { value: 45, hours: 24, from2030: true },
  ],
  no2: [
    { value: 200, hours: 1 },
    { value: 50, hours: 24, from2030: true },
  ],
  o3: [{ value: 120, hours: 8, target: true }],
  so2: [
    { value: 350, hours: 1 },
    { value: 50, hours: 24, from2030: true },
  ],
};

const PERIOD = { 1: 'euLimit.hourly', 8: 'euLimit.mean8h', 24: 'euLimit.mean24h' } as const;

/** "EU limit 50, 24-h mean (from 2030)", in the language on screen. */
export function limitLabel(limit: EuLimit): string {
  const label = t(limit.target ? 'euLimit.target' : 'euLimit.limit', {
    value: formatNumber(limit.value),
    period: t(PERIOD[limit.hours]),
  });
  return limit.from2030 ? t('euLimit.from2030', { label }) : label;
}

/** Limits near enough to the data to draw without flattening it; the others are named in words. */
export function limitsInRange(pollutant: Pollutant, dataMax: number) {
  const lines = EU_LIMITS[pollutant].map((l) => ({ value: l.value, label: limitLabel(l) }));
  const near = lines.filter((l) => l.value <= Math.max(dataMax * 1.6, 30));
  const far = lines.filter((l) => !near.includes(l));
  return { near, far };
}
