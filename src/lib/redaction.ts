import type { Alert, AuditEntry, QkdLink } from '../api/schemas/security';

/**
 * What a public or presentation screen may show. A room full of visitors sees that an alert
 * exists, how grave it is, where roughly and how it was handled — never who handled it, what they
 * wrote, which machine is involved or exactly where the equipment stands.
 */

/** Screen modes (`?mode=`) in which sensitive details are withheld. */
export const REDACTED_MODES = ['public', 'presentation'] as const;

export function isRedactedMode(mode: string | null | undefined): boolean {
  return (REDACTED_MODES as readonly (string | null | undefined)[]).includes(mode);
}

/** Who an audit entry is attributed to once names are withheld. */
export const REDACTED_ACTOR = 'Operations team';
/** What replaces a host name, an address or a link in free text. */
export const REDACTED_TEXT = '[withheld]';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/./i;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d{1,5})?$/;
const IPV6_CHARS = /^\[?[0-9a-f:]+(?:\.\d{1,3}){0,3}(?:%[\w.-]+)?\]?(?:\/\d{1,3})?(?::\d{1,5})?$/i;
const MAC = /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;
/** A dotted name ending in a top-level domain: fw-01.campus.local, siem.example.org:8443. */
const DOMAIN_NAME = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d{1,5})?$/i;
/** A machine's short name: letters and digits joined by - or _, with a digit (srv-db-02, fw_edge_1). */
const SHORT_HOST = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+$/i;
/** A short name run together with its number: fw01, srv12. */
const NUMBERED_HOST = /^[a-z]{2,}\d{2,}$/i;

function isIpv6(token: string): boolean {
  if (!IPV6_CHARS.test(token)) return false;
  const colons = token.split(':').length - 1;
  // A clock time (08:30:00) has two colons and no hex letters.
  return colons >= 2 && (token.includes('::') || colons >= 3 || /[a-f]/i.test(token.replace(/%.*/, '')));
}

/** Whether a word of free text names a machine or an address. */
export function isHostOrAddress(token: string): boolean {
  return (
    URL_LIKE.test(token) ||
    EMAIL.test(token) ||
    IPV4.test(token) ||
    MAC.test(token) ||
    isIpv6(token) ||
    (DOMAIN_NAME.test(token) && /[a-z]/i.test(token)) ||
    (SHORT_HOST.test(token) && /\d/.test(token)) ||
    NUMBERED_HOST.test(token)
  );
}

/** Free text with every host name, address, e-mail and link in it withheld. */
export function withholdHosts(text: string): string {
  return text.replace(/\S+/g, (word) => {
    // Punctuation around a word (brackets, quotes, a full stop) is kept; what it encloses is judged.
    const match = /^([("'<[{]*)(.*?)([)"'>\]},;:.!?]*)$/.exec(word);
    const [, before = '', core = word, after = ''] = match ?? [];
    if (isHostOrAddress(core)) return `${before}${REDACTED_TEXT}${after}`;
    // An IPv6 address in brackets keeps its brackets in `core` when a port follows.
    return isHostOrAddress(word) ? REDACTED_TEXT : word;
  });
}

const words = (slug: string) => slug.replace(/[-_]+/g, ' ').trim();

/** The steps of the handling, without who took them or what they wrote. */
function redactedAudit(audit: readonly AuditEntry[]): AuditEntry[] {
  return audit
    .filter((entry) => entry.action === 'created' || entry.action === 'status')
    .map((entry) => ({ ...entry, actor: REDACTED_ACTOR, note: null }));
}

/**
 * An alert fit for a public or presentation screen: no assignee, an audit trail of status changes
 * only (no actors, no notes, no assignments), a generic description (free text may name people,
 * machines or places), no host names or addresses in its source, and its place coarsened to its
 * municipality with no position.
 */
export function redactAlert(alert: Alert, municipalityName?: string): Alert {
  const what = `${words(alert.subCategory)} (${words(alert.category)})`;
  const where = municipalityName ? ` in ${municipalityName}` : '';
  return {
    id: alert.id,
    category: alert.category,
    subCategory: alert.subCategory,
    severity: alert.severity,
    source: withholdHosts(alert.source).trim() || REDACTED_TEXT,
    description: `${what.charAt(0).toUpperCase()}${what.slice(1)}${where}.`,
    place: alert.place && {
      kind: 'municipality',
      refId: alert.place.municipalityId,
      municipalityId: alert.place.municipalityId,
      position: null,
    },
    dateIssued: alert.dateIssued,
    status: alert.status,
    assignee: null,
    audit: redactedAudit(alert.audit),
  };
}

/** The grid node positions are snapped to once redacted, in degrees (about 4–5 km here). */
export const NODE_GRID_DEG = 0.05;
const snap = (degrees: number) => Number((Math.round(degrees / NODE_GRID_DEG) * NODE_GRID_DEG).toFixed(2));

const NODE_KIND_LABEL = { 'data-centre': 'Data centre', site: 'Exchange', campus: 'Campus' } as const;

/** A short code for a link that says nothing about where it runs (FNV-1a of its id). */
function linkCode(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % 0x10000).toString(16).toUpperCase().padStart(4, '0');
}

/**
 * A QKD link fit for a public or presentation screen: generic names for it and its nodes, node
 * ids that name nothing, and node positions snapped to a 0.05° grid. Its health figures stay.
 */
export function redactQkdLink(link: QkdLink): QkdLink {
  const code = linkCode(link.id);
  const [a, b] = link.endpoints.map((node, i) => {
    const end = i === 0 ? 'A' : 'B';
    return {
      id: `${link.id}:${end.toLowerCase()}`,
      name: `${NODE_KIND_LABEL[node.kind]} ${code}-${end}`,
      kind: node.kind,
      location: [snap(node.location[0]), snap(node.location[1])] as [number, number],
    };
  }) as [QkdLink['endpoints'][0], QkdLink['endpoints'][1]];
  return { ...link, name: `Link ${code}`, endpoints: [a, b] };
}
