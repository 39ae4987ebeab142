/** How often each resource is refreshed, in milliseconds, chosen by how fast it changes. */
export const REFRESH_MS = {
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
} as const;
