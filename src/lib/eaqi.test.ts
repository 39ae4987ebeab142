import { POLLUTANTS } from '../api/schemas/forecasts';
import { EAQI_UPPER_BOUNDS, eaqiBand, eaqiIndex } from './eaqi';

/** The 2024 EAQI table of DESIGN.md §6, written out again so the code is checked against it. */
const TABLE = {
  pm25: [5, 15, 50, 90, 140],
  pm10: [15, 45, 120, 195, 270],
  no2: [10, 25, 60, 100, 150],
  o3: [60, 100, 120, 160, 180],
  so2: [20, 40, 125, 190, 275],
} as const;

describe('eaqiBand', () => {
  it('uses the 2024 table', () => {
    expect(EAQI_UPPER_BOUNDS).toEqual(TABLE);
  });

  for (const pollutant of POLLUTANTS) {
    it(`puts every ${pollutant} boundary in the lower band and just above it in the next`, () => {
      TABLE[pollutant].forEach((upper, i) => {
        expect(eaqiBand(pollutant, upper)).toBe(i + 1);
        expect(eaqiBand(pollutant, upper + 0.01)).toBe(i + 2);
      });
      expect(eaqiBand(pollutant, 0)).toBe(1);
      expect(eaqiBand(pollutant, 10_000)).toBe(6);
    });
  }

  it('follows the worked example: PM2.5 5.0 is Good, 5.01 Fair', () => {
    expect(eaqiBand('pm25', 5)).toBe(1);
    expect(eaqiBand('pm25', 5.01)).toBe(2);
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %s as invalid input',
    (value) => {
      expect(() => eaqiBand('no2', value)).toThrow(RangeError);
    },
  );
});

describe('eaqiIndex', () => {
  it('is the worst band over the pollutants present', () => {
    expect(eaqiIndex({ pm25: 3, pm10: 10, no2: 70, o3: 20, so2: 5 })).toBe(4);
    expect(eaqiIndex({ o3: 181 })).toBe(6);
    expect(eaqiIndex({ pm10: 20, no2: undefined, so2: null })).toBe(2);
  });

  it('is null when no pollutant is present', () => {
    expect(eaqiIndex({})).toBeNull();
    expect(eaqiIndex({ pm25: null, no2: undefined })).toBeNull();
  });

  it('refuses invalid concentrations', () => {
    expect(() => eaqiIndex({ pm10: -1 })).toThrow(RangeError);
  });
});
