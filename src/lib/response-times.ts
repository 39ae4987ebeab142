import {
  SEVERITIES,
  type Alert,
  type ResponseFigures,
  type ResponseTimePeriod,
  type ResponseTimes,
} from '../api/schemas/security';

const DAY_MS = 86_400_000;

/** Length of each period: the last day, week or 30 days, compared with the one before. */
export const RESPONSE_PERIOD_MS: Record<ResponseTimePeriod, number> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
};

export interface TimeWindow {
  /** Inclusive. */
  fromMs: number;
  /** Exclusive. */
  toMs: number;
}

/** The period ending now and the one before it. */
export const periodWindows = (period: ResponseTimePeriod, nowMs: number) =>
  windowsOfLength(RESPONSE_PERIOD_MS[period], nowMs);

/** A window of `length` ending now and the one before it. */
export function windowsOfLength(length: number, nowMs: number) {
  return {
    current: { fromMs: nowMs - length, toMs: nowMs },
    previous: { fromMs: nowMs - 2 * length, toMs: nowMs - length },
  };
}

const issuedMs = (alert: Alert) => Date.parse(alert.dateIssued);

/**
 * Milliseconds from issue to the first time someone acknowledged the alert or started work on it,
 * as its audit trail tells; null when that never happened (an alert resolved straight from open
 * was never acknowledged).
 */
export function timeToAcknowledgeMs(alert: Alert): number | null {
  const entry = alert.audit.find(
    (e) => e.action === 'status' && (e.to === 'acknowledged' || e.to === 'in_progress'),
  );
  return entry ? Math.max(0, Date.parse(entry.at) - issuedMs(alert)) : null;
}

/**
 * Milliseconds from issue to resolution, for an alert that is resolved or closed now: to its last
 * resolution (an alert reopened and resolved again took that long). Null while it is still open.
 */
export function timeToResolveMs(alert: Alert): number | null {
  if (alert.status !== 'resolved' && alert.status !== 'closed') return null;
  const statusEntries = alert.audit.filter((e) => e.action === 'status');
  const entry =
    statusEntries.findLast((e) => e.to === 'resolved') ?? statusEntries.findLast((e) => e.to === 'closed');
  return entry ? Math.max(0, Date.parse(entry.at) - issuedMs(alert)) : null;
}

const meanSeconds = (values: number[]) =>
  values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length / 1000) : null;

/** MTTA and MTTR of a set of alerts, with how many each mean is taken over. */
export function responseFigures(alerts: readonly Alert[]): ResponseFigures {
  const acknowledged = alerts.flatMap((a) => timeToAcknowledgeMs(a) ?? []);
  const resolved = alerts.flatMap((a) => timeToResolveMs(a) ?? []);
  return {
    alerts: alerts.length,
    acknowledged: acknowledged.length,
    resolved: resolved.length,
    mttaSeconds: meanSeconds(acknowledged),
    mttrSeconds: meanSeconds(resolved),
  };
}

/** The alerts issued in a window. */
export const issuedWithin = (alerts: readonly Alert[], { fromMs, toMs }: TimeWindow) =>
  alerts.filter((a) => {
    const issued = issuedMs(a);
    return issued >= fromMs && issued < toMs;
  });

/**
 * Response times by severity (gravest first) and overall, for the alerts issued in the period
 * ending at `nowMs` and in the period before it, each judged by its audit trail as it stands now.
 */
export function responseTimes(
  alerts: readonly Alert[],
  period: ResponseTimePeriod,
  nowMs: number,
): ResponseTimes {
  const windows = periodWindows(period, nowMs);
  const current = issuedWithin(alerts, windows.current);
  const previous = issuedWithin(alerts, windows.previous);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    period,
    current: { from: iso(windows.current.fromMs), to: iso(windows.current.toMs) },
    previous: { from: iso(windows.previous.fromMs), to: iso(windows.previous.toMs) },
    items: [...SEVERITIES].reverse().map((severity) => ({
      severity,
      current: responseFigures(current.filter((a) => a.severity === severity)),
      previous: responseFigures(previous.filter((a) => a.severity === severity)),
    })),
    total: { current: responseFigures(current), previous: responseFigures(previous) },
  };
}
