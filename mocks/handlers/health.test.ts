import { getResponse } from 'msw';
import { SCOPES } from '../../src/api/access';
import {
  deviceSeriesSchema,
  devicesResponseSchema,
  facilitiesResponseSchema,
  type Device,
} from '../../src/api/schemas/health';
import { clearFaults, HOSTILE_STRING, setFault } from '../scenarios';
import { createSimulation } from '../territory/simulation';
import { createHandlers } from './index';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const sim = createSimulation({ now: () => NOW });
const reader = createHandlers(sim, {
  authenticate: async () => ({ name: 'Manager', scopes: new Set([SCOPES.read, SCOPES.public]) }),
});
const visitor = createHandlers(sim, {
  authenticate: async () => ({ name: 'Visitor', scopes: new Set([SCOPES.public]) }),
});
const get = (path: string, handlers = reader) =>
  getResponse(handlers, new Request(`http://territorio.test/api/v1${path}`)).then((answer) => answer!);

afterEach(() => clearFaults());

describe('GET /health/facilities and /health/devices', () => {
  it('answer the simulation’s facilities and devices, valid', async () => {
    const facilities = await get('/health/facilities');
    expect(facilities.status).toBe(200);
    expect(facilitiesResponseSchema.parse(await facilities.json()).items).toEqual(sim.healthFacilities());
    const devices = await get('/health/devices');
    expect(devices.status).toBe(200);
    expect(devicesResponseSchema.parse(await devices.json()).items).toEqual(sim.healthDevices());
  });

  it('take the faults switched on for them by name', async () => {
    setFault('health-devices', 'server-error');
    expect((await get('/health/devices')).status).toBe(500);
    expect((await get('/health/facilities')).status).toBe(200);
    setFault('health-facilities', 'schema-violation');
    expect(facilitiesResponseSchema.safeParse(await (await get('/health/facilities')).json()).success).toBe(
      false,
    );
    setFault('device-series', 'unavailable');
    expect((await get('/health/devices/hd-001/series')).status).toBe(503);
  });

  it('carry hostile strings in names when asked, and stay valid', async () => {
    setFault('health-devices', 'hostile-strings');
    setFault('health-facilities', 'hostile-strings');
    const [device] = devicesResponseSchema.parse(await (await get('/health/devices')).json()).items;
    const [expected] = sim.healthDevices();
    expect(device!.name).toBe(`${HOSTILE_STRING}${expected!.name}`);
    expect(device!.path[0].name).toBe(`${HOSTILE_STRING}${expected!.path[0].name}`);
    // Its category is one of a fixed list, not text.
    expect(device!.category).toBe(expected!.category);
    const [facility] = facilitiesResponseSchema.parse(await (await get('/health/facilities')).json()).items;
    expect(facility!.name).toBe(`${HOSTILE_STRING}${sim.healthFacilities()[0]!.name}`);
  });

  it('are refused to a public identity, which reads the public projection instead', async () => {
    for (const path of ['/health/facilities', '/health/devices', '/health/devices/hd-001/series'])
      expect((await get(path, visitor)).status, path).toBe(403);
  });
});

describe('GET /health/devices/{id}/series', () => {
  it('answers the last 24 hours by default, or the hours asked', async () => {
    const day = deviceSeriesSchema.parse(await (await get('/health/devices/hd-001/series')).json());
    expect(day).toEqual(sim.deviceSeries('hd-001', 24));
    const week = deviceSeriesSchema.parse(
      await (await get('/health/devices/hd-001/series?hours=168')).json(),
    );
    expect(week.timestamps).toHaveLength(168 * 12);
  });

  it('refuses hours that are not a whole number from 1 to 168, and an unknown device', async () => {
    for (const hours of ['0', '169', '1.5', 'abc', '-3', ''])
      expect((await get(`/health/devices/hd-001/series?hours=${hours}`)).status, hours).toBe(400);
    const unknown = await get('/health/devices/hd-999/series');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'no such device' });
  });
});

describe('the public projection of the health sector', () => {
  it('serves facilities and a device’s series as they are', async () => {
    for (const path of ['/health/facilities', '/health/devices/hd-002/series?hours=3']) {
      const full = await (await get(path)).json();
      const open = await get(`/public${path}`, visitor);
      expect(open.status, path).toBe(200);
      expect(await open.json(), path).toEqual(full);
    }
  });

  it('serves the devices with no QKD link or node named or identified', async () => {
    const answer = await get('/public/health/devices', visitor);
    expect(answer.status).toBe(200);
    const text = await answer.text();
    const { items } = devicesResponseSchema.parse(JSON.parse(text));
    const full = sim.healthDevices();
    expect(items.map((d) => d.id)).toEqual(full.map((d) => d.id));
    for (const link of sim.qkdLinks())
      for (const secret of [link.id, link.name, ...link.endpoints.flatMap((n) => [n.id, n.name])])
        expect(text, secret).not.toContain(secret);
    const publicLinks = (
      (await (await get('/public/security/qkd-links', visitor)).json()) as {
        items: { id: string; name: string }[];
      }
    ).items;
    const qkdHops = (d: Device) => d.path.filter((hop) => hop.kind === 'qkd-link');
    for (const device of items)
      for (const hop of qkdHops(device))
        expect(publicLinks).toContainEqual(expect.objectContaining({ id: hop.refId, name: hop.name }));
  });

  it('keeps the faults of the devices endpoint', async () => {
    setFault('health-devices', 'unavailable');
    expect((await get('/public/health/devices', visitor)).status).toBe(503);
  });
});
