/**
 * The API's pace at full speed: how often each resource is refreshed (chosen by how fast it
 * changes), how soon a failed one is asked again, and how long a request may take. Free of build
 * settings, so the end-to-end checks judge the screens by the same figures.
 */
export const REFRESH_EVERY_MS = {
  alerts: 5_000,
  readings: 10_000,
  qkdLinks: 10_000,
  qkdSeries: 60_000,
  responseTimes: 60_000,
  sites: 30_000,
  kpis: 60_000,
  sensors: 5 * 60_000,
  coverage: 10 * 60_000,
  forecasts: 5 * 60_000,
  series: 60_000,
  healthDevices: 30_000,
  healthFacilities: 10 * 60_000,
  deviceSeries: 60_000,
} as const;

/** A resource whose last fetch failed is asked again at least this often. */
export const RECHECK_AFTER_ERROR_EVERY_MS = 30_000;

/** How long a request may take, unless the build sets another timeout. */
export const DEFAULT_TIMEOUT_MS = 10_000;
