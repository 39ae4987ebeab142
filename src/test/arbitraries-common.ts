/**
 * Arbitraries of the values every API answer is made of (src/api/schemas/common.ts and the like),
 * for property tests: text, instants, positions, numbers and unique lists. Numbers reach the
 * extremes the schemas allow.
 */
import fc from 'fast-check';

/** The first and last instants a four-digit ISO year can write, with room for a ±14 h offset. */
const MIN_MS = Date.parse('0001-01-01T12:00:00Z');
const MAX_MS = Date.parse('9999-12-31T09:00:00Z');

/** Strings as a backend may send them: any printable text, markup, CSV-hostile and very long text. */
export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 16, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'Milano, "centro"\nnord',
      '=HYPERLINK("http://x")',
      'Cinisello Balsamo – Sesto San Giovanni ✓ 東京 🚦',
      'x'.repeat(3000),
      '\u200b',
      ' padded ',
    ),
  },
);
/** What `nonEmptyString` accepts: some non-blank text (the schema trims it). */
export const nonEmpty = text.filter((s) => s.trim().length > 0);

/** Mostly recent instants, sometimes the extremes. */
export const ms = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }) },
  { weight: 1, arbitrary: fc.integer({ min: MIN_MS, max: MAX_MS }) },
);

/** An ISO 8601 date-time with an offset: `Z`, `+hh:mm` or `-hh:mm`, with or without milliseconds. */
export const isoDateTime = fc
  .tuple(ms, fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.boolean(), fc.boolean())
  .map(([t, offsetMin, utc, millis]) => {
    const shown = new Date(t + (utc ? 0 : offsetMin * 60_000)).toISOString();
    const body = millis ? shown.slice(0, 23) : shown.slice(0, 19);
    if (utc) return `${body}Z`;
    const sign = offsetMin < 0 ? '-' : '+';
    const abs = Math.abs(offsetMin);
    return `${body}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  });
export const isoDate = ms.map((t) => new Date(t).toISOString().slice(0, 10));

export const longitude = fc.double({ min: -180, max: 180, noNaN: true });
export const latitude = fc.double({ min: -90, max: 90, noNaN: true });
export const lonLat = fc.tuple(longitude, latitude);

/** Any finite number, from the tiny to the huge. */
export const finite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer(),
);
export const nonNegative = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: 0, max: 1e4, noNaN: true }),
  fc.constant(0),
);
export const ratio = fc.double({ min: 0, max: 1, noNaN: true });
export const positive = nonNegative.filter((n) => n > 0);
export const positiveInt = fc.integer({ min: 1, max: 1_000_000 });
export const count = fc.nat({ max: 1_000_000 });

/** A list whose items differ by `key` once trimmed, as `uniqueBy` wants. */
export function uniqueList<T, K extends keyof T>(
  item: fc.Arbitrary<T>,
  key: K,
  maxLength = 4,
  minLength = 0,
) {
  return fc.uniqueArray(item, {
    selector: (x) => (typeof x[key] === 'string' ? (x[key] as string).trim() : x[key]),
    minLength,
    maxLength,
  });
}

/** IANA zones the territory could be in, including ones with half-hour offsets and no DST. */
export const timeZone = fc.constantFrom(
  'Europe/Rome',
  'UTC',
  'America/New_York',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
);
