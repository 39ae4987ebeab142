// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { demoToken } from '../../../mocks/demo-identity';
import { createTestServer } from '../../../mocks/node';
import { clearFaults, setFault } from '../../../mocks/scenarios';
import { createSimulation } from '../../../mocks/territory/simulation';
import { ValidationError } from '../errors';
import { REFRESH_EVERY_MS } from '../schedule';
import { apiSession } from '../session';
import { deviceSeriesQuery, devicesQuery, facilitiesQuery, healthKeys } from './health';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const options = { now: () => NOW, sensorCount: 300 };
const server = createTestServer(options);
const expected = createSimulation(options);
let client: QueryClient;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  apiSession.accessToken = () => demoToken('manager');
  apiSession.projection = 'full';
});
afterEach(() => {
  client.clear();
  clearFaults();
  apiSession.accessToken = () => null;
  apiSession.projection = 'full';
});
afterAll(() => server.close());

describe('the health queries', () => {
  it('fetch and validate the facilities and the devices, each at its own pace', async () => {
    expect(facilitiesQuery().refetchInterval).toBe(REFRESH_EVERY_MS.healthFacilities);
    expect(devicesQuery().refetchInterval).toBe(REFRESH_EVERY_MS.healthDevices);
    expect(REFRESH_EVERY_MS).toMatchObject({
      healthDevices: 30_000,
      healthFacilities: 600_000,
      deviceSeries: 60_000,
    });
    expect((await client.fetchQuery(facilitiesQuery())).items).toEqual(expected.healthFacilities());
    expect((await client.fetchQuery(devicesQuery())).items).toEqual(expected.healthDevices());
  });

  it('fetch a device’s series for the hours asked, keyed by both', async () => {
    const query = deviceSeriesQuery('hd-003', 6);
    expect(query.queryKey).toEqual(healthKeys.deviceSeries('hd-003', 6));
    expect(query.queryKey).not.toEqual(deviceSeriesQuery('hd-003', 24).queryKey);
    expect(query.refetchInterval).toBe(REFRESH_EVERY_MS.deviceSeries);
    expect(await client.fetchQuery(query)).toEqual(expected.deviceSeries('hd-003', 6));
  });

  it('refuse an answer that breaks the schema, naming the endpoint', async () => {
    setFault('health-devices', 'unknown-enum');
    const error = await client.fetchQuery(devicesQuery()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('/health/devices');
  });

  it('read the public projection on a public screen', async () => {
    apiSession.accessToken = () => demoToken('public');
    apiSession.projection = 'public';
    const { items } = await client.fetchQuery(devicesQuery());
    const names = new Set(expected.qkdLinks().map((l) => l.name));
    const hops = items.flatMap((d) => d.path.filter((hop) => hop.kind === 'qkd-link'));
    expect(hops.length).toBeGreaterThan(0);
    expect(hops.filter((hop) => names.has(hop.name))).toEqual([]);
  });
});
