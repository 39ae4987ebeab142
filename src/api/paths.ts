/**
 * Every GET path of the API (under its base URL), by resource; `{id}` stands for the sensor, QKD
 * link or health device asked about. The queries, the simulated territory's fault switches and
 * the end-to-end checks all name endpoints by these keys.
 */
export const API_PATHS = {
  territory: '/territory',
  story: '/territory/story',
  sites: '/network/sites',
  coverage: '/network/coverage',
  sensors: '/sensors',
  readings: '/readings',
  series: '/sensors/{id}/series',
  'traffic-forecasts': '/forecasts/traffic',
  'air-forecasts': '/forecasts/air',
  'sensor-forecasts': '/forecasts/sensors',
  'air-outlook': '/forecasts/air/daily',
  alerts: '/security/alerts',
  'qkd-links': '/security/qkd-links',
  'qkd-series': '/security/qkd-links/{id}/series',
  'response-times': '/security/response-times',
  kpis: '/kpis',
  'health-facilities': '/health/facilities',
  'health-devices': '/health/devices',
  'device-series': '/health/devices/{id}/series',
} as const;

/** The path of one item's resource, e.g. `/sensors/air-00012/series`. */
export const pathFor = (template: string, id: string) => template.replace('{id}', encodeURIComponent(id));
