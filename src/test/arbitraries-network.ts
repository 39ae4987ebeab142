/** Arbitraries of the 5G network answers (src/api/schemas/network.ts): sites and coverage. */
import fc from 'fast-check';
import type { CoverageResponse, Site } from '../api/schemas/network';
import { BANDS, SITE_STATUSES } from '../api/schemas/network';
import {
  count,
  isoDateTime,
  lonLat,
  nonEmpty,
  nonNegative,
  positive,
  ratio,
  uniqueList,
} from './arbitraries-common';

export const site: fc.Arbitrary<Site> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  municipalityId: nonEmpty,
  location: lonLat,
  operator: nonEmpty,
  bands: fc.array(fc.constantFrom(...BANDS), { minLength: 1, maxLength: 3 }),
  status: fc.constantFrom(...SITE_STATUSES),
  throughputDlMbps: nonNegative,
  throughputUlMbps: nonNegative,
  latencyMs: nonNegative,
  load: ratio,
  connectedDevices: count,
  leaseRevenueEurPerYear: nonNegative,
  dateLastValueReported: isoDateTime,
});
export const sitesResponse = fc.record({ items: uniqueList(site, 'id') });

export const coverageCell = fc.record({
  id: nonEmpty,
  centre: lonLat,
  ssRsrpDbm: fc.double({ min: -160, max: -20, noNaN: true }),
  expectedDlMbps: nonNegative,
});
export const coverageResponse: fc.Arbitrary<CoverageResponse> = fc.record({
  band: fc.constantFrom(...BANDS),
  hexRadiusM: positive,
  generatedAt: isoDateTime,
  cells: uniqueList(coverageCell, 'id', 5),
});
