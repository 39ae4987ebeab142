import type { Site } from '../api/schemas/network';
import type { Alert, AlertPlace, QkdLink, Severity } from '../api/schemas/security';
import { SEVERITIES } from '../api/schemas/security';
import type { Sensor } from '../api/schemas/sensors';
import type { Territory } from '../api/schemas/territory';

type LonLat = readonly [number, number];

/** What the screen knows about the places alerts can point at. */
export interface PlaceDirectory {
  territory: Territory;
  sites?: readonly Site[];
  sensors?: readonly Sensor[];
  qkdLinks?: readonly QkdLink[];
}

export const isActive = (alert: Alert) => alert.status !== 'resolved' && alert.status !== 'closed';

/** `kind:refId`: one place, however many alerts point at it. */
export const placeKey = (place: AlertPlace) => `${place.kind}:${place.refId}`;

/**
 * Where a place is and what it is called: its exact position when the alert gives one, else the
 * thing it names (a sensor, a QKD link's midpoint, an area's centre), else its municipality's
 * centroid.
 */
export function locatePlace(
  place: AlertPlace,
  directory: PlaceDirectory,
): { name: string; position: LonLat } {
  const municipality = directory.territory.municipalities.find((m) => m.id === place.municipalityId);
  const fallback = municipality?.centroid ?? directory.territory.centre;
  switch (place.kind) {
    case 'site': {
      const site = directory.sites?.find((s) => s.id === place.refId);
      return { name: site?.name ?? place.refId, position: place.position ?? site?.location ?? fallback };
    }
    case 'sensor': {
      const sensor = directory.sensors?.find((s) => s.id === place.refId);
      return { name: sensor?.name ?? place.refId, position: place.position ?? sensor?.location ?? fallback };
    }
    case 'qkd-link': {
      const link = directory.qkdLinks?.find((l) => l.id === place.refId);
      const [a, b] = link?.endpoints ?? [];
      const middle: LonLat | undefined =
        a && b ? [(a.location[0] + b.location[0]) / 2, (a.location[1] + b.location[1]) / 2] : undefined;
      return { name: link?.name ?? place.refId, position: place.position ?? middle ?? fallback };
    }
    case 'municipality':
      return { name: municipality?.name ?? place.refId, position: place.position ?? fallback };
    case 'area': {
      const area = directory.territory.areas.find((a) => a.id === place.refId);
      return { name: area?.name ?? place.refId, position: area?.centroid ?? directory.territory.centre };
    }
  }
}

export interface PlaceWithAlerts {
  key: string;
  place: AlertPlace;
  name: string;
  position: LonLat;
  /** The gravest severity among its open alerts. */
  severity: Severity;
  alerts: Alert[];
}

/** Places with alerts still being worked (not resolved or closed), gravest first. */
export function placesWithOpenAlerts(alerts: readonly Alert[], directory: PlaceDirectory): PlaceWithAlerts[] {
  const byPlace = new Map<string, PlaceWithAlerts>();
  for (const alert of alerts) {
    if (!alert.place || !isActive(alert)) continue;
    const key = placeKey(alert.place);
    const known = byPlace.get(key);
    if (known) {
      known.alerts.push(alert);
      if (SEVERITIES.indexOf(alert.severity) > SEVERITIES.indexOf(known.severity))
        known.severity = alert.severity;
      continue;
    }
    byPlace.set(key, {
      key,
      place: alert.place,
      ...locatePlace(alert.place, directory),
      severity: alert.severity,
      alerts: [alert],
    });
  }
  return [...byPlace.values()].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity),
  );
}
