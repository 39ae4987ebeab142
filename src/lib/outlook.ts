import type { AirForecast, DailyAirOutlook, Pollutant } from '../api/schemas/forecasts';
import { currentLocale, t } from '../i18n/i18n';
import { EU_LIMITS } from './eu-limits';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from './eaqi';
import { formatNumber } from './format';

// Sentences are in the language on screen.
const DAY = 86_400_000;
const timeOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
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
  const pollutant = POLLUTANT_LABELS[forecast.pollutant];
  const { unit } = forecast;
  if (next.length === 0) return t('outlook.noForecast', { pollutant, place });
  const peak = next.reduce((best, s) => (s.p50 > best.p50 ? s : best), next[0]!);
  const peakMs = Date.parse(peak.t);
  let sentence = t('outlook.peak', {
    pollutant,
    place,
    value: formatNumber(peak.p50),
    unit,
    band: t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(forecast.pollutant, peak.p50))]).toLowerCase(),
    day: t(dayKey(peakMs, timeZone) === dayKey(nowMs, timeZone) ? 'outlook.today' : 'outlook.tomorrow'),
    time: timeOf(peakMs, timeZone),
  });
  if (limit) {
    const hours = next.filter((s) => s.p50 > limit.value).length;
    const value = formatNumber(limit.value);
    sentence +=
      hours > 0
        ? t('outlook.hoursAbove', { value, unit, hours })
        : t('outlook.belowThroughout', { value, unit });
  }
  return `${sentence}.`;
}

/** The EU limit on the 24-hour mean that a daily outlook is judged by (the one in force first). */
export function dailyLimit(pollutant: Pollutant) {
  return EU_LIMITS[pollutant].find((l) => l.hours === 24);
}

export interface DayExceedance {
  date: string;
  /** "today", "tomorrow" or "on" the weekday, in the territory's own days and the language on screen. */
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
          ? t('outlook.today')
          : date === tomorrow
            ? t('outlook.tomorrow')
            : t('outlook.onWeekday', {
                weekday: new Intl.DateTimeFormat(currentLocale(), {
                  weekday: 'long',
                  timeZone: 'UTC',
                }).format(Date.parse(date)),
              }),
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
  const what = t('outlook.above', {
    pollutant: POLLUTANT_LABELS[pollutant],
    value: formatNumber(limit),
    unit,
  });
  const count = (n: number) => t('outlook.municipalities', { count: n });
  const main =
    places.length > 0
      ? t('outlook.expected', { what, day, places: count(places.length) })
      : t('outlook.notExpected', { what, day });
  if (possible === 0) return `${main}.`;
  return places.length > 0
    ? t('outlook.possibleMore', { main, count: possible })
    : t('outlook.possibleIn', { main, places: count(possible) });
}
