import type { Pollutant } from '../../src/api/schemas/forecasts';
import { airAt } from './air';
import { buildWorld } from './build';
import { DEFAULT_SEED } from './simulation';

/*
 * The simulated Milan measured as an analyst would measure the real one: hourly values at the
 * stations, grouped into Milan's local days, with no knowledge of how the generator makes them.
 */

const HOUR = 3_600_000;
const world = buildWorld(DEFAULT_SEED);
const stations = world.sensors.filter((s) => s.kind === 'air');
const local = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

interface Hour {
  /** yyyy-mm-dd in Milan. */
  date: string;
  month: number;
  hour: number;
  weekday: boolean;
  value: number;
}

/** The 2026 hours of Milan's local year, each taken at its middle as the hour's value. */
const YEAR_HOURS = (() => {
  const start = Date.UTC(2025, 11, 31, 23);
  const end = Date.UTC(2026, 11, 31, 23);
  const hours: Omit<Hour, 'value'>[] = [];
  const times: number[] = [];
  for (let t = start; t < end; t += HOUR) {
    const parts = Object.fromEntries(local.formatToParts(t).map((p) => [p.type, p.value]));
    times.push(t + HOUR / 2);
    hours.push({
      date: `${parts.year}-${parts.month}-${parts.day}`,
      month: Number(parts.month),
      hour: Number(parts.hour),
      weekday: !['Sat', 'Sun'].includes(parts.weekday!),
    });
  }
  return { hours, times };
})();

function yearOf(stationId: string, pollutant: Pollutant): Hour[] {
  return YEAR_HOURS.hours.map((h, i) => ({
    ...h,
    value: airAt(world, stationId, YEAR_HOURS.times[i]!)[pollutant],
  }));
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function dailyMeans(hours: readonly Hour[]): Map<string, number> {
  const days = new Map<string, number[]>();
  for (const h of hours) days.set(h.date, [...(days.get(h.date) ?? []), h.value]);
  return new Map([...days].map(([date, values]) => [date, mean(values)]));
}

/** Mean by local hour of the day (0–23) over the hours chosen. */
function byHourOfDay(hours: readonly Hour[]): number[] {
  return Array.from({ length: 24 }, (_, hour) =>
    mean(hours.filter((h) => h.hour === hour).map((h) => h.value)),
  );
}

const WINTER = [12, 1, 2];
const SUMMER = [6, 7, 8];

/** The station with the highest PM10, judged on 400 hours spread over the year and the day. */
const worst = (() => {
  const sample = YEAR_HOURS.times.filter((_, i) => i % 22 === 0);
  const meanPm10 = (id: string) => mean(sample.map((t) => airAt(world, id, t).pm10));
  return stations.reduce((a, b) => (meanPm10(b.id) > meanPm10(a.id) ? b : a));
})();

describe('the simulated Milan’s particulate', () => {
  // ARPA Lombardia's yearly reports and the EEA's air-quality statistics for 2020–2024: Milan's
  // worst urban stations (e.g. Senato, Marche, Verziere) had PM10 annual means of about
  // 30–40 µg/m³ with 40–90 days a year above a daily mean of 50, and PM2.5 annual means of 15–25.
  const pm10 = yearOf(worst.id, 'pm10');

  it('at the worst urban station: PM10 annual mean 30–40 µg/m³, 40–90 days above 50', () => {
    const days = dailyMeans(pm10);
    expect(days.size).toBe(365);
    expect(mean(pm10.map((h) => h.value))).toBeGreaterThanOrEqual(30);
    expect(mean(pm10.map((h) => h.value))).toBeLessThanOrEqual(40);
    const above = [...days.values()].filter((m) => m > 50).length;
    expect(above).toBeGreaterThanOrEqual(40);
    expect(above).toBeLessThanOrEqual(90);
  });

  it('at the worst urban station: PM2.5 annual mean 15–25 µg/m³', () => {
    const pm25 = mean(yearOf(worst.id, 'pm25').map((h) => h.value));
    expect(pm25).toBeGreaterThanOrEqual(15);
    expect(pm25).toBeLessThanOrEqual(25);
  });

  it('peaks in the evening and at night in winter, not at the morning rush hour', () => {
    // ARPA Lombardia's hourly PM10 in Milan: winter inversions and secondary aerosol put the
    // daily maximum in the evening and night, the minimum in the early afternoon.
    const profile = byHourOfDay(pm10.filter((h) => WINTER.includes(h.month)));
    const peak = profile.indexOf(Math.max(...profile));
    expect(peak >= 19 || peak <= 2).toBe(true);
    expect(mean(profile.slice(20, 24))).toBeGreaterThan(1.15 * mean(profile.slice(7, 10)));
  });
});

describe('the simulated Milan’s NO₂', () => {
  // ARPA Lombardia's hourly NO₂ at Milan's traffic stations: a peak with the morning rush hour and
  // another in the evening, over a night background raised in winter by the low mixing height.
  const no2 = yearOf(worst.id, 'no2');
  const winterWeekdays = byHourOfDay(no2.filter((h) => h.weekday && WINTER.includes(h.month)));

  it('has a morning and an evening rush-hour peak on winter weekdays', () => {
    const morning = Math.max(...winterWeekdays.slice(7, 11));
    const evening = Math.max(...winterWeekdays.slice(17, 22));
    const midday = Math.min(...winterWeekdays.slice(11, 17));
    const night = mean(winterWeekdays.slice(2, 6));
    expect(morning).toBeGreaterThan(1.2 * midday);
    expect(evening).toBeGreaterThan(1.2 * midday);
    expect(Math.min(morning, evening)).toBeGreaterThan(1.5 * night);
  });

  it('has a winter night background well above the summer one', () => {
    const nights = (months: number[]) =>
      mean(no2.filter((h) => months.includes(h.month) && h.hour >= 1 && h.hour <= 5).map((h) => h.value));
    expect(nights(WINTER)).toBeGreaterThan(1.5 * nights(SUMMER));
  });
});

describe('the simulated Milan’s ozone', () => {
  // ARPA Lombardia's ozone reports: the information threshold (180 µg/m³, hourly) is passed in
  // Milan on a few summer afternoons a year, in heat waves; the alert threshold (240) hardly ever.
  const sample = stations.filter((_, i) => i % 20 === 0);
  const above = sample.flatMap((s) => yearOf(s.id, 'o3').filter((h) => h.value > 180));

  it('passes the information threshold on a few summer afternoons, never the alert threshold', () => {
    const days = new Set(above.map((h) => h.date));
    expect(days.size).toBeGreaterThanOrEqual(2);
    expect(days.size).toBeLessThanOrEqual(15);
    expect(above.every((h) => h.month >= 5 && h.month <= 9)).toBe(true);
    expect(above.every((h) => h.hour >= 12 && h.hour <= 19)).toBe(true);
    expect(above.every((h) => h.value <= 240)).toBe(true);
  });
});
