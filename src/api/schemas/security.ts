import { z } from 'zod/mini';
import { FIELD_LIMITS } from '../access';
import { isoDateTime, lonLat, nonEmptyString, nonNegative, uniqueBy, uniqueIds } from './common';

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const ALERT_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

/** What an alert points at; `area` is the public projection's grain, which covers several sites. */
export const PLACE_KINDS = ['site', 'sensor', 'qkd-link', 'municipality', 'area'] as const;

export const alertPlaceSchema = z.object({
  kind: z.enum(PLACE_KINDS),
  refId: nonEmptyString,
  /** Null for an area, which spans several municipalities. */
  municipalityId: z.nullable(nonEmptyString),
  /** Exact position; absent when the place is an area or a municipality. */
  position: z.nullable(lonLat),
});
export type AlertPlace = z.infer<typeof alertPlaceSchema>;

export const auditEntrySchema = z.object({
  at: isoDateTime,
  /** Who acted, from their sign-in; null in the public projection. */
  actor: z.nullable(nonEmptyString),
  action: z.enum(['created', 'status', 'assigned', 'note']),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
  note: z.nullable(z.string()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A security alert (FIWARE Alert-like). */
export const alertSchema = z.object({
  id: nonEmptyString,
  category: nonEmptyString,
  subCategory: nonEmptyString,
  severity: severitySchema,
  source: nonEmptyString,
  description: z.string(),
  place: z.nullable(alertPlaceSchema),
  dateIssued: isoDateTime,
  status: alertStatusSchema,
  assignee: z.nullable(z.string()),
  audit: z.array(auditEntrySchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsResponseSchema = z.object({ items: uniqueIds(alertSchema) });
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

/**
 * Body of PATCH /security/alerts/{id}: any of a status change, an assignment and a note. Who acts
 * is the person signed in, never a field of the body.
 */
export const alertPatchSchema = z
  .object({
    status: z.optional(alertStatusSchema),
    assignee: z.optional(z.nullable(z.string().check(z.maxLength(FIELD_LIMITS.name)))),
    note: z.optional(nonEmptyString.check(z.maxLength(FIELD_LIMITS.note))),
  })
  .check(
    z.refine((p) => p.status !== undefined || p.assignee !== undefined || p.note !== undefined, {
      message: 'nothing to change',
    }),
  );
export type AlertPatch = z.infer<typeof alertPatchSchema>;

export const QKD_STATES = ['up', 'degraded', 'down'] as const;

export const qkdNodeSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  kind: z.enum(['data-centre', 'site', 'campus']),
  location: lonLat,
});

/** A quantum-key-distribution link. QBER in %, key rate in kbit/s, keys in kbit. */
export const qkdLinkSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  endpoints: z.tuple([qkdNodeSchema, qkdNodeSchema]),
  state: z.enum(QKD_STATES),
  qberPercent: z.number().check(z.gte(0), z.lte(100)),
  qberAlarmPercent: z.number().check(z.gte(0), z.lte(100)),
  secretKeyRateKbps: nonNegative,
  storedKeysKbit: nonNegative,
  consumptionKbps: nonNegative,
  lengthKm: z.number().check(z.positive()),
  dateLastValueReported: isoDateTime,
});
export type QkdLink = z.infer<typeof qkdLinkSchema>;

export const qkdLinksResponseSchema = z.object({ items: uniqueIds(qkdLinkSchema) });

/** Columns of a QKD link's history that carry values, each parallel to `timestamps`. */
export const QKD_SERIES_COLUMNS = [
  'qberPercent',
  'secretKeyRateKbps',
  'storedKeysKbit',
  'consumptionKbps',
] as const;

/**
 * A QKD link's history as parallel columns: `timestamps[i]` goes with the i-th value of every
 * column (null where the link did not report), with the thresholds its QBER is judged against.
 */
export const qkdLinkSeriesSchema = z
  .object({
    linkId: nonEmptyString,
    from: isoDateTime,
    to: isoDateTime,
    stepSeconds: z.number().check(z.positive()),
    /** The operators' alarm threshold, %. */
    qberAlarmPercent: z.number().check(z.gte(0), z.lte(100)),
    /** Above this QBER no secret key can be distilled (about 11 % for BB84), %. */
    qberSecurityLimitPercent: z.number().check(z.gte(0), z.lte(100)),
    timestamps: z.array(isoDateTime),
    qberPercent: z.array(z.nullable(z.number().check(z.gte(0), z.lte(100)))),
    secretKeyRateKbps: z.array(z.nullable(nonNegative)),
    storedKeysKbit: z.array(z.nullable(nonNegative)),
    consumptionKbps: z.array(z.nullable(nonNegative)),
  })
  .check(
    z.superRefine((series, ctx) => {
      for (const column of QKD_SERIES_COLUMNS) {
        if (series[column].length !== series.timestamps.length)
          ctx.addIssue({
            code: 'custom',
            message: `${column} and timestamps differ in length`,
            path: [column],
          });
      }
    }),
  );
export type QkdLinkSeries = z.infer<typeof qkdLinkSeriesSchema>;

export const RESPONSE_TIME_PERIODS = ['day', 'week', 'month'] as const;
export const responseTimePeriodSchema = z.enum(RESPONSE_TIME_PERIODS);
export type ResponseTimePeriod = z.infer<typeof responseTimePeriodSchema>;

const count = z.int().check(z.nonnegative());

/** How fast the alerts issued in one window were handled. Means are null when nothing was counted. */
export const responseFiguresSchema = z.object({
  /** Alerts issued in the window. */
  alerts: count,
  /** Of those, acknowledged (or taken in hand) so far: what the MTTA is the mean of. */
  acknowledged: count,
  /** Of those, resolved and not reopened: what the MTTR is the mean of. */
  resolved: count,
  /** Mean time from issue to the first acknowledgement or start of work, seconds. */
  mttaSeconds: z.nullable(nonNegative),
  /** Mean time from issue to resolution, seconds. */
  mttrSeconds: z.nullable(nonNegative),
});
export type ResponseFigures = z.infer<typeof responseFiguresSchema>;

const timeWindow = z.object({ from: isoDateTime, to: isoDateTime });

/** MTTA and MTTR by severity over a period, with the period before it. */
export const responseTimesSchema = z.object({
  period: responseTimePeriodSchema,
  current: timeWindow,
  previous: timeWindow,
  items: uniqueBy(
    z.object({ severity: severitySchema, current: responseFiguresSchema, previous: responseFiguresSchema }),
    'severity',
  ),
  total: z.object({ current: responseFiguresSchema, previous: responseFiguresSchema }),
});
export type ResponseTimes = z.infer<typeof responseTimesSchema>;
