import { z } from 'zod/mini';
import { isoDateTime, lonLat, nonEmptyString, nonNegative, uniqueIds } from './common';

/**
 * The health sector: compact diagnostic devices (their optics a disordered fibre in place of a
 * bundle) in hospitals, community health houses and clinics, and the network their data crosses.
 * Devices, facilities and operations only: no patient data anywhere.
 */

export const FACILITY_KINDS = ['hospital', 'community-house', 'clinic'] as const;
export const facilityKindSchema = z.enum(FACILITY_KINDS);
export type FacilityKind = z.infer<typeof facilityKindSchema>;

/** A place of care where devices work. */
export const facilitySchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  kind: facilityKindSchema,
  municipalityId: nonEmptyString,
  location: lonLat,
});
export type Facility = z.infer<typeof facilitySchema>;

export const facilitiesResponseSchema = z.object({ items: uniqueIds(facilitySchema) });
export type FacilitiesResponse = z.infer<typeof facilitiesResponseSchema>;

export const DEVICE_STATES = ['in-use', 'idle', 'maintenance', 'fault', 'offline'] as const;
export const deviceStateSchema = z.enum(DEVICE_STATES);
export type DeviceState = z.infer<typeof deviceStateSchema>;

export const DEVICE_CATEGORIES = ['endoscope', 'skin-probe', 'eye-probe'] as const;
export const deviceCategorySchema = z.enum(DEVICE_CATEGORIES);
export type DeviceCategory = z.infer<typeof deviceCategorySchema>;

/**
 * The first hop of a device's data: the 5G site it connects through (`refId` is the site's id).
 * `to` is where the hop ends, here the site: the path drawn from the device's own location
 * through every hop's `to` is the way its data travels.
 */
export const siteHopSchema = z.object({
  kind: z.literal('site'),
  refId: nonEmptyString,
  name: nonEmptyString,
  to: lonLat,
});
export type SiteHop = z.infer<typeof siteHopSchema>;

export const LINK_HOP_KINDS = ['fibre', 'qkd-link'] as const;

/**
 * A link the data crosses after the site: the site's fibre to its QKD node (`fibre`, `refId` null),
 * then the QKD links to the metropolitan data centre (`qkd-link`, `refId` the link's id). A hop is
 * QKD-protected when quantum keys encrypt it: a fibre when its site is within the QKD reach of
 * its node, a QKD link while it is up and its QBER below the alarm threshold. Otherwise its
 * traffic is classically encrypted. `to` is where the hop ends.
 */
export const linkHopSchema = z.object({
  kind: z.enum(LINK_HOP_KINDS),
  refId: z.nullable(nonEmptyString),
  name: nonEmptyString,
  to: lonLat,
  qkdProtected: z.boolean(),
});
export type LinkHop = z.infer<typeof linkHopSchema>;
export type PathHop = SiteHop | LinkHop;

const examCount = z.int().check(z.nonnegative());

/** A diagnostic device (FIWARE Device-like), with what it did today and how its data travels. */
export const deviceSchema = z
  .object({
    id: nonEmptyString,
    name: nonEmptyString,
    category: deviceCategorySchema,
    facilityId: nonEmptyString,
    municipalityId: nonEmptyString,
    location: lonLat,
    deviceState: deviceStateSchema,
    /** Exams since local midnight. */
    examsToday: examCount,
    /** Exams a usual day of the same weekday has had by this time. */
    examsTypicalByNow: nonNegative,
    /** MB sent since local midnight. */
    dataSentTodayMB: nonNegative,
    /** Of it, the MB sent while every link of its path was QKD-protected. */
    dataQkdProtectedTodayMB: nonNegative,
    /** The path of its data now: its 5G site, then the links to the metropolitan data centre. */
    path: z.tuple([siteHopSchema], linkHopSchema),
    /** Whether its transfers now fall back to classical encryption, a QKD link on its path being down or over its alarm. */
    classicalFallback: z.boolean(),
    dateLastValueReported: isoDateTime,
  })
  .check(
    z.refine((device) => device.dataQkdProtectedTodayMB <= device.dataSentTodayMB, {
      message: 'more data QKD-protected than sent',
      path: ['dataQkdProtectedTodayMB'],
    }),
  );
export type Device = z.infer<typeof deviceSchema>;

export const devicesResponseSchema = z.object({ items: uniqueIds(deviceSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

/** Columns of a device's history, each parallel to `timestamps`. */
export const DEVICE_SERIES_COLUMNS = ['exams', 'dataSentMB', 'qkdProtected', 'classicalFallback'] as const;

/**
 * A device's history as parallel columns (FIWARE DeviceMeasurement-like): `timestamps[i]` is the
 * start of the i-th step, and the columns say what happened in it — exams, MB sent, whether its
 * whole path was QKD-protected and whether its transfers had fallen back to classical encryption
 * (a QKD link on its path down or over its alarm) at the step's start. The last step ends at `to`.
 */
export const deviceSeriesSchema = z
  .object({
    deviceId: nonEmptyString,
    from: isoDateTime,
    to: isoDateTime,
    stepSeconds: z.number().check(z.positive()),
    timestamps: z.array(isoDateTime),
    exams: z.array(examCount),
    dataSentMB: z.array(nonNegative),
    qkdProtected: z.array(z.boolean()),
    classicalFallback: z.array(z.boolean()),
  })
  .check(
    z.superRefine((series, ctx) => {
      for (const column of DEVICE_SERIES_COLUMNS) {
        if (series[column].length !== series.timestamps.length)
          ctx.addIssue({
            code: 'custom',
            message: `${column} and timestamps differ in length`,
            path: [column],
          });
      }
    }),
  );
export type DeviceSeries = z.infer<typeof deviceSeriesSchema>;
