/** Arbitraries of the health answers (src/api/schemas/health.ts): facilities, devices and a device's history. */
import fc from 'fast-check';
import type { Device, DeviceSeries, Facility, LinkHop, SiteHop } from '../api/schemas/health';
import { DEVICE_CATEGORIES, DEVICE_STATES, FACILITY_KINDS, LINK_HOP_KINDS } from '../api/schemas/health';
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

export const facility: fc.Arbitrary<Facility> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom(...FACILITY_KINDS),
  municipalityId: nonEmpty,
  location: lonLat,
});
export const facilitiesResponse = fc.record({ items: uniqueList(facility, 'id') });

const siteHop: fc.Arbitrary<SiteHop> = fc.record({
  kind: fc.constant('site' as const),
  refId: nonEmpty,
  name: nonEmpty,
  to: lonLat,
});
const linkHop: fc.Arbitrary<LinkHop> = fc.record({
  kind: fc.constantFrom(...LINK_HOP_KINDS),
  refId: fc.option(nonEmpty, { nil: null }),
  name: nonEmpty,
  to: lonLat,
  qkdProtected: fc.boolean(),
});

export const device: fc.Arbitrary<Device> = fc
  .record({
    id: nonEmpty,
    name: nonEmpty,
    category: fc.constantFrom(...DEVICE_CATEGORIES),
    facilityId: nonEmpty,
    municipalityId: nonEmpty,
    location: lonLat,
    deviceState: fc.constantFrom(...DEVICE_STATES),
    examsToday: count,
    examsTypicalByNow: nonNegative,
    dataSentTodayMB: nonNegative,
    // Of the data sent, a share: never more than was sent.
    protectedShare: ratio,
    site: siteHop,
    links: fc.array(linkHop, { maxLength: 3 }),
    classicalFallback: fc.boolean(),
    dateLastValueReported: isoDateTime,
  })
  .map(({ protectedShare, site, links, ...rest }) => ({
    ...rest,
    dataQkdProtectedTodayMB: rest.dataSentTodayMB * protectedShare,
    path: [site, ...links] as Device['path'],
  }));
export const devicesResponse = fc.record({ items: uniqueList(device, 'id') });

export const deviceSeries: fc.Arbitrary<DeviceSeries> = fc
  .array(fc.tuple(isoDateTime, count, nonNegative, fc.boolean(), fc.boolean()), { maxLength: 30 })
  .chain((rows) =>
    fc.record({
      deviceId: nonEmpty,
      from: isoDateTime,
      to: isoDateTime,
      stepSeconds: positive,
      timestamps: fc.constant(rows.map((r) => r[0])),
      exams: fc.constant(rows.map((r) => r[1])),
      dataSentMB: fc.constant(rows.map((r) => r[2])),
      qkdProtected: fc.constant(rows.map((r) => r[3])),
      classicalFallback: fc.constant(rows.map((r) => r[4])),
    }),
  );
