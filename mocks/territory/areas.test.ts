import { createSimulation } from './simulation';

/** Fewer sites than this in an area, and naming the area would come close to naming the site. */
const MIN_SITES_PER_AREA = 8;

describe('the areas the public projection names', () => {
  const { world } = createSimulation({ sensorCount: 200 });
  const { areas, municipalities } = world.territory;

  it('cover every municipality once', () => {
    const covered = areas.flatMap((area) => area.municipalityIds);
    expect(new Set(covered).size).toBe(covered.length);
    expect([...covered].sort()).toEqual(municipalities.map((m) => m.id).sort());
  });

  it(`each hold at least ${MIN_SITES_PER_AREA} of the 5G sites`, () => {
    const sitesIn = areas.map(
      (area) => world.sites.filter((s) => area.municipalityIds.includes(s.municipalityId)).length,
    );
    expect(Math.min(...sitesIn)).toBeGreaterThanOrEqual(MIN_SITES_PER_AREA);
    expect(sitesIn.reduce((a, b) => a + b, 0)).toBe(world.sites.length);
  });

  it('are named for where they are, seen from the centre of Milan', () => {
    const milano = municipalities.find((m) => m.id === 'milano')!;
    const byName = new Map(areas.map((a) => [a.name, a]));
    expect(byName.get('City of Milan')?.municipalityIds).toEqual(['milano']);
    expect(byName.get('North of Milan')!.centroid[1]).toBeGreaterThan(milano.centroid[1]);
    expect(byName.get('South of Milan')!.centroid[1]).toBeLessThan(milano.centroid[1]);
    expect(byName.get('East of Milan')!.centroid[0]).toBeGreaterThan(milano.centroid[0]);
    expect(byName.get('West of Milan')!.centroid[0]).toBeLessThan(milano.centroid[0]);
  });
});
