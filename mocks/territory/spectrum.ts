import type { Band } from '../../src/api/schemas/network';

/**
 * Spectrum each operator won in Italy's 2018 5G auction, in MHz: n78 is the 3.6–3.8 GHz lots,
 * n258 the 26.5–27.5 GHz lots. Fastweb won no mid band.
 */
export const SPECTRUM_MHZ = {
  TIM: { n78: 80, n258: 200 },
  Vodafone: { n78: 80, n258: 200 },
  'Wind Tre': { n78: 20, n258: 200 },
  Iliad: { n78: 20, n258: 200 },
  Fastweb: { n78: 0, n258: 200 },
} as const satisfies Record<string, Record<Band, number>>;

export type Operator = keyof typeof SPECTRUM_MHZ;
const OPERATORS = Object.keys(SPECTRUM_MHZ) as Operator[];

/** Share of the sites on public land each operator builds: the holders of 80 MHz the most. */
const SITE_SHARE: Record<Operator, number> = {
  TIM: 0.3,
  Vodafone: 0.28,
  'Wind Tre': 0.17,
  Iliad: 0.15,
  Fastweb: 0.1,
};

/** Peak downlink per MHz of carrier (n78: 4 layers, 256-QAM; n258: 2 layers, 64-QAM), in Mbit/s. */
const MBPS_PER_MHZ: Record<Band, number> = { n78: 14, n258: 12 };

/**
 * The operator of a site from a uniform draw `r`. A millimetre-wave cell reaches a few hundred
 * metres, so Fastweb, which has nothing else, builds only where demand is dense.
 */
export function pickOperator(r: number, dense: boolean): Operator {
  const candidates = OPERATORS.filter((o) => dense || SPECTRUM_MHZ[o].n78 > 0);
  const total = candidates.reduce((s, o) => s + SITE_SHARE[o], 0);
  let left = r * total;
  for (const o of candidates) {
    left -= SITE_SHARE[o];
    if (left < 0) return o;
  }
  return candidates[candidates.length - 1]!;
}

/** The bands a site of `operator` carries: its mid band if it holds one, and mmWave where asked or alone. */
export function operatorBands(operator: Operator, withMmWave: boolean): Band[] {
  if (SPECTRUM_MHZ[operator].n78 === 0) return ['n258'];
  return withMmWave ? ['n78', 'n258'] : ['n78'];
}

/** Peak downlink capacity of a site, in Mbit/s: proportional to the spectrum its operator holds. */
export function siteCapacityMbps(operator: Operator, bands: readonly Band[]): number {
  return bands.reduce((sum, band) => sum + SPECTRUM_MHZ[operator][band] * MBPS_PER_MHZ[band], 0);
}
