/**
 * Averages as EU air-quality law takes them from hourly values (Directive 2008/50/EC, Annex VII
 * and XI): a day's mean needs 75 % of its hours, and ozone's maximum daily 8-hour mean is the
 * highest running 8-hour mean ending in the day.
 */

const HOUR = 3_600_000;
/** 75 % of a day's hours, and of its 8-hour means. */
export const MIN_HOURS_IN_DAY = 18;
const MIN_HOURS_IN_EIGHT = 6;

export interface HourlyValue {
  /** The start of the hour, ISO 8601 or epoch milliseconds. */
  t: string | number;
  value: number;
}

const ms = (t: string | number) => (typeof t === 'number' ? t : Date.parse(t));
const dayIn = (timeZone: string) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone });
  return (timeMs: number) => format.format(timeMs);
};

/** Each local day's mean of the hours it has, for the days with at least 18 of them. */
export function dailyMeans(hourly: readonly HourlyValue[], timeZone: string): Map<string, number> {
  const dateOf = dayIn(timeZone);
  const days = new Map<string, { sum: number; hours: number }>();
  for (const h of hourly) {
    const date = dateOf(ms(h.t));
    const day = days.get(date) ?? { sum: 0, hours: 0 };
    days.set(date, { sum: day.sum + h.value, hours: day.hours + 1 });
  }
  return new Map(
    [...days].filter(([, d]) => d.hours >= MIN_HOURS_IN_DAY).map(([date, d]) => [date, d.sum / d.hours]),
  );
}

/**
 * Each local day's maximum 8-hour mean: the running means over the 8 hours ending with each hour,
 * assigned to the day of their last hour (17:00–01:00 is the day's first, 16:00–24:00 its last).
 * A mean needs 6 of its 8 hours; a day needs 18 of its 24 means.
 */
export function maxDailyEightHourMeans(
  hourly: readonly HourlyValue[],
  timeZone: string,
): Map<string, number> {
  const dateOf = dayIn(timeZone);
  const byHour = new Map(hourly.map((h) => [Math.floor(ms(h.t) / HOUR), h.value]));
  const days = new Map<string, { max: number; means: number }>();
  for (const hour of byHour.keys()) {
    const values = Array.from({ length: 8 }, (_, i) => byHour.get(hour - i)).filter(
      (v): v is number => v !== undefined,
    );
    if (values.length < MIN_HOURS_IN_EIGHT) continue;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const date = dateOf(hour * HOUR);
    const day = days.get(date) ?? { max: -Infinity, means: 0 };
    days.set(date, { max: Math.max(day.max, mean), means: day.means + 1 });
  }
  return new Map([...days].filter(([, d]) => d.means >= MIN_HOURS_IN_DAY).map(([date, d]) => [date, d.max]));
}
