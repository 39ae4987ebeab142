import { formatAge, formatDuration, formatEuro, formatNumber, formatPercent } from './format';

describe('formatting', () => {
  it('says how old data is in words', () => {
    expect(formatAge(2_000)).toBe('just now');
    expect(formatAge(45_000)).toBe('45 s ago');
    expect(formatAge(3 * 60_000 + 10_000)).toBe('3 min ago');
    expect(formatAge(5 * 3_600_000)).toBe('5 h ago');
    expect(formatAge(72 * 3_600_000)).toBe('3 d ago');
  });

  it('never prints NaN or undefined', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatEuro(null)).toBe('—');
  });

  it('formats figures for reading across a room', () => {
    expect(formatNumber(2260190)).toBe('2,260,190');
    expect(formatPercent(0.811, 1)).toBe('81.1%');
    expect(formatEuro(2_000_000)).toBe('€2,000,000');
    expect(formatEuro(2_260_190, true)).toMatch(/^€2\.26[mM]$/);
  });

  it('gives lengths of time in the largest units that read well', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45.4)).toBe('45 s');
    expect(formatDuration(59.6)).toBe('1 min');
    expect(formatDuration(12 * 60 + 20)).toBe('12 min');
    expect(formatDuration(3599)).toBe('1 h');
    expect(formatDuration(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(formatDuration(23 * 3600 + 59 * 60)).toBe('23 h 59 min');
    expect(formatDuration(24 * 3600)).toBe('1 d');
    expect(formatDuration(3 * 86_400 + 4 * 3600 + 10 * 60)).toBe('3 d 4 h');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
