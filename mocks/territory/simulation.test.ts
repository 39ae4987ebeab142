import { createSimulation } from './simulation';
import { territorySchema } from '../../src/api/schemas/territory';
import { sitesResponseSchema, coverageResponseSchema } from '../../src/api/schemas/network';
import { readingsResponseSchema, sensorsResponseSchema } from '../../src/api/schemas/sensors';
import { alertsResponseSchema, qkdLinksResponseSchema } from '../../src/api/schemas/security';
import { kpisResponseSchema } from '../../src/api/schemas/kpis';
import {
  deviceSeriesSchema,
  devicesResponseSchema,
  facilitiesResponseSchema,
} from '../../src/api/schemas/health';
import { airForecastsResponseSchema, trafficForecastsResponseSchema } from '../../src/api/schemas/forecasts';
import { coverageCells, HEX_RADIUS_M } from './coverage';
import { airForecast } from './air-forecasts';
import { trafficForecast } from './traffic-forecasts';
import { kpisAt } from './kpis';

const NOON = Date.parse('2026-11-25T11:00:00Z');
const at = (ms: number) => () => ms;

describe('the simulated territory', () => {
  it('is deterministic: same seed and time, same data', () => {
    const a = createSimulation({ seed: 's1', now: at(NOON) });
    const b = createSimulation({ seed: 's1', now: at(NOON) });
    expect(a.sites()).toEqual(b.sites());
    expect(a.readings()).toEqual(b.readings());
    expect(a.alerts()).toEqual(b.alerts());
    expect(createSimulation({ seed: 's2', now: at(NOON) }).readings()).not.toEqual(a.readings());
  });

  it('has the 133 municipalities and exactly 60 sites earning over €2 million a year', () => {
    const sim = createSimulation({ now: at(NOON) });
    expect(sim.world.territory.municipalities).toHaveLength(133);
    const sites = sim.sites();
    expect(sites).toHaveLength(60);
    expect(sites.reduce((s, x) => s + x.leaseRevenueEurPerYear, 0)).toBeGreaterThan(2_000_000);
    const peripheral = new Set(
      sim.world.territory.municipalities.filter((m) => m.peripheral).map((m) => m.id),
    );
    expect(sites.filter((s) => peripheral.has(s.municipalityId)).length).toBeGreaterThan(30);
  });

  it('moves with the clock: rush hour is slower than the night', () => {
    const rush = createSimulation({ now: at(Date.parse('2026-11-25T07:15:00Z')) }).readings();
    const night = createSimulation({ now: at(Date.parse('2026-11-25T02:00:00Z')) }).readings();
    const meanSpeed = (rs: typeof rush) => {
      const speeds = rs.flatMap((r) => (r.kind === 'traffic' ? [r.averageVehicleSpeed] : []));
      return speeds.reduce((a, b) => a + b, 0) / speeds.length;
    };
    expect(meanSpeed(rush)).toBeLessThan(meanSpeed(night) * 0.8);
  });

  it('returns only readings newer than `since`', () => {
    const sim = createSimulation({ now: at(NOON) });
    const recent = sim.readings(NOON - 30_000);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.length).toBeLessThan(sim.readings().length);
    expect(recent.every((r) => Date.parse(r.dateObserved) > NOON - 30_000)).toBe(true);
  });

  it('scales the sensor count', () => {
    expect(createSimulation({ sensorCount: 10_000, now: at(NOON) }).world.sensors.length).toBe(10_000);
  });

  it('keeps an alert PATCH for the session and refuses forbidden transitions', () => {
    const sim = createSimulation({ now: at(NOON) });
    const open = sim.alerts().find((a) => a.status === 'open')!;
    sim.patchAlert(open.id, { status: 'acknowledged' }, 'tester');
    sim.patchAlert(open.id, { assignee: 'A. Greco' }, 'tester');
    const after = sim.alerts().find((a) => a.id === open.id)!;
    expect(after.status).toBe('acknowledged');
    expect(after.assignee).toBe('A. Greco');
    expect(after.audit.map((e) => e.action)).toEqual(['created', 'status', 'assigned']);
    expect(() => sim.patchAlert(open.id, { status: 'closed' }, 'tester')).toThrow(/acknowledged to closed/);
  });
});

// Each builds a territory and all its answers: seconds of work on a busy 2-core machine.
describe('schemas accept everything the generator produces', { timeout: 20_000 }, () => {
  const times = ['2026-01-15T07:30:00Z', '2026-07-20T14:00:00Z', '2026-11-25T17:45:00Z'].map(Date.parse);
  for (const seed of ['milano-2026', 'alpha', 'beta']) {
    for (const time of times) {
      it(`seed ${seed} at ${new Date(time).toISOString()}`, () => {
        const sim = createSimulation({ seed, now: at(time) });
        const iso = new Date(time).toISOString();
        territorySchema.parse(sim.world.territory);
        sitesResponseSchema.parse({ items: sim.sites() });
        sensorsResponseSchema.parse({ items: sim.world.sensors });
        readingsResponseSchema.parse({ generatedAt: iso, since: null, items: sim.readings() });
        coverageResponseSchema.parse({
          band: 'n258',
          hexRadiusM: HEX_RADIUS_M,
          generatedAt: iso,
          cells: coverageCells(sim.world, 'n258', time),
        });
        alertsResponseSchema.parse({ items: sim.alerts() });
        qkdLinksResponseSchema.parse({ items: sim.qkdLinks() });
        trafficForecastsResponseSchema.parse({ items: [trafficForecast(sim.world, 'a4-ovest', time)] });
        airForecastsResponseSchema.parse({ items: [airForecast(sim.world, 'metro', 'no2', time)] });
        kpisResponseSchema.parse(kpisAt(sim.world, 'week', time));
        facilitiesResponseSchema.parse({ items: sim.healthFacilities() });
        const devices = devicesResponseSchema.parse({ items: sim.healthDevices() }).items;
        deviceSeriesSchema.parse(sim.deviceSeries(devices[0]!.id, 24));
      });
    }
  }
});

describe('readings at a past time', () => {
  it('are what the sensors had reported by then', () => {
    const sim = createSimulation({ now: at(NOON) });
    const earlier = NOON - 6 * 3_600_000;
    const past = sim.readings(undefined, earlier);
    expect(past.every((r) => Date.parse(r.dateObserved) <= earlier)).toBe(true);
    expect(past).toEqual(createSimulation({ now: at(earlier) }).readings());
  });
});
