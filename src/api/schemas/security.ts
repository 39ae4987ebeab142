import { z } from 'zod';
import { isoDateTime, lonLat, nonEmptyString, nonNegative, uniqueIds } from './common';

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const ALERT_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'closed'] as const;
export const alertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const PLACE_KINDS = ['site', 'sensor', 'qkd-link', 'municipality'] as const;

export const alertPlaceSchema = z.object({
  kind: z.enum(PLACE_KINDS),
  refId: nonEmptyString,
  municipalityId: nonEmptyString,
  /** Exact position; absent when the place is an area or has been redacted. */
  position: lonLat.nullable(),
});
export type AlertPlace = z.infer<typeof alertPlaceSchema>;

export const auditEntrySchema = z.object({
  at: isoDateTime,
  actor: nonEmptyString,
  action: z.enum(['created', 'status', 'assigned', 'note']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
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
  place: alertPlaceSchema.nullable(),
  dateIssued: isoDateTime,
  status: alertStatusSchema,
  assignee: z.string().nullable(),
  audit: z.array(auditEntrySchema),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertsResponseSchema = z.object({ items: uniqueIds(alertSchema) });
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;

/** Body of PATCH /security/alerts/{id}: any of a status change, an assignment and a note. */
export const alertPatchSchema = z
  .object({
    actor: nonEmptyString,
    status: alertStatusSchema.optional(),
    assignee: z.string().nullable().optional(),
    note: nonEmptyString.optional(),
  })
  .refine((p) => p.status !== undefined || p.assignee !== undefined || p.note !== undefined, {
    message: 'nothing to change',
  });
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
  qberPercent: z.number().min(0).max(100),
  qberAlarmPercent: z.number().min(0).max(100),
  secretKeyRateKbps: nonNegative,
  storedKeysKbit: nonNegative,
  consumptionKbps: nonNegative,
  lengthKm: z.number().positive(),
  dateLastValueReported: isoDateTime,
});
export type QkdLink = z.infer<typeof qkdLinkSchema>;

export const qkdLinksResponseSchema = z.object({ items: uniqueIds(qkdLinkSchema) });
