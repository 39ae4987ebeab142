import type { Band, CoverageCell, SiteStatus } from '../../src/api/schemas/network';
import { isCovered } from '../../src/lib/signal';
import { coverageCentres, HEX_RADIUS_KM, type SiteSeed, type World } from './build';
import { boundedCache } from './cache';
import { siteStatusAt } from './dynamics';
import { distanceKm } from './geo';

/** Propagation per band: reference SS-RSRP at 100 m and path-loss slope per decade of distance. */
const PROPAGATION: Record<Band, { at100m: number; slope: number; peakMbps: number }> = {
  n78: { at100m: -60, slope: 30, peakMbps: 1100 },
  n258: { at100m: -68, slope: 42, peakMbps: 2400 },
};

/** On air: radiating, if degraded. An offline site or one in maintenance radiates nothing. */
export const isOnAir = (status: SiteStatus) => status === 'online' || status === 'degraded';

/** The sites radiating a band at a time. */
export function sitesOnAir(world: World, band: Band, timeMs: number): SiteSeed[] {
  return world.sites.filter(
    (site) => site.bands.includes(band) && isOnAir(siteStatusAt(world.seed, site.id, timeMs)),
  );
}

function rsrpAt(sites: readonly SiteSeed[], band: Band, point: readonly [number, number]): number {
  const { at100m, slope } = PROPAGATION[band];
  let best = -160;
  for (const site of sites) {
    const km = Math.max(0.1, distanceKm(point, site.location));
    best = Math.max(best, at100m - slope * Math.log10(km / 0.1));
  }
  return Math.round(Math.max(-160, best) * 10) / 10;
}

function expectedDl(band: Band, rsrp: number): number {
  const quality = Math.min(1, Math.max(0, (rsrp + 115) / 40));
  return Math.round(PROPAGATION[band].peakMbps * quality ** 1.6 * 0.6);
}

// By seed, band and the sites on air: the cells change only when a site goes down or comes back.
const cellCache = boundedCache<CoverageCell[]>(256);

/** The coverage of a band at a time, from the sites then on air. */
export function coverageCells(world: World, band: Band, timeMs: number): CoverageCell[] {
  const sites = sitesOnAir(world, band, timeMs);
  const key = `${world.seed}:${band}:${sites.map((s) => s.id).join(',')}`;
  return cellCache(key, () =>
    coverageCentres(world).map((centre, i): CoverageCell => {
      const ssRsrpDbm = rsrpAt(sites, band, centre);
      return { id: `${band}-${i}`, centre, ssRsrpDbm, expectedDlMbps: expectedDl(band, ssRsrpDbm) };
    }),
  );
}

export const HEX_RADIUS_M = HEX_RADIUS_KM * 1000;

/**
 * Share of the population, and of peripheral and central municipalities, covered (with service,
 * as `isCovered` says) at their centroid by the sites on air at a time.
 */
export function coverageOf(world: World, band: Band, timeMs: number) {
  const sites = sitesOnAir(world, band, timeMs);
  const municipalities = world.territory.municipalities;
  const covered = municipalities.filter((m) => isCovered(rsrpAt(sites, band, m.centroid)));
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
