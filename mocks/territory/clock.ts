/** Local time of day in Milan, with daylight saving (last Sunday of March to last Sunday of October). */

function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

export function romeOffsetHours(timeMs: number): number {
  const year = new Date(timeMs).getUTCFullYear();
  return timeMs >= lastSunday(year, 2) && timeMs < lastSunday(year, 9) ? 2 : 1;
}

export interface LocalTime {
  /** Fractional hour of the day, 0–24. */
  hour: number;
  weekend: boolean;
  /** Day of year, 0–365. */
  dayOfYear: number;
}

export function localTime(timeMs: number): LocalTime {
  const local = new Date(timeMs + romeOffsetHours(timeMs) * 3_600_000);
  const start = Date.UTC(local.getUTCFullYear(), 0, 1);
  const day = local.getUTCDay();
  return {
    hour: local.getUTCHours() + local.getUTCMinutes() / 60 + local.getUTCSeconds() / 3600,
    weekend: day === 0 || day === 6,
    dayOfYear: Math.floor((local.getTime() - start) / 86_400_000),
  };
}

const bell = (x: number, centre: number, width: number) => Math.exp(-(((x - centre) / width) ** 2) / 2);

/** Traffic demand, 0–~1.1: rush hours at 8:00 and 18:00 on weekdays, a flatter weekend. */
export function trafficDemand({ hour, weekend }: LocalTime): number {
  const night = 0.08;
  if (weekend) return night + 0.45 * bell(hour, 12.5, 3.5) + 0.3 * bell(hour, 18, 2.5);
  return night + 0.95 * bell(hour, 8.2, 1.1) + 0.45 * bell(hour, 13, 2.5) + 0.9 * bell(hour, 18, 1.4);
}

/** 1 in mid-January, 0 in mid-July: particulate builds up in the Po Valley's winter. */
export function winterness({ dayOfYear }: LocalTime): number {
  return (1 + Math.cos((2 * Math.PI * (dayOfYear - 15)) / 365)) / 2;
}

/** Sunshine for ozone: strongest on summer afternoons. */
export function ozoneSun(time: LocalTime): number {
  return (1 - winterness(time)) * bell(time.hour, 15, 2.5);
}
