/**
 * Time series as ECharts reads them fastest: one Float64Array of interleaved `[time, value]`
 * pairs. ECharts copies typed arrays straight into its own storage and does not clone them on
 * `setOption`, where arrays of numbers or of `[x, y]` pairs are deep-cloned item by item.
 */

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const ZERO = 48;
const digit = (s: string, i: number) => {
  const d = s.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : NaN;
};
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);

/**
 * An ISO 8601 date-time as epoch milliseconds, like `Date.parse`. The form APIs send in UTC,
 * `YYYY-MM-DDTHH:MM:SS[.fff…]Z`, is read digit by digit (about four times faster than
 * `Date.parse`, which matters at 100,000 points a refresh); anything else goes to `Date.parse`.
 */
export function parseIsoTime(s: string): number {
  const n = s.length;
  if (
    n < 20 ||
    s.charCodeAt(n - 1) !== 90 /* Z */ ||
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58
  )
    return Date.parse(s);
  let ms = 0;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */ || n === 21) return Date.parse(s);
    for (let i = 20, scale = 100; i < n - 1; i++, scale /= 10) {
      const d = digit(s, i);
      if (Number.isNaN(d)) return Date.parse(s);
      if (scale >= 1) ms += d * scale;
    }
  }
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  const second = two(s, 17);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59))
    return Date.parse(s);
  return (
    daysFromCivil(year, month, day) * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms
  );
}

/**
 * Times and values as one Float64Array `[t0, v0, t1, v1, …]` in epoch ms, a missing value
 * (`null`) as NaN, which ECharts draws as a gap.
 */
export function timeValuePairs(
  timestamps: readonly string[],
  values: readonly (number | null)[],
): Float64Array {
  const n = Math.min(timestamps.length, values.length);
  const out = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = parseIsoTime(timestamps[i]!);
    out[2 * i + 1] = values[i] ?? NaN;
  }
  return out;
}
