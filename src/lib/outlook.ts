import type { AirForecast, DailyAirOutlook, Pollutant } from '../api/schemas/forecasts';
import { currentLocale, t } from '../i18n/i18n';
import { dailyMeans, maxDailyEightHourMeans } from './averaging';
import { EU_LIMITS, inForce, limitPhrase, shortTerm, type EuLimit } from './eu-limits';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from './eaqi';
import { formatNumber } from './format';

// Sentences are in the language on screen.
const DAY = 86_400_000;
const timeOf = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
const dayKey = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(ms);

/** The short-term values in force that the headline outlook names (ozone's alert threshold aside). */
export const headlineLimits = (pollutant: Pollutant) =>
  EU_LIMITS[pollutant].filter((l) => inForce(l) && shortTerm(l) && l.kind !== 'alert');

/**
 * What is coming, in words: the peak of the median forecast over the next day, its band, and how
 * it stands against each EU value in force, on that value's own period: hours of the median above
 * an hourly value, today's and tomorrow's mean (observed hours and median) against a 24-hour one,
 * their maximum 8-hour mean against ozone's target. "Today"/"tomorrow" are the territory's days.
 */
export function airOutlook(
  forecast: Pick<AirForecast, 'pollutant' | 'steps' | 'unit' | 'observed'>,
  place: string,
  nowMs: number,
  timeZone = 'Europe/Rome',
): string {
  const next = forecast.steps.filter((s) => Date.parse(s.t) > nowMs && Date.parse(s.t) <= nowMs + DAY);
  const pollutant = POLLUTANT_LABELS[forecast.pollutant];
  const { unit } = forecast;
  if (next.length === 0) return t('outlook.noForecast', { pollutant, place });
  const peak = next.reduce((best, s) => (s.p50 > best.p50 ? s : best), next[0]!);
  const peakMs = Date.parse(peak.t);
  const dayWord = (ms: number) =>
    t(dayKey(ms, timeZone) === dayKey(nowMs, timeZone) ? 'outlook.today' : 'outlook.tomorrow');
  let sentence = t('outlook.peak', {
    pollutant,
    place,
    value: formatNumber(peak.p50),
    unit,
    band: t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(forecast.pollutant, peak.p50))]).toLowerCase(),
    day: dayWord(peakMs),
    time: timeOf(peakMs, timeZone),
  });
  // The hours observed, then the median forecast for those still to come.
  const byHour = new Map(forecast.steps.map((s) => [Date.parse(s.t), s.p50]));
  for (const o of forecast.observed) byHour.set(Date.parse(o.t), o.value);
  const hourly = [...byHour].map(([t, value]) => ({ t, value }));
  for (const limit of headlineLimits(forecast.pollutant)) {
    const phrase = limitPhrase(limit);
    if (limit.period === 1) {
      const hours = next.filter((s) => s.p50 > limit.value).length;
      sentence +=
        hours > 0
          ? t('outlook.hoursAbove', { limit: phrase, hours })
          : t('outlook.belowThroughout', { limit: phrase });
      continue;
    }
    const means =
      limit.period === 8 ? maxDailyEightHourMeans(hourly, timeZone) : dailyMeans(hourly, timeZone);
    const days = [nowMs, nowMs + DAY].flatMap((ms) => {
      const value = means.get(dayKey(ms, timeZone));
      return value === undefined ? [] : [{ day: dayWord(ms), value }];
    });
    if (days.length === 0) continue;
    const above = days.filter((d) => d.value > limit.value);
    const mean = t(limit.period === 8 ? 'outlook.max8hMean' : 'outlook.dailyMean');
    sentence += above.length
      ? t('outlook.meanAbove', {
          mean,
          limit: phrase,
          days: above
            .map((d) => t('outlook.dayValue', { day: d.day, value: formatNumber(d.value), unit }))
            .join(t('outlook.and')),
        })
      : t('outlook.meanBelow', { mean, limit: phrase, days: days.map((d) => d.day).join(t('outlook.and')) });
  }
  return `${sentence}.`;
}

/**
 * The EU limit on the 24-hour mean that a daily outlook is judged by: the one in force, or the
 * one applying from 2030 where the law in force has none (PM2.5, NO₂).
 */
export function dailyLimit(pollutant: Pollutant): EuLimit | undefined {
  const daily = EU_LIMITS[pollutant].filter((l) => l.period === 24);
  return daily.find(inForce) ?? daily[0];
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

/** "PM10 above 50 µg/m³ (24-hour mean) expected tomorrow in 12 municipalities"; a 2030 value says so. */
export function exceedanceSentence(
  pollutant: Pollutant,
  unit: string,
  limit: EuLimit,
  { day, places, possible }: DayExceedance,
): string {
  const what = t(limit.regime === 'from-2030' ? 'outlook.aboveFrom2030' : 'outlook.above', {
    pollutant: POLLUTANT_LABELS[pollutant],
    value: formatNumber(limit.value),
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
