import type { Alert, AlertPatch, ResponseTimePeriod } from '../../src/api/schemas/security';
import type { Reading } from '../../src/api/schemas/sensors';
import { AlertPatchRefused, applyAlertPatch } from '../../src/lib/alert-status';
import { RESPONSE_PERIOD_MS, responseTimes } from '../../src/lib/response-times';
import { ALERTS_WINDOW_MS, generatedAlerts } from './alerts';
import { buildWorld, DEFAULT_SENSOR_COUNT, type World } from './build';
import { readingAt, siteAt } from './dynamics';
import { deviceSeries, healthDevices, healthFacilities } from './health';
import { QKD_LINKS, qkdLinkAt, qkdLinkSeries } from './qkd';

export const DEFAULT_SEED = 'milano-2026';

export interface SimulationOptions {
  seed?: string;
  /** Number of sensors: about 1,500 by default; 10,000 or 50,000 for load tests. */
  sensorCount?: number;
  /** The simulation's clock; the wall clock unless a test fixes it. */
  now?: () => number;
}

export { AlertPatchRefused };
export class AlertNotFound extends Error {}

/** What a demonstration or a test says of an alert it raises; the rest is filled in. */
export type RaisedAlert = Pick<Alert, 'category' | 'subCategory' | 'severity'> &
  Partial<Pick<Alert, 'source' | 'description' | 'place'>>;

/**
 * The simulated territory as a backend would hold it: a static world for the seed, values that
 * are pure functions of the clock, and the session's own changes to alerts.
 */
export function createSimulation({
  seed = DEFAULT_SEED,
  sensorCount = DEFAULT_SENSOR_COUNT,
  now = Date.now,
}: SimulationOptions = {}) {
  const world: World = buildWorld(seed, sensorCount);
  const alertChanges = new Map<string, Alert>();
  const raised: Alert[] = [];

  /** The alerts issued in the last `windowMs` (two days unless asked), with the session's changes. */
  function alerts(windowMs = ALERTS_WINDOW_MS): Alert[] {
    const since = now() - windowMs;
    const recent = raised.filter((a) => Date.parse(a.dateIssued) >= since);
    return [...recent, ...generatedAlerts(world, now(), windowMs)].map(
      (alert) => alertChanges.get(alert.id) ?? alert,
    );
  }

  return {
    world,
    now,
    sites: () => world.sites.map((site) => siteAt(world, site, now())),
    /** Latest readings (as they stood at `atMs`, if given); with `sinceMs`, only those observed after it. */
    readings(sinceMs?: number, atMs = now()): Reading[] {
      const all = world.sensors.map((sensor) => readingAt(world, sensor, atMs));
      return sinceMs === undefined ? all : all.filter((r) => Date.parse(r.dateObserved) > sinceMs);
    },
    alerts: () => alerts(),
    /** The alerts issued in the last `windowMs`, with the session's changes: what the KPIs count. */
    alertsWithin: (windowMs: number) => alerts(windowMs),
    /** MTTA and MTTR by severity over the period and the one before, from the alerts issued in them. */
    responseTimes: (period: ResponseTimePeriod) =>
      responseTimes(alerts(2 * RESPONSE_PERIOD_MS[period]), period, now()),
    /** Applies a PATCH by `actor` as the backend would, refusing what the status rules forbid. */
    patchAlert(id: string, patch: AlertPatch, actor: string): Alert {
      const current = alerts().find((a) => a.id === id);
      if (!current) throw new AlertNotFound(`no alert ${id}`);
      const next = applyAlertPatch(current, patch, actor, new Date(now()).toISOString());
      alertChanges.set(id, next);
      return next;
    },
    /** An alert issued now, beside the generated ones: for demonstrations and tests. */
    raiseAlert(fields: RaisedAlert): Alert {
      const at = new Date(now()).toISOString();
      const alert: Alert = {
        id: `alr-raised-${raised.length + 1}`,
        source: 'Demonstration',
        description: '',
        place: null,
        ...fields,
        dateIssued: at,
        status: 'open',
        assignee: null,
        audit: [
          {
            at,
            actor: fields.source ?? 'Demonstration',
            action: 'created',
            from: null,
            to: 'open',
            note: null,
          },
        ],
      };
      raised.push(alert);
      return alert;
    },
    qkdLinks: () => QKD_LINKS.map((link) => qkdLinkAt(world, link, now())),
    /** A link's history over the last `hours`, or undefined when there is no such link. */
    qkdLinkSeries(id: string, hours: number) {
      const link = QKD_LINKS.find((l) => l.id === id);
      return link && qkdLinkSeries(world, link, now(), hours);
    },
    /** Hospitals, community health houses and clinics. */
    healthFacilities: () => healthFacilities(world),
    /** Every diagnostic device now: state, today's exams and data, and the path of its data. */
    healthDevices: () => healthDevices(world, now()),
    /** A device's history over the last `hours`, or undefined when there is no such device. */
    deviceSeries: (id: string, hours: number) => deviceSeries(world, id, now(), hours),
  };
}

export type Simulation = ReturnType<typeof createSimulation>;
