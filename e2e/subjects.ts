import { createSimulation } from '../mocks/territory/simulation';
import { endpointLabel, endpointUrl, escapeRegExp, type Endpoint } from './fixtures';

// The simulated territory is deterministic: the same sensors and links as the page's.
const simulation = createSimulation();

/** The air-quality station, QKD link and diagnostic device whose histories the tests open. */
export const STATION = simulation.world.sensors.find((s) => s.kind === 'air')!;
export const LINK = simulation.qkdLinks()[0]!;
export const DEVICE = simulation.healthDevices()[0]!;

/** The device's history panel: named by its id until the devices list, which holds its name, has loaded. */
export const DEVICE_PANEL = new RegExp(`^Device (${DEVICE.id}|${escapeRegExp(DEVICE.name)})$`);

/** The endpoints asked about one sensor, link or device take its id. */
const ID: Partial<Record<Endpoint, string>> = {
  series: STATION.id,
  'qkd-series': LINK.id,
  'device-series': DEVICE.id,
};

/** The endpoint as the screen names it in its messages ("GET /sensors/s-1/series"). */
export const labelOf = (endpoint: Endpoint) => endpointLabel(endpoint, ID[endpoint]);
/** Matches the URLs of the requests to the endpoint. */
export const urlOf = (endpoint: Endpoint) => endpointUrl(endpoint, ID[endpoint]);
