import { keyPoolExhaustion } from './key-pool';

describe('keyPoolExhaustion', () => {
  it('divides the stock by the net drain', () => {
    // 8,000 kbit drawn at 10 kbit/s while 2 kbit/s are made: 8,000 / 8 = 1,000 s.
    expect(keyPoolExhaustion(8000, 2, 10)).toBe(1000);
    // 3,600 kbit, 1.5 made, 2.5 used: 3,600 s, an hour.
    expect(keyPoolExhaustion(3600, 1.5, 2.5)).toBe(3600);
    // A link whose key rate has fallen to zero lasts stored / consumption: 500 / 4 = 125 s.
    expect(keyPoolExhaustion(500, 0, 4)).toBe(125);
    // Fractions: 100 kbit at a net 0.3 kbit/s.
    expect(keyPoolExhaustion(100, 0.2, 0.5)).toBeCloseTo(333.333, 3);
  });

  it('is null while keys are made at least as fast as they are used', () => {
    expect(keyPoolExhaustion(8000, 10, 7)).toBeNull();
    expect(keyPoolExhaustion(8000, 7, 7)).toBeNull();
    expect(keyPoolExhaustion(0, 0, 0)).toBeNull();
  });

  it('is zero when the pool is already empty and still drawn on', () => {
    expect(keyPoolExhaustion(0, 1, 5)).toBe(0);
    // A stock reported below zero is treated as empty, not as time owed.
    expect(keyPoolExhaustion(-20, 1, 5)).toBe(0);
  });

  it('is null when a figure is missing', () => {
    expect(keyPoolExhaustion(Number.NaN, 1, 5)).toBeNull();
    expect(keyPoolExhaustion(100, Number.NaN, 5)).toBeNull();
    expect(keyPoolExhaustion(100, 1, Number.POSITIVE_INFINITY)).toBeNull();
  });
});
