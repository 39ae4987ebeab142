import { describeOffset, parseTimeOffset, snapshotTime, timeMode } from './map-time';

describe('the map time in the URL', () => {
  it('reads whole 15-minute steps within a day either way', () => {
    expect(parseTimeOffset('360')).toBe(360);
    expect(parseTimeOffset('-1440')).toBe(-1440);
    expect(parseTimeOffset('50')).toBe(45);
  });

  it('falls back to now on anything else', () => {
    for (const bad of [undefined, '', 'soon', '1441', '-2000', '6.5', 'Infinity'])
      expect(parseTimeOffset(bad)).toBe(0);
  });

  it('tells live, past and forecast apart', () => {
    expect([timeMode(0), timeMode(-15), timeMode(15)]).toEqual(['live', 'past', 'forecast']);
  });
});

describe('the instant shown', () => {
  it('sits on the 15-minute grid, so it changes once a step', () => {
    const now = Date.parse('2026-03-11T08:37:12Z');
    expect(new Date(snapshotTime(now, 360)).toISOString()).toBe('2026-03-11T14:30:00.000Z');
    expect(new Date(snapshotTime(now, -15)).toISOString()).toBe('2026-03-11T08:15:00.000Z');
    expect(snapshotTime(now + 60_000, 360)).toBe(snapshotTime(now, 360));
  });

  it('is described relative to now', () => {
    expect([describeOffset(0), describeOffset(360), describeOffset(-135), describeOffset(45)]).toEqual([
      'now',
      '+6 h',
      '−2 h 15 min',
      '+45 min',
    ]);
  });
});
