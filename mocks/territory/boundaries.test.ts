import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { METRO_OUTLINE, MUNICIPALITY_SHAPES } from './boundaries';
import { deriveShapes, dissolve } from './derive-boundaries';
import { HEX_RADIUS_KM, PERIPHERAL_KM, MILAN_CENTRE } from './build';
import { coverageCells } from './coverage';
import { distanceKm, type Point } from './geo';
import { generatedAlerts, qberAlerts } from './alerts';
import { createSimulation } from './simulation';

const NOON = Date.parse('2026-11-25T11:00:00Z');
const sim = createSimulation({ now: () => NOON });
const { territory } = sim.world;
const byId = new Map(territory.municipalities.map((m) => [m.id, m]));
const km2 = (geometry: Parameters<typeof area>[0]) => area(geometry) / 1e6;

/** Which of the named places lie outside the municipality they name (or outside the territory). */
function misplaced(places: { what: string; municipalityId: string; point: Point }[]) {
  return places
    .filter(({ municipalityId, point }) => {
      const municipality = byId.get(municipalityId);
      return (
        !municipality ||
        !booleanPointInPolygon([point[0], point[1]], municipality.boundary) ||
        !booleanPointInPolygon([point[0], point[1]], territory.outline)
      );
    })
    .map((p) => `${p.what} in ${p.municipalityId}`);
}

describe('the territory’s boundaries', () => {
  // ISTAT: the Metropolitan City of Milan has 133 municipalities and 1,575.65 km²; Milano 181.67 km²
  // (superficie territoriale, ISTAT 2021). The web-simplified polygons keep their areas within 1 %.
  it('are the 133 surveyed municipalities, with their areas', () => {
    expect(territory.municipalities).toHaveLength(133);
    const total = territory.municipalities.reduce((s, m) => s + m.areaKm2, 0);
    expect(Math.abs(total - 1575.65) / 1575.65).toBeLessThan(0.01);
    expect(Math.abs(byId.get('milano')!.areaKm2 - 181.67) / 181.67).toBeLessThan(0.01);
    for (const m of territory.municipalities) expect(m.areaKm2).toBeCloseTo(km2(m.boundary), 1);
  });

  it('are the shapes, label points and areas derived from the published boundaries, as committed', () => {
    expect([...MUNICIPALITY_SHAPES.values()]).toEqual(deriveShapes());
  });

  it('are outlined by the dissolved union of the municipalities, as committed', () => {
    expect(dissolve(deriveShapes())).toEqual(METRO_OUTLINE);
    expect(territory.outline).toEqual(METRO_OUTLINE);
    // Two parts: the metropolitan area and the exclave of San Colombano al Lambro, between Lodi and Pavia.
    expect(METRO_OUTLINE.type).toBe('MultiPolygon');
    expect(METRO_OUTLINE.coordinates).toHaveLength(2);
    const sanColombano = byId.get('san-colombano-al-lambro')!.centroid;
    const exclave = METRO_OUTLINE.coordinates.find((part) =>
      booleanPointInPolygon(sanColombano, { type: 'Polygon', coordinates: part as [number, number][][] }),
    );
    expect(exclave).toBeDefined();
    // The union neither loses land nor adds any: its area is the sum of the municipalities'.
    const sum = territory.municipalities.reduce((s, m) => s + km2(m.boundary), 0);
    expect(Math.abs(km2(METRO_OUTLINE) - sum) / sum).toBeLessThan(0.001);
    const [west, south, east, north] = territory.bounds;
    for (const part of METRO_OUTLINE.coordinates as [number, number][][][])
      for (const [lon, lat] of part.flat()) {
        expect(lon).toBeGreaterThan(west);
        expect(lon).toBeLessThan(east);
        expect(lat).toBeGreaterThan(south);
        expect(lat).toBeLessThan(north);
      }
  });

  it('label each municipality at a point inside it', () => {
    expect(
      territory.municipalities
        .filter((m) => !booleanPointInPolygon(m.centroid, m.boundary))
        .map((m) => m.name),
    ).toEqual([]);
  });

  it('make a municipality peripheral by the distance of its label point from the Duomo, as stated', () => {
    expect(territory.peripheralRule).toContain(`${PERIPHERAL_KM} km`);
    for (const m of territory.municipalities)
      expect(m.peripheral, m.name).toBe(distanceKm(m.centroid, MILAN_CENTRE) > PERIPHERAL_KM);
    expect(byId.get('milano')!.peripheral).toBe(false);
    expect(byId.get('legnano')!.peripheral).toBe(true);
  });

  it('credit their source with the data', () => {
    expect(territory.attribution).toMatch(/Openpolis.*CC BY 4\.0.*ISTAT/);
    expect(territory.dataNotice).not.toMatch(/schematic boundar|boundaries are schematic/i);
  });
});

describe('everything placed on the territory', () => {
  it('lies inside it, in the municipality it names', () => {
    const places = [
      ...sim.sites().map((s) => ({ what: s.id, municipalityId: s.municipalityId, point: s.location })),
      ...sim.world.sensors.map((s) => ({ what: s.id, municipalityId: s.municipalityId, point: s.location })),
      ...sim
        .qkdLinks()
        .flatMap((l) =>
          l.endpoints.map((e) => ({ what: `${l.id} ${e.id}`, municipalityId: '', point: e.location })),
        ),
    ];
    // QKD nodes name no municipality: they need only lie in the territory.
    const nodes = places.filter((p) => p.municipalityId === '');
    expect(
      nodes.filter((n) => !booleanPointInPolygon([...n.point], territory.outline)).map((n) => n.what),
    ).toEqual([]);
    expect(misplaced(places.filter((p) => p.municipalityId !== ''))).toEqual([]);
  });

  it('includes alert places and coverage cells', () => {
    const alerts = [...generatedAlerts(sim.world, NOON), ...qberAlerts(sim.world, NOON)];
    expect(alerts.length).toBeGreaterThan(0);
    expect(
      misplaced(
        alerts.flatMap(({ id, place }) =>
          place?.position && place.municipalityId
            ? [{ what: id, municipalityId: place.municipalityId, point: place.position }]
            : [],
        ),
      ),
    ).toEqual([]);
    for (const band of ['n78', 'n258'] as const) {
      const cells = coverageCells(sim.world, band, NOON);
      expect(cells.length).toBeGreaterThan(1575 / (2.6 * HEX_RADIUS_KM ** 2) / 2);
      expect(
        cells.filter((c) => !booleanPointInPolygon(c.centre, territory.outline)).map((c) => c.id),
      ).toEqual([]);
    }
  });
});
