import { z } from 'zod/mini';
import type { Device, Facility } from '../api/schemas/health';
import type { Site } from '../api/schemas/network';
import type { QkdLink } from '../api/schemas/security';
import type { Sensor } from '../api/schemas/sensors';
import type { Corridor, Municipality, Territory } from '../api/schemas/territory';
import type { PlaceWithAlerts } from './alert-places';

export const TARGET_KINDS = [
  'site',
  'sensor',
  'municipality',
  'corridor',
  'qkd-link',
  'alert-place',
  'facility',
  'device',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What can be selected, as the URL's `sel=<kind>:<id>` names it. */
export interface Target {
  kind: TargetKind;
  id: string;
}

export function parseTarget(value: string | null | undefined): Target | null {
  if (!value) return null;
  const index = value.indexOf(':');
  const kind = value.slice(0, index);
  const id = value.slice(index + 1);
  return index > 0 && id && (TARGET_KINDS as readonly string[]).includes(kind)
    ? { kind: kind as TargetKind, id }
    : null;
}

export const formatTarget = (target: Target | null | undefined) =>
  target ? `${target.kind}:${target.id}` : undefined;

/** `sel` in a view's search schema: the target it names, or undefined when absent or malformed. */
export const targetField = z.catch(
  z.optional(
    z.pipe(
      z.string(),
      z.transform((value) => parseTarget(value) ?? undefined),
    ),
  ),
  undefined,
);

/** The id of the selection when it is of `kind`, for a list of that kind to highlight. */
export const selectedId = (target: Target | null | undefined, kind: TargetKind) =>
  target?.kind === kind ? target.id : null;

export const sameTarget = (a: Target | null | undefined, b: Target | null | undefined) =>
  !!a && !!b && a.kind === b.kind && a.id === b.id;

type LonLat = readonly [number, number];

/** A selection with what it names, found in the data. */
export type Selected = { id: string; name: string; position: LonLat; missing: false } & (
  | { kind: 'site'; site: Site }
  | { kind: 'sensor'; sensor: Sensor }
  | { kind: 'municipality'; municipality: Municipality }
  | { kind: 'corridor'; corridor: Corridor }
  | { kind: 'qkd-link'; link: QkdLink }
  | { kind: 'alert-place'; place: PlaceWithAlerts }
  | { kind: 'facility'; facility: Facility }
  | { kind: 'device'; device: Device }
);

/** A selection the data does not hold (yet, or any more): shown by its id. */
export interface Unresolved extends Target {
  name: string;
  missing: true;
}

export type Selection = Selected | Unresolved;

export interface SelectionSources {
  territory?: Territory;
  sites?: readonly Site[];
  sensors?: readonly Sensor[];
  qkdLinks?: readonly QkdLink[];
  places?: readonly PlaceWithAlerts[];
  facilities?: readonly Facility[];
  devices?: readonly Device[];
}

const middle = <T>(path: readonly T[]) => path[Math.floor(path.length / 2)]!;

function find(target: Target, sources: SelectionSources): Selected | undefined {
  const { kind, id } = target;
  const base = { id, missing: false } as const;
  switch (kind) {
    case 'site': {
      const site = sources.sites?.find((s) => s.id === id);
      return site && { ...base, kind, site, name: site.name, position: site.location };
    }
    case 'sensor': {
      const sensor = sources.sensors?.find((s) => s.id === id);
      return sensor && { ...base, kind, sensor, name: sensor.name, position: sensor.location };
    }
    case 'municipality': {
      const municipality = sources.territory?.municipalities.find((m) => m.id === id);
      return (
        municipality && {
          ...base,
          kind,
          municipality,
          name: municipality.name,
          position: municipality.centroid,
        }
      );
    }
    case 'corridor': {
      const corridor = sources.territory?.corridors.find((c) => c.id === id);
      return corridor && { ...base, kind, corridor, name: corridor.name, position: middle(corridor.path) };
    }
    case 'qkd-link': {
      const link = sources.qkdLinks?.find((l) => l.id === id);
      if (!link) return undefined;
      const [a, b] = link.endpoints;
      const position = [(a.location[0] + b.location[0]) / 2, (a.location[1] + b.location[1]) / 2] as const;
      return { ...base, kind, link, name: link.name, position };
    }
    case 'alert-place': {
      const place = sources.places?.find((p) => p.key === id);
      return place && { ...base, kind, place, name: place.name, position: place.position };
    }
    case 'facility': {
      const facility = sources.facilities?.find((f) => f.id === id);
      return facility && { ...base, kind, facility, name: facility.name, position: facility.location };
    }
    case 'device': {
      const device = sources.devices?.find((d) => d.id === id);
      return device && { ...base, kind, device, name: device.name, position: device.location };
    }
  }
}

/** Turns the URL's selection into what it names, once, for the map, its details and the lists. */
export function resolveTarget(
  target: Target | null | undefined,
  sources: SelectionSources,
): Selection | null {
  if (!target) return null;
  return find(target, sources) ?? { ...target, name: target.id, missing: true };
}
