import fc from 'fast-check';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import { SEVERITIES } from '../../api/schemas/security';
import type { Reading } from '../../api/schemas/sensors';
import { t } from '../../i18n/i18n';
import { eaqiBand } from '../../lib/eaqi';
import { rsrpClass } from '../../lib/signal';
import * as arb from '../../test/arbitraries';
import {
  alertPlaceFeatures,
  coverageFeatures,
  municipalityCoverage,
  municipalityFeatures,
  qkdFeatures,
  sensorFeatures,
  siteFeatures,
} from './features';
import { basemapSources } from './map-sources';
import { MAP_LAYERS, type MapLayer } from './map-style';
import { formatTimeOffset, parseTimeOffset, snapshotTime, TIME_RANGE_MIN, TIME_STEP_MIN } from './map-time';
import { formatTarget, parseTarget } from '../../lib/selection';
import { formatCamera, formatLayers, parseCamera, parseLayers, withLayer } from './map-url';

const RUNS = { numRuns: 1000 };
// A thousand runs can outlast the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const isLonLat = (p: readonly number[]) =>
  p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90;

/** Property values the map's style expressions can read: no undefined, objects or NaN. */
const drawable = (props: Record<string, unknown>) =>
  Object.values(props).every(
    (v) => v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v),
  );

describe('map features', () => {
  it('put one point per site where it stands, with its status and whether it has mmWave', () => {
    fc.assert(
      fc.property(arb.sitesResponse, ({ items }) => {
        const { features } = siteFeatures(items);
        expect(features).toHaveLength(items.length);
        features.forEach((f, i) => {
          expect(f.geometry.coordinates).toEqual(items[i]!.location);
          expect(f.properties).toMatchObject({ id: items[i]!.id, status: items[i]!.status });
          expect(f.properties.mmWave).toBe(items[i]!.bands.includes('n258'));
          expect(drawable(f.properties)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('draw every coverage cell as a closed hexagon of finite corners around it, classed by its signal', () => {
    // Within Web Mercator's latitudes, which is all MapLibre draws, and up to 100 km cells.
    const cell = fc.record({
      id: arb.nonEmpty,
      centre: fc.tuple(arb.longitude, fc.double({ min: -85.06, max: 85.06, noNaN: true })),
      ssRsrpDbm: fc.double({ min: -160, max: -20, noNaN: true }),
      expectedDlMbps: arb.nonNegative,
    });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 8 }),
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        (cells, r) => {
          const { features } = coverageFeatures(cells, r);
          expect(features).toHaveLength(cells.length);
          features.forEach((f, i) => {
            const ring = f.geometry.coordinates[0]!;
            expect(ring).toHaveLength(7);
            expect(ring[6]).toEqual(ring[0]);
            expect(ring.flat().every(Number.isFinite)).toBe(true);
            const [lon, lat] = cells[i]!.centre;
            const meanLon = ring.slice(0, 6).reduce((s, p) => s + p[0]!, 0) / 6;
            const meanLat = ring.slice(0, 6).reduce((s, p) => s + p[1]!, 0) / 6;
            expect(meanLon).toBeCloseTo(lon, 6);
            expect(meanLat).toBeCloseTo(lat, 6);
            for (const p of ring) expect(Math.abs(p[1]! - lat)).toBeLessThanOrEqual(r / 111_320 + 1e-9);
            expect(f.properties.rsrpClass).toBe(rsrpClass(cells[i]!.ssRsrpDbm));
            expect(drawable(f.properties)).toBe(true);
          });
        },
      ),
      RUNS,
    );
  });

  it('give every municipality a share of good coverage within 0–1', () => {
    fc.assert(
      fc.property(arb.territory, fc.array(arb.coverageCell, { maxLength: 10 }), (territory, cells) => {
        const shares = municipalityCoverage(territory, cells);
        expect([...shares.keys()]).toEqual(territory.municipalities.map((m) => m.id));
        for (const share of shares.values()) expect(share >= 0 && share <= 1).toBe(true);
        if (cells.length === 0) expect([...shares.values()].every((s) => s === 0)).toBe(true);
        const { features } = municipalityFeatures(territory, shares);
        features.forEach((f, i) => {
          expect(f.properties.coverage).toBe(shares.get(territory.municipalities[i]!.id));
          expect(drawable(f.properties)).toBe(true);
        });
        expect(
          municipalityFeatures(territory, null).features.every((f) => f.properties.coverage === null),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('describe every sensor with drawable properties, its bands or congestion from its reading', () => {
    const input = fc.tuple(
      fc.uniqueArray(arb.sensor, { selector: (s) => s.id, maxLength: 6 }),
      fc.array(arb.reading(), { maxLength: 6 }),
      arb.ms,
      fc.option(arb.positive, { nil: undefined }),
    );
    fc.assert(
      fc.property(input, ([sensors, readings, now, freeFlow]) => {
        const bySensor = new Map<string, Reading>(
          sensors.flatMap((s, i) => (readings[i] ? [[s.id, { ...readings[i], sensorId: s.id }]] : [])),
        );
        const layer = { sensors, readings: bySensor, now, freeFlow: () => freeFlow };
        const { features } = sensorFeatures(layer);
        expect(features.map((f) => f.properties.id)).toEqual(sensors.map((s) => s.id));
        for (const f of features) {
          const props = f.properties;
          expect(drawable(props)).toBe(true);
          const reading = bySensor.get(String(props.id));
          if (reading?.kind === 'air')
            for (const p of POLLUTANTS) expect(props[`band_${p}`]).toBe(eaqiBand(p, reading[p]));
          if (reading?.kind === 'traffic')
            expect(['free', 'busy', 'congested', 'unknown']).toContain(props.level);
        }
      }),
      RUNS,
    );
  });

  it('ring each place with open alerts once, named for the tooltip in plain text', () => {
    const place = fc.record({
      key: arb.nonEmpty,
      name: arb.text,
      position: arb.lonLat,
      severity: fc.constantFrom(...SEVERITIES),
      alerts: fc.array(arb.alert, { minLength: 1, maxLength: 3 }),
      place: fc.constant({ kind: 'site' as const, refId: 'x', municipalityId: 'm', position: null }),
    });
    fc.assert(
      fc.property(fc.array(place, { maxLength: 6 }), (places) => {
        const { features } = alertPlaceFeatures(places, t);
        expect(features).toHaveLength(places.length);
        features.forEach((f, i) => {
          expect(f.geometry.coordinates).toEqual(places[i]!.position);
          expect(String(f.properties.name)).toContain(places[i]!.name);
          expect(f.properties.severity).toBe(places[i]!.severity);
        });
      }),
      RUNS,
    );
  });

  it('draw each QKD link between its nodes, and each node once', () => {
    fc.assert(
      fc.property(arb.qkdLinksResponse, ({ items }) => {
        const { links, nodes } = qkdFeatures(items);
        expect(links.features).toHaveLength(items.length);
        for (const f of links.features) expect(f.geometry.coordinates.every(isLonLat)).toBe(true);
        const ids = nodes.features.map((f) => f.properties.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(items.flatMap((l) => l.endpoints.map((n) => n.id))));
      }),
      RUNS,
    );
  });
});

describe('the basemap', () => {
  it('is built from any valid territory', () => {
    fc.assert(
      fc.property(arb.territory, (territory) => {
        const sources = basemapSources(territory) as Record<string, { data?: { features?: unknown[] } }>;
        expect(sources['municipality-labels']!.data!.features).toHaveLength(territory.municipalities.length);
        expect(sources.corridors!.data!.features).toHaveLength(territory.corridors.length);
      }),
      RUNS,
    );
  });
});

describe('the map in the URL', () => {
  it('reopens the camera it was written with, to a metre and a hundredth of a zoom level', () => {
    const camera = fc.record({ centre: arb.lonLat, zoom: fc.double({ min: 0, max: 22, noNaN: true }) });
    fc.assert(
      fc.property(camera, (c) => {
        const back = parseCamera(formatCamera(c), null)!;
        expect(back).not.toBeNull();
        expect(Math.abs(back.centre[0] - c.centre[0])).toBeLessThanOrEqual(5e-6 + 1e-12);
        expect(Math.abs(back.centre[1] - c.centre[1])).toBeLessThanOrEqual(5e-6 + 1e-12);
        expect(Math.abs(back.zoom - c.zoom)).toBeLessThanOrEqual(5e-3 + 1e-12);
      }),
      RUNS,
    );
  });

  it('reads any text as a valid camera or the fallback, never out of range', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.double(), fc.double(), fc.double()).map((xs) => xs.join(',')),
      fc.constantFrom('', ',,', '9,45,', '1e400,0,0', 'NaN,0,1', '180,90,22', '-180.000001,0,1'),
    );
    fc.assert(
      fc.property(text, (s) => {
        const fallback = { centre: [0, 0] as [number, number], zoom: 1 };
        const c = parseCamera(s, fallback);
        expect(c === fallback || (isLonLat(c.centre) && c.zoom >= 0 && c.zoom <= 22)).toBe(true);
      }),
      RUNS,
    );
  });

  it('reopens the selection and the layers it was written with', () => {
    const kind = fc.constantFrom(
      'site',
      'sensor',
      'municipality',
      'corridor',
      'qkd-link',
      'alert-place' as const,
    );
    const layers = fc.subarray([...MAP_LAYERS]);
    fc.assert(
      fc.property(
        kind,
        fc.string({ minLength: 1 }),
        layers,
        fc.constantFrom(...MAP_LAYERS),
        (k, id, on, extra) => {
          expect(parseTarget(formatTarget({ kind: k, id }))).toEqual({ kind: k, id });
          expect(parseLayers(formatLayers(on), ['coverage'])).toEqual(on);
          const more = parseLayers(withLayer(formatLayers(on), extra), []);
          expect(more).toEqual(MAP_LAYERS.filter((l: MapLayer) => on.includes(l) || l === extra));
        },
      ),
      RUNS,
    );
  });

  it('reads any time as a whole step within a day either way, and writes it back the same', () => {
    const step = fc.integer({ min: -TIME_RANGE_MIN / TIME_STEP_MIN, max: TIME_RANGE_MIN / TIME_STEP_MIN });
    fc.assert(
      fc.property(step, fc.oneof(fc.string(), fc.integer().map(String)), arb.ms, (n, s, now) => {
        const minutes = n * TIME_STEP_MIN;
        expect(parseTimeOffset(formatTimeOffset(minutes))).toBe(minutes);
        const read = parseTimeOffset(s);
        expect(Math.abs(read)).toBeLessThanOrEqual(TIME_RANGE_MIN);
        expect(Math.abs(read % TIME_STEP_MIN)).toBe(0);
        const at = snapshotTime(now, minutes);
        expect(at).toBeLessThanOrEqual(now + minutes * 60_000);
        expect(now + minutes * 60_000 - at).toBeLessThan(TIME_STEP_MIN * 60_000);
      }),
      RUNS,
    );
  });
});
