import { z } from 'zod/mini';
import { isoDateTime, lonLat, nonEmptyString, nonNegative, ratio, uniqueIds } from './common';

export const BANDS = ['n78', 'n258'] as const;
export const bandSchema = z.enum(BANDS);
export type Band = z.infer<typeof bandSchema>;

export const SITE_STATUSES = ['online', 'degraded', 'offline', 'maintenance'] as const;
export const siteStatusSchema = z.enum(SITE_STATUSES);
export type SiteStatus = z.infer<typeof siteStatusSchema>;

/** A 5G site (FIWARE Device-like). Throughput in Mbit/s, latency in ms, revenue in € per year. */
export const siteSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  municipalityId: nonEmptyString,
  location: lonLat,
  operator: nonEmptyString,
  bands: z.array(bandSchema).check(z.minLength(1)),
  status: siteStatusSchema,
  throughputDlMbps: nonNegative,
  throughputUlMbps: nonNegative,
  latencyMs: nonNegative,
  load: ratio,
  connectedDevices: z.int().check(z.nonnegative()),
  leaseRevenueEurPerYear: nonNegative,
  dateLastValueReported: isoDateTime,
});
export type Site = z.infer<typeof siteSchema>;

export const sitesResponseSchema = z.object({ items: uniqueIds(siteSchema) });
export type SitesResponse = z.infer<typeof sitesResponseSchema>;

/** A hexagonal coverage cell: centre and circumradius describe the hexagon. */
export const coverageCellSchema = z.object({
  id: nonEmptyString,
  centre: lonLat,
  /** SS-RSRP in dBm. */
  ssRsrpDbm: z.number().check(z.gte(-160), z.lte(-20)),
  expectedDlMbps: nonNegative,
});
export type CoverageCell = z.infer<typeof coverageCellSchema>;

export const coverageResponseSchema = z.object({
  band: bandSchema,
  hexRadiusM: z.number().check(z.positive()),
  generatedAt: isoDateTime,
  cells: uniqueIds(coverageCellSchema),
});
export type CoverageResponse = z.infer<typeof coverageResponseSchema>;
