import type { Facility } from '../../api/schemas/health';
import { aDevice, linkHop } from '../../test/health-fixtures';
import { createSimulation } from '../../../mocks/territory/simulation';
import { coverageCells, HEX_RADIUS_M } from '../../../mocks/territory/coverage';
import { mergeReadings } from '../../lib/sensors';
import {
  coverageFeatures,
  devicePathFeatures,
  facilityFeatures,
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

// Hand-made facilities and devices: what each feature should carry is read off them directly.
const facility = (id: string, kind: Facility['kind'], location: [number, number]): Facility => ({
  id,
  name: `Facility ${id}`,
  kind,
  municipalityId: 'm',
  location,
});

describe('health features', () => {
  it('makes one point per facility with its devices’ worst state and whether their data falls back', () => {
    const facilities = [
      facility('fac-a', 'hospital', [9.2, 45.5]),
      facility('fac-b', 'clinic', [9.3, 45.4]),
      facility('fac-c', 'community-house', [9.1, 45.6]),
    ];
    const devicesAt = new Map([
      [
        'fac-a',
        [
          aDevice('a1', { deviceState: 'idle' }),
          aDevice('a2', { deviceState: 'fault' }),
          aDevice('a3', { deviceState: 'in-use', classicalFallback: true }),
        ],
      ],
      ['fac-c', [aDevice('c1', { deviceState: 'idle' }), aDevice('c2', { deviceState: 'maintenance' })]],
    ]);
    const { features } = facilityFeatures(facilities, devicesAt, (f) => `${f.name} described`);
    expect(features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [9.2, 45.5] },
        properties: {
          id: 'fac-a',
          name: 'Facility fac-a described',
          kind: 'hospital',
          worst: 'fault',
          fallback: true,
        },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [9.3, 45.4] },
        // No devices: no state to judge, nothing falling back.
        properties: {
          id: 'fac-b',
          name: 'Facility fac-b described',
          kind: 'clinic',
          worst: null,
          fallback: false,
        },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [9.1, 45.6] },
        properties: {
          id: 'fac-c',
          name: 'Facility fac-c described',
          kind: 'community-house',
          worst: 'maintenance',
          fallback: false,
        },
      },
    ]);
  });

  it('draws a device’s data path as one segment per hop, from the device, each by its protection', () => {
    const onPath = aDevice('d1', {
      location: [9.0, 45.0],
      path: [
        { kind: 'site', refId: 'site-1', name: 'Site 1', to: [9.1, 45.1] },
        linkHop('fibre', 'Fibre to Node A', [9.2, 45.2], true),
        linkHop('qkd-link', 'Node A – Node B', [9.3, 45.3], false),
        linkHop('qkd-link', 'Node B – Data centre', [9.4, 45.2], true),
      ],
      classicalFallback: true,
    });
    const { features } = devicePathFeatures(onPath);
    expect(features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [
        [
          [9.0, 45.0],
          [9.1, 45.1],
        ],
        { name: 'Site 1', protection: 'radio' },
      ],
      [
        [
          [9.1, 45.1],
          [9.2, 45.2],
        ],
        { name: 'Fibre to Node A', protection: 'protected' },
      ],
      [
        [
          [9.2, 45.2],
          [9.3, 45.3],
        ],
        { name: 'Node A – Node B', protection: 'classical' },
      ],
      [
        [
          [9.3, 45.3],
          [9.4, 45.2],
        ],
        { name: 'Node B – Data centre', protection: 'protected' },
      ],
    ]);
    expect(features.every((f) => f.geometry.type === 'LineString')).toBe(true);
    // A device whose site is the whole path: the radio hop alone.
    expect(devicePathFeatures(aDevice('d2')).features).toHaveLength(1);
  });
});
