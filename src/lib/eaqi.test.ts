import { eaqiBand, stationEaqi } from './eaqi';

describe('eaqiBand', () => {
  it('puts a value exactly on a boundary in the lower band', () => {
    expect(eaqiBand('pm25', 5)).toBe(1);
    expect(eaqiBand('pm25', 5.01)).toBe(2);
    expect(eaqiBand('no2', 150)).toBe(5);
    expect(eaqiBand('no2', 150.1)).toBe(6);
  });

  it.each([
    ['pm10', 14, 1],
    ['pm10', 46, 3],
    ['o3', 130, 4],
    ['so2', 300, 6],
  ] as const)('%s %d µg/m³ is band %d', (pollutant, value, band) => {
    expect(eaqiBand(pollutant, value)).toBe(band);
  });
});

describe('stationEaqi', () => {
  it('takes the worst pollutant', () => {
    expect(stationEaqi({ pm25: 3, pm10: 10, no2: 70, o3: 20, so2: 5 })).toEqual({ band: 4, worst: 'no2' });
  });
});
