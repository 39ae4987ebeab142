import type { Device, LinkHop } from '../src/api/schemas/health';
import type { Alert, AuditEntry, QkdLink, QkdLinkSeries } from '../src/api/schemas/security';
import type { Area } from '../src/api/schemas/territory';

/**
 * The public projection, made before the bytes leave the server: what a public or presentation
 * screen may receive. A room full of visitors learns that an alert exists, how grave it is, in
 * which part of the territory and how it was handled — never who handled it, what they wrote,
 * which machine is involved or exactly where the equipment stands. Ids are opaque.
 */

/** The only words an alert's source may be shown as; anything else is "Other". */
export const SOURCE_VOCABULARY = [
  'IDS',
  'EDR',
  'SIEM',
  'Firewall',
  'NOC',
  'QKD',
  'Physical security',
] as const;
const OTHER_SOURCE = 'Other';
const SOURCE_PATTERNS: readonly [RegExp, (typeof SOURCE_VOCABULARY)[number]][] = [
  [/\b(?:ids|ips|intrusion)\b/i, 'IDS'],
  [/\b(?:edr|antivirus|endpoint)\b/i, 'EDR'],
  [/\bsiem\b/i, 'SIEM'],
  [/\b(?:firewall|fw)\b/i, 'Firewall'],
  [/\b(?:noc|network monitor)\b/i, 'NOC'],
  [/\bqkd\b/i, 'QKD'],
  [/\b(?:site controller|cabinet|door|cctv|badge)\b/i, 'Physical security'],
];

/** The kind of system that raised an alert, from the fixed vocabulary: never its name or address. */
export function publicSource(source: string): string {
  return SOURCE_PATTERNS.find(([pattern]) => pattern.test(source))?.[1] ?? OTHER_SOURCE;
}

/** Keyed, so that an id cannot be recomputed from a guessed name. */
export type OpaqueId = (kind: 'alert' | 'link', id: string) => Promise<string>;

/** Opaque ids by HMAC-SHA-256 under `key`, remembered so that each is computed once. */
export function opaqueIds(key: Uint8Array<ArrayBuffer>): OpaqueId {
  const cryptoKey = crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const known = new Map<string, string>();
  return async (kind, id) => {
    const name = `${kind}:${id}`;
    const cached = known.get(name);
    if (cached) return cached;
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', await cryptoKey, new TextEncoder().encode(name)),
    );
    const hex = [...mac.subarray(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
    const opaque = `${kind === 'alert' ? 'alr' : 'qkd'}-${hex}`;
    known.set(name, opaque);
    return opaque;
  };
}

const words = (slug: string) => slug.replace(/[-_]+/g, ' ').trim();

/** The steps of the handling, without who took them or what they wrote. */
const publicAudit = (audit: readonly AuditEntry[]): AuditEntry[] =>
  audit
    .filter((entry) => entry.action === 'created' || entry.action === 'status')
    .map((entry) => ({ ...entry, actor: null, note: null }));

/**
 * An alert fit for a public screen: an opaque id, no assignee, an audit trail of status changes
 * only, a description made of its category, its source as a kind of system, and its place as
 * the area around it.
 */
export async function publicAlert(
  alert: Alert,
  areaOf: (municipalityId: string) => Area | undefined,
  opaqueId: OpaqueId,
): Promise<Alert> {
  const area = alert.place?.municipalityId ? areaOf(alert.place.municipalityId) : undefined;
  const what = `${words(alert.subCategory)} (${words(alert.category)})`;
  return {
    id: await opaqueId('alert', alert.id),
    category: alert.category,
    subCategory: alert.subCategory,
    severity: alert.severity,
    source: publicSource(alert.source),
    description: `${what.charAt(0).toUpperCase()}${what.slice(1)}${area ? ` in ${area.name}` : ''}.`,
    place: area ? { kind: 'area', refId: area.id, municipalityId: null, position: null } : null,
    dateIssued: alert.dateIssued,
    status: alert.status,
    assignee: null,
    audit: publicAudit(alert.audit),
  };
}

/** The grid node positions are snapped to, in degrees (about 4–5 km here). */
export const NODE_GRID_DEG = 0.05;
const snap = (degrees: number) => Number((Math.round(degrees / NODE_GRID_DEG) * NODE_GRID_DEG).toFixed(2));
const snapped = ([lon, lat]: readonly [number, number]): [number, number] => [snap(lon), snap(lat)];

/** The public name of a link, from its opaque id: the same wherever the link is named. */
const publicLinkCode = (opaqueLinkId: string) => opaqueLinkId.slice(-4).toUpperCase();

const NODE_KIND_LABEL = { 'data-centre': 'Data centre', site: 'Exchange', campus: 'Campus' } as const;

/**
 * A QKD link fit for a public screen: an opaque id, generic names for it and its nodes, and node
 * positions snapped to a 0.05° grid. Its health figures stay.
 */
export async function publicQkdLink(link: QkdLink, opaqueId: OpaqueId): Promise<QkdLink> {
  const id = await opaqueId('link', link.id);
  const code = publicLinkCode(id);
  const [a, b] = link.endpoints.map((node, i) => {
    const end = i === 0 ? 'A' : 'B';
    return {
      id: `${id}-${end.toLowerCase()}`,
      name: `${NODE_KIND_LABEL[node.kind]} ${code}-${end}`,
      kind: node.kind,
      location: snapped(node.location),
    };
  }) as [QkdLink['endpoints'][0], QkdLink['endpoints'][1]];
  return { ...link, id, name: `Link ${code}`, endpoints: [a, b] };
}

/** A link's history under its opaque id. */
export const publicQkdSeries = (series: QkdLinkSeries, opaqueLinkId: string): QkdLinkSeries => ({
  ...series,
  linkId: opaqueLinkId,
});

/** What a public screen calls the fibre from a site to its QKD node, whichever node it is. */
export const PUBLIC_FIBRE_NAME = 'Fibre to the QKD network';

/**
 * A health device fit for a public screen. Its id, name, facility, figures and 5G site stay: they
 * name no person and no machine's address, and facilities and sites are public. Its path names no
 * QKD node or link: a QKD link hop has the opaque id and generic name the public QKD links give it,
 * the fibre to its node a generic name, and where either ends is snapped to the nodes' grid.
 */
export async function publicDevice(device: Device, opaqueId: OpaqueId): Promise<Device> {
  const [site, ...links] = device.path;
  const hops = await Promise.all(
    links.map(async (hop): Promise<LinkHop> => {
      if (hop.kind === 'fibre' || hop.refId === null)
        return {
          ...hop,
          refId: null,
          name: hop.kind === 'fibre' ? PUBLIC_FIBRE_NAME : 'QKD link',
          to: snapped(hop.to),
        };
      const id = await opaqueId('link', hop.refId);
      return { ...hop, refId: id, name: `Link ${publicLinkCode(id)}`, to: snapped(hop.to) };
    }),
  );
  return { ...device, path: [site, ...hops] };
}
