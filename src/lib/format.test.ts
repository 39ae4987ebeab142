import { formatAge, formatEuro, formatNumber, formatPercent } from './format';

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
  });
});
