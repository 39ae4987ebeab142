import { municipalityCoverage } from '../../src/components/map/features';
import { messages as en } from '../../src/i18n/catalogues/en';
import { COVERED_MIN_DBM, COVERED_THRESHOLD, isCovered, rsrpClass } from '../../src/lib/signal';
import { distanceKm } from './geo';
import { coverageCells, coverageOf } from './coverage';
import { siteStatusAt } from './dynamics';
import { kpisAt } from './kpis';
import { createSimulation } from './simulation';

const NOW = Date.parse('2026-11-25T11:00:00Z');
const SPELL = 30 * 60_000;
const sim = createSimulation({ now: () => NOW });
const { world } = sim;
const down = (siteId: string, t: number) =>
  ['offline', 'maintenance'].includes(siteStatusAt(world.seed, siteId, t));
const spells = Array.from({ length: 400 }, (_, i) => NOW - i * SPELL);

describe('one definition of covered', () => {
  // DESIGN §6, after the usual 5G NR SS-RSRP bands: poor −100…−110 dBm, no service below −110 dBm.
  // Covered means having service, so the threshold is −110 dBm, the floor of "poor".
  it('is SS-RSRP ≥ −110 dBm, the boundary between poor and no service', () => {
    expect(COVERED_MIN_DBM).toBe(-110);
    expect(isCovered(-110)).toBe(true);
    expect(isCovered(-110.1)).toBe(false);
    expect(rsrpClass(-110)).toBe('poor');
    expect(rsrpClass(-110.1)).toBe('no-service');
    expect(en['signal.noService']).toContain('< −110 dBm');
    expect(COVERED_THRESHOLD).toBe('SS-RSRP ≥ −110 dBm');
  });

  it('is the one the map’s municipality shading counts by', () => {
    const territory = world.territory;
    const milano = territory.municipalities.find((m) => m.id === 'milano')!;
    const cell = (id: string, ssRsrpDbm: number) => ({
      id,
      centre: milano.centroid,
      ssRsrpDbm,
      expectedDlMbps: 0,
    });
    const shares = municipalityCoverage(territory, [cell('a', -110), cell('b', -110.1), cell('c', -95)]);
    expect(shares.get('milano')).toBeCloseTo(2 / 3);
  });

  it('is stated with the KPIs that count by it', () => {
    const items = kpisAt(world, 'day', NOW).items;
    for (const id of ['population-covered', 'peripheral-coverage', 'central-coverage'])
      expect(items.find((k) => k.id === id)!.label).toContain('SS-RSRP ≥ −110 dBm');
  });
});

describe('a site that is down', () => {
  const n78 = world.sites.filter((s) => s.bands.includes('n78'));
  // The site farthest from any other n78 site: its own cell is served by nothing else nearby.
  const nearestOther = (site: (typeof n78)[number]) =>
    Math.min(...n78.filter((o) => o !== site).map((o) => distanceKm(o.location, site.location)));
  const lonely = [...n78].sort((a, b) => nearestOther(b) - nearestOther(a))[0]!;
  const ownCell = (cells: ReturnType<typeof coverageCells>) =>
    [...cells].sort(
      (a, b) => distanceKm(a.centre, lonely.location) - distanceKm(b.centre, lonely.location),
    )[0]!;

  it('takes its coverage out of the coverage layer while it is down', () => {
    expect(nearestOther(lonely)).toBeGreaterThan(3);
    const whenDown = spells.find((t) => down(lonely.id, t))!;
    const whenUp = spells.find((t) => siteStatusAt(world.seed, lonely.id, t) === 'online')!;
    expect(whenDown).toBeDefined();
    const upRsrp = ownCell(coverageCells(world, 'n78', whenUp)).ssRsrpDbm;
    const downRsrp = ownCell(coverageCells(world, 'n78', whenDown)).ssRsrpDbm;
    // Within 1.2 km of its own site the cell hears it well; the next site is over 3 km away.
    expect(downRsrp).toBeLessThan(upRsrp - 10);
  });

  it('takes its coverage out of the KPIs: coverage is never higher than with every site on air', () => {
    const allOnAir = spells.find((t) => n78.every((s) => !down(s.id, t)))!;
    expect(allOnAir).toBeDefined();
    const full = coverageOf(world, 'n78', allOnAir).populationShare;
    const shares = spells.slice(0, 150).map((t) => coverageOf(world, 'n78', t).populationShare);
    for (const share of shares) expect(share).toBeLessThanOrEqual(full);
    expect(Math.min(...shares)).toBeLessThan(full);
  });
});
