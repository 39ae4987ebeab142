/** Arbitraries of the security answers (src/api/schemas/security.ts): alerts, QKD links and response times. */
import fc from 'fast-check';
import type {
  Alert,
  AlertPatch,
  AuditEntry,
  QkdLink,
  QkdLinkSeries,
  ResponseFigures,
  ResponseTimes,
} from '../api/schemas/security';
import {
  ALERT_STATUSES,
  PLACE_KINDS,
  QKD_STATES,
  RESPONSE_TIME_PERIODS,
  SEVERITIES,
} from '../api/schemas/security';
import {
  count,
  isoDateTime,
  lonLat,
  nonEmpty,
  nonNegative,
  positive,
  text,
  uniqueList,
} from './arbitraries-common';
import { FIELD_LIMITS } from '../api/access';

export const auditEntry: fc.Arbitrary<AuditEntry> = fc.record({
  at: isoDateTime,
  actor: fc.option(nonEmpty, { nil: null }),
  action: fc.constantFrom('created' as const, 'status' as const, 'assigned' as const, 'note' as const),
  from: fc.option(text, { nil: null }),
  to: fc.option(text, { nil: null }),
  note: fc.option(text, { nil: null }),
});
export const alert: fc.Arbitrary<Alert> = fc.record({
  id: nonEmpty,
  category: nonEmpty,
  subCategory: nonEmpty,
  severity: fc.constantFrom(...SEVERITIES),
  source: nonEmpty,
  description: text,
  place: fc.option(
    fc.record({
      kind: fc.constantFrom(...PLACE_KINDS),
      refId: nonEmpty,
      municipalityId: fc.option(nonEmpty, { nil: null }),
      position: fc.option(lonLat, { nil: null }),
    }),
    { nil: null },
  ),
  dateIssued: isoDateTime,
  status: fc.constantFrom(...ALERT_STATUSES),
  assignee: fc.option(text, { nil: null }),
  audit: fc.array(auditEntry, { maxLength: 3 }),
});
export const alertsResponse = fc.record({ items: uniqueList(alert, 'id') });

export const alertPatch: fc.Arbitrary<AlertPatch> = fc
  .record(
    {
      status: fc.constantFrom(...ALERT_STATUSES),
      assignee: fc.option(
        text.filter((t) => t.length <= FIELD_LIMITS.name),
        { nil: null },
      ),
      note: nonEmpty.filter((t) => t.length <= FIELD_LIMITS.note),
    },
    { requiredKeys: [] },
  )
  .filter((p) => p.status !== undefined || p.assignee !== undefined || p.note !== undefined);

const qkdNode = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('data-centre' as const, 'site' as const, 'campus' as const),
  location: lonLat,
});
const percent = fc.double({ min: 0, max: 100, noNaN: true });
export const qkdLink: fc.Arbitrary<QkdLink> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  endpoints: fc.tuple(qkdNode, qkdNode),
  state: fc.constantFrom(...QKD_STATES),
  qberPercent: percent,
  qberAlarmPercent: percent,
  secretKeyRateKbps: nonNegative,
  storedKeysKbit: nonNegative,
  consumptionKbps: nonNegative,
  lengthKm: positive,
  dateLastValueReported: isoDateTime,
});
export const qkdLinksResponse = fc.record({ items: uniqueList(qkdLink, 'id') });

export const qkdLinkSeries: fc.Arbitrary<QkdLinkSeries> = fc
  .array(
    fc.tuple(
      isoDateTime,
      fc.option(percent, { nil: null }),
      fc.option(nonNegative, { nil: null }),
      fc.option(nonNegative, { nil: null }),
      fc.option(nonNegative, { nil: null }),
    ),
    { maxLength: 30 },
  )
  .chain((rows) =>
    fc.record({
      linkId: nonEmpty,
      from: isoDateTime,
      to: isoDateTime,
      stepSeconds: positive,
      qberAlarmPercent: percent,
      qberSecurityLimitPercent: percent,
      timestamps: fc.constant(rows.map((r) => r[0])),
      qberPercent: fc.constant(rows.map((r) => r[1])),
      secretKeyRateKbps: fc.constant(rows.map((r) => r[2])),
      storedKeysKbit: fc.constant(rows.map((r) => r[3])),
      consumptionKbps: fc.constant(rows.map((r) => r[4])),
    }),
  );

const responseFigures: fc.Arbitrary<ResponseFigures> = fc.record({
  alerts: count,
  acknowledged: count,
  resolved: count,
  mttaSeconds: fc.option(nonNegative, { nil: null }),
  mttrSeconds: fc.option(nonNegative, { nil: null }),
});
const timeWindow = fc.record({ from: isoDateTime, to: isoDateTime });
export const responseTimesAnswer: fc.Arbitrary<ResponseTimes> = fc.record({
  period: fc.constantFrom(...RESPONSE_TIME_PERIODS),
  current: timeWindow,
  previous: timeWindow,
  items: uniqueList(
    fc.record({
      severity: fc.constantFrom(...SEVERITIES),
      current: responseFigures,
      previous: responseFigures,
    }),
    'severity',
    5,
  ),
  total: fc.record({ current: responseFigures, previous: responseFigures }),
});
