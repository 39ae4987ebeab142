import { buildWorld } from './build';
import { DEFAULT_SEED } from './simulation';

/**
 * Italy's 2018 5G auction (AGCOM resolution 231/18/CONS; MISE final results, October 2018):
 * 3.6–3.8 GHz, 200 MHz in all, to TIM and Vodafone (80 MHz each), Iliad and Wind Tre (20 MHz
 * each); 26.5–27.5 GHz in five 200 MHz lots to TIM, Vodafone, Iliad, Wind Tre and Fastweb.
 * Fastweb won no mid band. Written out here, not read from the code under test.
 */
const MID_BAND_MHZ: Record<string, number> = { TIM: 80, Vodafone: 80, Iliad: 20, 'Wind Tre': 20, Fastweb: 0 };
const MMWAVE_MHZ = 200;

const sites = buildWorld(DEFAULT_SEED).sites;

describe('5G sites as the 2018 Italian auction assigned the spectrum', () => {
  it('belong only to the five operators that won 5G spectrum, the mid-band holders among them', () => {
    const operators = new Set(sites.map((s) => s.operator));
    for (const operator of operators) expect(Object.keys(MID_BAND_MHZ)).toContain(operator);
    for (const holder of ['TIM', 'Vodafone', 'Iliad', 'Wind Tre']) expect(operators).toContain(holder);
  });

  it('carry n78 only where the operator holds 3.6–3.8 GHz: Fastweb’s sites are 26 GHz alone', () => {
    for (const site of sites) {
      expect(site.bands.includes('n78'), site.id).toBe(MID_BAND_MHZ[site.operator]! > 0);
      if (site.operator === 'Fastweb') expect(site.bands).toEqual(['n258']);
    }
  });

  it('have a capacity in proportion to the spectrum the operator holds on the bands it carries', () => {
    const spectrum = (site: (typeof sites)[number]) =>
      (site.bands.includes('n78') ? MID_BAND_MHZ[site.operator]! : 0) +
      (site.bands.includes('n258') ? MMWAVE_MHZ : 0);
    const midOnly = sites.filter((s) => s.bands.length === 1 && s.bands[0] === 'n78');
    const byOperator = (operator: string) => midOnly.find((s) => s.operator === operator)!;
    // 80 MHz carries four times what 20 MHz does, on the same band.
    expect(byOperator('TIM').capacityMbps).toBeCloseTo(4 * byOperator('Iliad').capacityMbps);
    expect(byOperator('Vodafone').capacityMbps).toBeCloseTo(4 * byOperator('Wind Tre').capacityMbps);
    // More spectrum never means less capacity.
    const sorted = [...sites].sort((a, b) => spectrum(a) - spectrum(b));
    for (let i = 1; i < sorted.length; i++)
      if (spectrum(sorted[i]!) > spectrum(sorted[i - 1]!))
        expect(sorted[i]!.capacityMbps).toBeGreaterThan(sorted[i - 1]!.capacityMbps);
  });
});
