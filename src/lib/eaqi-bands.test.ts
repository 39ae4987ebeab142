import { eaqiBandCount, stationPopulations } from './eaqi-bands';

const population: Record<string, number> = { milano: 1_366_000, rho: 51_000, sesto: 81_000 };
const stations = [
  { id: 'm1', municipalityId: 'milano' },
  { id: 'm2', municipalityId: 'milano' },
  { id: 'm3', municipalityId: 'milano' },
  { id: 'r1', municipalityId: 'rho' },
  { id: 's1', municipalityId: 'sesto' },
  { id: 'x1', municipalityId: 'nowhere' },
];

describe('stations and residents by EAQI band', () => {
  it('gives each station its municipality’s population split among the municipality’s stations', () => {
    const people = stationPopulations(stations, (id) => population[id]);
    expect(people.get('m1')).toBeCloseTo(1_366_000 / 3);
    expect(people.get('r1')).toBe(51_000);
    expect(people.get('x1')).toBe(0);
  });

  it('counts stations and residents in each band, and apart those not reporting', () => {
    const band: Record<string, 1 | 2 | 3 | 4 | 5 | 6 | null> = {
      m1: 4,
      m2: 3,
      m3: null,
      r1: 3,
      s1: 4,
      x1: 2,
    };
    const count = eaqiBandCount(
      stations,
      (id) => band[id]!,
      (id) => population[id],
    );
    // Milan's 1,366,000 residents are a third each for m1 (4), m2 (3) and m3 (not reporting).
    expect(count.bands).toEqual([
      { band: 1, stations: 0, population: 0 },
      { band: 2, stations: 1, population: 0 },
      { band: 3, stations: 2, population: 455_333 + 51_000 },
      { band: 4, stations: 2, population: 455_333 + 81_000 },
      { band: 5, stations: 0, population: 0 },
      { band: 6, stations: 0, population: 0 },
    ]);
    expect(count.notReporting).toEqual({ stations: 1, population: 455_333 });
  });
});
