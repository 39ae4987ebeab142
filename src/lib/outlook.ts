import type { AirForecast, DailyAirOutlook, Pollutant } from '../api/schemas/forecasts';
import { EU_LIMITS } from './eu-limits';
import { EAQI_LABELS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from './eaqi';
import { formatNumber } from './format';

const DAY = 86_400_000;
const timeOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
const dayKey = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/**
 * What is coming, in words: the peak of the median forecast over the next day, its band, and how
 * many hours the median stays above a limit. "Today"/"tomorrow" are the territory's own days.
 */
export function airOutlook(
  forecast: Pick<AirForecast, 'pollutant' | 'steps' | 'unit'>,
  place: string,
  nowMs: number,
  limit: { value: number; label: string } | undefined,
  timeZone = 'Europe/Rome',
): string {
  const next = forecast.steps.filter((s) => Date.parse(s.t) > nowMs && Date.parse(s.t) <= nowMs + DAY);
  if (next.length === 0)
    return `No ${POLLUTANT_LABELS[forecast.pollutant]} forecast for the next 24 hours in ${place}.`;
  const peak = next.reduce((best, s) => (s.p50 > best.p50 ? s : best), next[0]!);
  const peakMs = Date.parse(peak.t);
  const day = dayKey(peakMs, timeZone) === dayKey(nowMs, timeZone) ? 'today' : 'tomorrow';
  const band = EAQI_LABELS[eaqiLevel(eaqiBand(forecast.pollutant, peak.p50))].toLowerCase();
  let sentence = `${POLLUTANT_LABELS[forecast.pollutant]} in ${place} is expected to peak at ${formatNumber(peak.p50)} ${forecast.unit} (${band}) ${day} at ${timeOf(peakMs, timeZone)}`;
  if (limit) {
    const hoursAbove = next.filter((s) => s.p50 > limit.value).length;
    sentence +=
      hoursAbove > 0
        ? `, above ${formatNumber(limit.value)} ${forecast.unit} for ${hoursAbove} of the next 24 hours`
        : `, below ${formatNumber(limit.value)} ${forecast.unit} throughout`;
  }
  return `${sentence}.`;
}

/** The EU limit on the 24-hour mean that a daily outlook is judged by (the one in force first). */
export function dailyLimit(pollutant: Pollutant) {
  return EU_LIMITS[pollutant].find((l) => l.label.includes('24-h mean'));
}

export interface DayExceedance {
  date: string;
  /** "today", "tomorrow" or the weekday, in the territory's own days. */
  day: string;
  /** Municipalities where a station's median daily mean is above the limit, highest first. */
  places: { id: string; name: string; mean: number }[];
  /** Only the 80 % interval's upper end is above the limit: possible, not expected. */
  possible: number;
}

/**
 * Per local day, the municipalities whose worst station is expected above a daily limit: by the
 * median, and (counted apart) those where only the p90 goes above it.
 */
export function dailyExceedances(
  outlook: DailyAirOutlook,
  stationMunicipality: ReadonlyMap<string, string>,
  municipalityName: (id: string) => string,
  limit: number,
  nowMs: number,
): DayExceedance[] {
  const today = dayKey(nowMs, outlook.timeZone);
  const tomorrow = dayKey(nowMs + DAY, outlook.timeZone);
  const byDay = new Map<string, { median: Map<string, number>; upper: Set<string> }>();
  for (const station of outlook.items) {
    const municipality = stationMunicipality.get(station.stationId);
    if (!municipality) continue;
    for (const d of station.days) {
      // A day the run only partly covers has no daily mean to judge.
      if (d.hours < 20 || d.date < today) continue;
      const day = byDay.get(d.date) ?? { median: new Map(), upper: new Set() };
      byDay.set(d.date, day);
      if (d.mean.p50 > limit)
        day.median.set(municipality, Math.max(day.median.get(municipality) ?? 0, d.mean.p50));
      else if (d.mean.p90 > limit) day.upper.add(municipality);
    }
  }
  return [...byDay]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, { median, upper }]) => ({
      date,
      day:
        date === today
          ? 'today'
          : date === tomorrow
            ? 'tomorrow'
            : `on ${new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' }).format(Date.parse(date))}`,
      places: [...median]
        .map(([id, mean]) => ({ id, name: municipalityName(id), mean }))
        .sort((a, b) => b.mean - a.mean),
      possible: [...upper].filter((id) => !median.has(id)).length,
    }));
}

/** "PM10 above 50 µg/m³ (24-hour mean) expected tomorrow in 12 municipalities." */
export function exceedanceSentence(
  pollutant: Pollutant,
  unit: string,
  limit: number,
  { day, places, possible }: DayExceedance,
): string {
  const what = `${POLLUTANT_LABELS[pollutant]} above ${formatNumber(limit)} ${unit} (24-hour mean)`;
  const count = (n: number) => `${n} ${n === 1 ? 'municipality' : 'municipalities'}`;
  const main =
    places.length > 0
      ? `${what} expected ${day} in ${count(places.length)}`
      : `${what} not expected anywhere ${day}`;
  if (possible === 0) return `${main}.`;
  return `${main}; possible in ${places.length > 0 ? `${possible} more` : count(possible)}.`;
}
