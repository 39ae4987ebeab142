import { parseIsoTime, timeValuePairs } from './series-data';

describe('parseIsoTime', () => {
  it('reads UTC date-times as Date.parse does, with and without fractions of a second', () => {
    for (const s of [
      '2026-11-25T10:15:30Z',
      '2026-11-25T10:15:30.000Z',
      '2026-11-25T10:15:30.5Z',
      '2026-11-25T10:15:30.123456Z',
      '2024-02-29T23:59:59.999Z',
      '2000-03-01T00:00:00Z',
      '1970-01-01T00:00:00Z',
      '1969-12-31T23:59:59Z',
      '2100-12-31T12:00:00Z',
    ])
      expect(parseIsoTime(s), s).toBe(Date.parse(s));
  });

  it('matches Date.parse over many instants', () => {
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2101, 0, 1); t += 37 * 86_400_000 + 3_723_456)
      expect(parseIsoTime(new Date(t).toISOString())).toBe(t);
  });

  it('leaves other forms to Date.parse: offsets, no seconds, invalid text', () => {
    for (const s of ['2026-11-25T10:15:30+01:00', '2026-11-25T10:15Z', '2026-11-25', '2026-11-25T10:15:30.Z'])
      expect(parseIsoTime(s), s).toEqual(Date.parse(s));
    expect(parseIsoTime('not a time')).toBeNaN();
    expect(parseIsoTime('2026-11-25TAB:15:30Z')).toBeNaN();
  });
});

describe('timeValuePairs', () => {
  it('interleaves times in ms and values in one Float64Array, a missing value as NaN', () => {
    const pairs = timeValuePairs(['2026-11-25T00:00:00Z', '2026-11-25T01:00:00Z'], [12.5, null]);
    expect(pairs).toBeInstanceOf(Float64Array);
    expect([...pairs]).toEqual([
      Date.parse('2026-11-25T00:00:00Z'),
      12.5,
      Date.parse('2026-11-25T01:00:00Z'),
      NaN,
    ]);
  });
});
