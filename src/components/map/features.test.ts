import { createSimulation } from '../../../mocks/territory/simulation';
import { coverageCells, HEX_RADIUS_M } from '../../../mocks/territory/coverage';
import { mergeReadings } from '../../lib/sensors';
import {
  coverageFeatures,
  hexagon,
  municipalityCoverage,
  municipalityFeatures,
  sensorProperties,
  siteFeatures,
} from './features';

const NOW = Date.parse('2026-11-25T07:30:00Z');
const sim = createSimulation({ now: () => NOW });
const readings = mergeReadings(undefined, { generatedAt: '', items: sim.readings() });
const freeFlow = (s: { corridorId: string | null }) =>
  sim.world.territory.corridors.find((c) => c.id === s.corridorId)?.freeFlowKmh;

describe('map features', () => {
  it('makes one point per site with its status and whether it also has mmWave', () => {
    const sites = sim.sites();
    const { features } = siteFeatures(sites);
    expect(features).toHaveLength(60);
    expect(features[0]).toMatchObject({
      geometry: { type: 'Point', coordinates: sites[0]!.location },
      properties: { id: sites[0]!.id, status: sites[0]!.status, mmWave: sites[0]!.bands.includes('n258') },
    });
  });

  it('draws a closed hexagon of the right size around each coverage cell', () => {
    const ring = hexagon([9.19, 45.46], 1200);
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    const northSouthM = (Math.max(...ring.map((p) => p[1])) - Math.min(...ring.map((p) => p[1]))) * 111_320;
    expect(northSouthM).toBeCloseTo(2400, -1);
    const cells = coverageCells(sim.world, 'n78', NOW);
    const first = coverageFeatures(cells, HEX_RADIUS_M).features[0]!;
    expect(first.properties).toMatchObject({
      id: cells[0]!.id,
      rsrp: cells[0]!.ssRsrpDbm,
      dl: cells[0]!.expectedDlMbps,
    });
  });

  it('gives every municipality its share of area covered, lower in the periphery', () => {
    const shares = municipalityCoverage(sim.world.territory, coverageCells(sim.world, 'n78', NOW));
    expect(shares.size).toBe(133);
    expect(shares.get('milano')).toBeGreaterThan(0.4);
    const mean = (peripheral: boolean) => {
      const list = sim.world.territory.municipalities.filter((m) => m.peripheral === peripheral);
      return list.reduce((s, m) => s + shares.get(m.id)!, 0) / list.length;
    };
    expect(mean(true)).toBeLessThan(mean(false));
    const feature = municipalityFeatures(sim.world.territory, shares).features.find(
      (f) => f.properties.id === 'milano',
    );
    expect(feature?.properties).toMatchObject({
      name: 'Milano',
      peripheral: false,
      coverage: shares.get('milano'),
    });
  });

  it('puts each air station’s bands and each traffic sensor’s congestion on its feature', () => {
    const air = sim.world.sensors.find((s) => s.kind === 'air')!;
    const reading = readings.bySensor.get(air.id)!;
    const props = sensorProperties(air, reading, NOW, undefined);
    expect(props).toMatchObject({
      id: air.id,
      kind: 'air',
      stale: false,
      band: reading.kind === 'air' ? reading.airQualityIndex : -1,
    });
    expect(props.band_pm10).toBeGreaterThanOrEqual(1);

    const traffic = sim.world.sensors.find((s) => s.kind === 'traffic')!;
    const trafficProps = sensorProperties(traffic, readings.bySensor.get(traffic.id), NOW, freeFlow(traffic));
    expect(['free', 'busy', 'congested']).toContain(trafficProps.level);
  });

  it('marks a sensor with no recent reading as stale', () => {
    const air = sim.world.sensors.find((s) => s.kind === 'air')!;
    expect(sensorProperties(air, readings.bySensor.get(air.id), NOW + 3_600_000, undefined).stale).toBe(true);
    expect(sensorProperties(air, undefined, NOW, undefined)).toEqual({
      id: air.id,
      name: air.name,
      kind: 'air',
      stale: true,
    });
  });
});
