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

/**
 * One hop of a device's data on its way to the metropolitan data centre: the 5G site it connects
 * through, then links between network nodes. A link is QKD-protected when quantum keys encrypt it
 * and the link is up and below its QBER alarm; otherwise its traffic is classically encrypted.
 */
export const pathHopSchema = z.object({
  kind: z.enum(['site', 'link']),
  /** The site's id, or the QKD link's id (null for a fibre without QKD). */
  refId: z.nullable(nonEmptyString),
  name: nonEmptyString,
  qkdProtected: z.boolean(),
});
export type PathHop = z.infer<typeof pathHopSchema>;

/** A diagnostic device (FIWARE Device-like), with what it did today and how its data travels. */
export const deviceSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  category: z.enum(DEVICE_CATEGORIES),
  facilityId: nonEmptyString,
  municipalityId: nonEmptyString,
  location: lonLat,
  deviceState: deviceStateSchema,
  examsToday: z.int().check(z.nonnegative()),
  /** Exams a usual day of the same weekday has had by this time. */
  examsTypicalByNow: nonNegative,
  dataSentTodayMB: nonNegative,
  /** Of it, the MB that crossed only QKD-protected links. */
  dataQkdProtectedTodayMB: nonNegative,
  /** The path of its data now, from its 5G site to the metropolitan data centre. */
  path: z.array(pathHopSchema).check(z.minLength(1)),
  /** Whether its transfers now fall back to classical encryption, a QKD link on its path being down or over its alarm. */
  classicalFallback: z.boolean(),
  dateLastValueReported: isoDateTime,
});
export type Device = z.infer<typeof deviceSchema>;

export const devicesResponseSchema = z.object({ items: uniqueIds(deviceSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

/**
 * A device's last 24 hours as parallel columns (FIWARE DeviceMeasurement-like): exams and MB sent
 * per step, and whether its path was wholly QKD-protected at each step.
 */
export const deviceSeriesSchema = z.object({
  deviceId: nonEmptyString,
  from: isoDateTime,
  to: isoDateTime,
  stepSeconds: z.number().check(z.positive()),
  timestamps: z.array(isoDateTime),
  exams: z.array(z.int().check(z.nonnegative())),
  dataSentMB: z.array(nonNegative),
  qkdProtected: z.array(z.boolean()),
});
export type DeviceSeries = z.infer<typeof deviceSeriesSchema>;
