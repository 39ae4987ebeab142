import type { Alert, AlertPatch } from '../../src/api/schemas/security';
import type { Reading } from '../../src/api/schemas/sensors';
import { AlertPatchRefused, applyAlertPatch } from '../../src/lib/alert-status';
import { buildWorld, DEFAULT_SENSOR_COUNT, type World } from './build';
import { readingAt, siteAt } from './dynamics';
import { generatedAlerts, QKD_LINKS, qkdLinkAt } from './security';

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

  function alerts(): Alert[] {
    return generatedAlerts(world, now()).map((alert) => alertChanges.get(alert.id) ?? alert);
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
    alerts,
    /** Applies a PATCH as the backend would, refusing what the status rules forbid. */
    patchAlert(id: string, patch: AlertPatch): Alert {
      const current = alerts().find((a) => a.id === id);
      if (!current) throw new AlertNotFound(`no alert ${id}`);
      const next = applyAlertPatch(current, patch, new Date(now()).toISOString());
      alertChanges.set(id, next);
      return next;
    },
    qkdLinks: () => QKD_LINKS.map((link) => qkdLinkAt(world, link, now())),
  };
}

export type Simulation = ReturnType<typeof createSimulation>;
