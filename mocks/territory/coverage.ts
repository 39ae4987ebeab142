import type { Band, CoverageCell } from '../../src/api/schemas/network';
import { coverageCentres, HEX_RADIUS_KM, type World } from './build';
import { distanceKm } from './geo';

/** Propagation per band: reference SS-RSRP at 100 m and path-loss slope per decade of distance. */
const PROPAGATION: Record<Band, { at100m: number; slope: number; peakMbps: number }> = {
  n78: { at100m: -60, slope: 30, peakMbps: 1100 },
  n258: { at100m: -68, slope: 42, peakMbps: 2400 },
};

/** Usable service from about −110 dBm (no service below). */
const COVERED_DBM = -105;

function rsrpAt(world: World, band: Band, point: readonly [number, number]): number {
  const { at100m, slope } = PROPAGATION[band];
  let best = -160;
  for (const site of world.sites) {
    if (!site.bands.includes(band)) continue;
    const km = Math.max(0.1, distanceKm(point, site.location));
    best = Math.max(best, at100m - slope * Math.log10(km / 0.1));
  }
  return Math.round(Math.max(-160, best) * 10) / 10;
}

function expectedDl(band: Band, rsrp: number): number {
  const quality = Math.min(1, Math.max(0, (rsrp + 115) / 40));
  return Math.round(PROPAGATION[band].peakMbps * quality ** 1.6 * 0.6);
}

const cellCache = new Map<string, CoverageCell[]>();

export function coverageCells(world: World, band: Band): CoverageCell[] {
  const key = `${world.seed}:${band}`;
  const cached = cellCache.get(key);
  if (cached) return cached;
  const cells = coverageCentres(world).map((centre, i): CoverageCell => {
    const ssRsrpDbm = rsrpAt(world, band, centre);
    return { id: `${band}-${i}`, centre, ssRsrpDbm, expectedDlMbps: expectedDl(band, ssRsrpDbm) };
  });
  cellCache.set(key, cells);
  return cells;
}

export const HEX_RADIUS_M = HEX_RADIUS_KM * 1000;

/** Share of the population, and of peripheral and central municipalities, with usable service at their centroid. */
export function coverageOf(world: World, band: Band) {
  const municipalities = world.territory.municipalities;
  const covered = municipalities.filter((m) => rsrpAt(world, band, m.centroid) >= COVERED_DBM);
  const total = municipalities.reduce((s, m) => s + m.population, 0);
  const share = (list: typeof municipalities, of: typeof municipalities) =>
    of.length ? list.length / of.length : 0;
  return {
    populationShare: covered.reduce((s, m) => s + m.population, 0) / total,
    peripheralShare: share(
      covered.filter((m) => m.peripheral),
      municipalities.filter((m) => m.peripheral),
    ),
    centralShare: share(
      covered.filter((m) => !m.peripheral),
      municipalities.filter((m) => !m.peripheral),
    ),
  };
}
