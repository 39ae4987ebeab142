import { dailyMeans, maxDailyEightHourMeans } from './averaging';

const HOUR = 3_600_000;
/** Hourly values from a UTC instant, one per hour. */
const hourly = (fromIso: string, values: number[]) =>
  values.map((value, i) => ({ t: Date.parse(fromIso) + i * HOUR, value }));

describe('daily means', () => {
  it('are taken over Milan’s local day, each with at least 18 of its hours', () => {
    // 10 March in Milan (UTC+1) runs from 23:00 UTC on the 9th: 24 hours, 12 at 40 and 12 at 70.
    const day = hourly('2026-03-09T23:00:00Z', [...Array(12).fill(40), ...Array(12).fill(70)]);
    // Then 17 hours of the 11th: too few for a mean.
    const partial = hourly('2026-03-10T23:00:00Z', Array(17).fill(90));
    expect([...dailyMeans([...day, ...partial], 'Europe/Rome')]).toEqual([['2026-03-10', 55]]);
  });

  it('take the 23 hours of the day clocks go forward', () => {
    // 29 March 2026: 00:00 in Milan is 23:00 UTC on the 28th, 24:00 is 22:00 UTC on the 29th.
    const day = hourly(
      '2026-03-28T23:00:00Z',
      Array.from({ length: 23 }, (_, i) => i),
    );
    expect(dailyMeans(day, 'Europe/Rome').get('2026-03-29')).toBe(11);
  });
});

describe('maximum daily 8-hour means', () => {
  it('assign each running mean to the day of its last hour', () => {
    // Two days in Milan at 100, except the 8 hours starting 18:00 on the 10th to 01:00 on the 11th
    // at 140: the 8-hour mean of 18:00–02:00 ends on the 11th, so the 11th's maximum is 140, and
    // the 10th's highest (16:00–24:00, six hours at 140) is 130.
    const values = Array.from({ length: 48 }, (_, i) => (i >= 18 && i <= 25 ? 140 : 100));
    const means = maxDailyEightHourMeans(hourly('2026-03-09T23:00:00Z', values), 'Europe/Rome');
    expect(means.get('2026-03-10')).toBe(130);
    expect(means.get('2026-03-11')).toBe(140);
  });

  it('need 6 of a mean’s 8 hours and 18 means in the day', () => {
    // Means ending in the first 5 hours of the 10th lack hours; from the one ending with the hour
    // starting 05:00, each has 6 or more: 19 means. Two hours fewer leave 17.
    const values = Array(24).fill(50);
    expect(
      maxDailyEightHourMeans(hourly('2026-03-09T23:00:00Z', values), 'Europe/Rome').get('2026-03-10'),
    ).toBe(50);
    const short = hourly('2026-03-09T23:00:00Z', Array(22).fill(50));
    expect(maxDailyEightHourMeans(short, 'Europe/Rome').has('2026-03-10')).toBe(false);
  });
});
