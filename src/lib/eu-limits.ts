import type { Pollutant } from '../api/schemas/forecasts';
import { t } from '../i18n/i18n';
import { formatNumber } from './format';

/**
 * Which law sets a value: Directive 2008/50/EC is in force; Directive (EU) 2024/2881 replaces its
 * values from 2030. The ozone thresholds are the same under both.
 */
export type Regime = 'in-force' | 'from-2030' | 'both';
export type LimitKind = 'limit' | 'target' | 'information' | 'alert';

/** An EU air-quality value in µg/m³, judged on its own averaging period. */
export interface EuLimit {
  value: number;
  /** The period averaged: 1 hour, the maximum daily 8-hour mean, 24 hours or a calendar year. */
  period: 1 | 8 | 24 | 'year';
  kind: LimitKind;
  regime: Regime;
  /** Exceedances allowed in a calendar year, in hours for hourly values, in days otherwise. */
  allowed?: number;
  /** The allowance is averaged over this many years (ozone's target). */
  overYears?: number;
}

/**
 * The EU limit and target values and the ozone thresholds (DESIGN.md §6): in force under
 * Directive 2008/50/EC, from 2030 under Directive (EU) 2024/2881.
 */
export const EU_LIMITS: Record<Pollutant, readonly EuLimit[]> = {
  pm25: [
    { value: 25, period: 'year', kind: 'limit', regime: 'in-force' },
    { value: 25, period: 24, kind: 'limit', regime: 'from-2030', allowed: 18 },
    { value: 10, period: 'year', kind: 'limit', regime: 'from-2030' },
  ],
  pm10: [
    { value: 50, period: 24, kind: 'limit', regime: 'in-force', allowed: 35 },
    { value: 40, period: 'year', kind: 'limit', regime: 'in-force' },
    { value: 45, period: 24, kind: 'limit', regime: 'from-2030', allowed: 18 },
    { value: 20, period: 'year', kind: 'limit', regime: 'from-2030' },
  ],
  no2: [
    { value: 200, period: 1, kind: 'limit', regime: 'in-force', allowed: 18 },
    { value: 40, period: 'year', kind: 'limit', regime: 'in-force' },
    { value: 200, period: 1, kind: 'limit', regime: 'from-2030', allowed: 3 },
    { value: 50, period: 24, kind: 'limit', regime: 'from-2030', allowed: 18 },
    { value: 20, period: 'year', kind: 'limit', regime: 'from-2030' },
  ],
  o3: [
    { value: 120, period: 8, kind: 'target', regime: 'in-force', allowed: 25, overYears: 3 },
    { value: 120, period: 8, kind: 'target', regime: 'from-2030', allowed: 18 },
    { value: 180, period: 1, kind: 'information', regime: 'both' },
    { value: 240, period: 1, kind: 'alert', regime: 'both' },
  ],
  so2: [
    { value: 350, period: 1, kind: 'limit', regime: 'in-force', allowed: 24 },
    { value: 125, period: 24, kind: 'limit', regime: 'in-force', allowed: 3 },
    { value: 350, period: 1, kind: 'limit', regime: 'from-2030', allowed: 3 },
    { value: 50, period: 24, kind: 'limit', regime: 'from-2030', allowed: 18 },
  ],
};

/** Values that apply today: the limits and target in force and the ozone thresholds. */
export const inForce = (limit: EuLimit) => limit.regime !== 'from-2030';

/** Values a day or less long, the only ones an hourly or daily figure is compared with. */
export const shortTerm = (limit: EuLimit) => limit.period !== 'year';

const PERIOD = {
  1: 'euLimit.hourly',
  8: 'euLimit.max8h',
  24: 'euLimit.mean24h',
  year: 'euLimit.annual',
} as const;
const NAME = {
  limit: 'euLimit.name.limit',
  target: 'euLimit.name.target',
  information: 'euLimit.name.information',
  alert: 'euLimit.name.alert',
} as const;
const REGIME = { 'in-force': 'euLimit.inForce', 'from-2030': 'euLimit.from2030' } as const;

/** "EU limit of 50 µg/m³ (35 days a year allowed)": the value as a sentence names it. */
export function limitPhrase(limit: EuLimit): string {
  const phrase = t('euLimit.of', {
    name: t(NAME[limit.kind]),
    value: formatNumber(limit.value),
    unit: 'µg/m³',
  });
  if (limit.allowed === undefined) return phrase;
  const allowed = t(limit.period === 1 ? 'euLimit.allowedHours' : 'euLimit.allowedDays', {
    count: limit.allowed,
  });
  return `${phrase} (${limit.overYears ? t('euLimit.overYears', { allowed, years: limit.overYears }) : allowed})`;
}

/** "EU limit of 50 µg/m³ (35 days a year allowed), 24-h mean, in force", in the language on screen. */
export function limitLabel(limit: EuLimit): string {
  const parts = [limitPhrase(limit), t(PERIOD[limit.period])];
  if (limit.regime !== 'both') parts.push(t(REGIME[limit.regime]));
  return parts.join(', ');
}

/** A line's short name, for values equal under both regimes too: "EU limit 200, 1-h mean, in force and from 2030". */
function lineLabel(limits: readonly EuLimit[]): string {
  const [first] = limits as [EuLimit];
  const regimes = new Set(limits.map((l) => l.regime));
  const regime =
    regimes.has('in-force') && regimes.has('from-2030')
      ? t('euLimit.inForceAndFrom2030')
      : first.regime === 'both'
        ? null
        : t(REGIME[first.regime]);
  return [`${t(NAME[first.kind])} ${formatNumber(first.value)}`, t(PERIOD[first.period]), regime]
    .filter(Boolean)
    .join(', ');
}

/**
 * The short-term values near enough to the data to draw without flattening it, and the others:
 * an hourly chart is compared with them, not judged by them. Each line has a short label and the
 * values it stands for in full, with their allowed exceedances.
 */
export function limitsInRange(pollutant: Pollutant, dataMax: number) {
  const byLine = new Map<string, EuLimit[]>();
  for (const l of EU_LIMITS[pollutant].filter(shortTerm)) {
    const key = `${l.value}:${l.period}:${l.kind}`;
    byLine.set(key, [...(byLine.get(key) ?? []), l]);
  }
  const lines = [...byLine.values()].map((limits) => ({
    value: limits[0]!.value,
    label: lineLabel(limits),
    detail: limits.map(limitLabel).join('; '),
  }));
  const near = lines.filter((l) => l.value <= Math.max(dataMax * 1.6, 30));
  const far = lines.filter((l) => !near.includes(l));
  return { near, far };
}
