import type { Alert, AlertStatus, AuditEntry, Severity } from '../../src/api/schemas/security';
import type { World } from './build';
import { boundedCache } from './cache';
import { devicesOnLink } from './health';
import {
  QBER_ALARM_PERCENT,
  QBER_SECURITY_LIMIT_PERCENT,
  QBER_SPELL_MS,
  qberExcursion,
  QKD_LINKS,
  type QberExcursion,
  type QkdLinkSeed,
} from './qkd';
import { pick, rand } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** Alerts may arrive in any 5-minute slot. */
const SLOT_MS = 5 * MINUTE;
const ARRIVAL_PROBABILITY = 0.4;

export const OPERATORS = ['M. Rossi', 'G. Bianchi', 'L. Colombo', 'F. Ricci', 'S. Marino', 'A. Greco'];

const CATEGORIES = [
  {
    category: 'intrusion',
    subCategories: ['port-scan', 'brute-force-login', 'unauthorised-access'],
    source: 'IDS campus-core',
  },
  { category: 'malware', subCategories: ['botnet-beacon', 'suspicious-binary'], source: 'EDR fleet' },
  {
    category: 'availability',
    subCategories: ['ddos', 'link-down', 'service-degraded'],
    source: 'NOC monitor',
  },
  {
    category: 'qkd',
    // QBER above the alarm threshold is raised from the links' own QBER: see qberAlerts.
    subCategories: ['key-pool-low', 'eavesdropping-suspected'],
    source: 'QKD key manager',
  },
  { category: 'physical', subCategories: ['cabinet-tamper', 'door-open'], source: 'Site controller' },
  { category: 'configuration', subCategories: ['certificate-expiring', 'firmware-outdated'], source: 'SIEM' },
] as const;

function severityFor(r: number): Severity {
  if (r < 0.3) return 'informational';
  if (r < 0.6) return 'low';
  if (r < 0.82) return 'medium';
  if (r < 0.95) return 'high';
  return 'critical';
}

/** How long (minutes) each stage of handling takes, faster for graver alerts. */
const RESPONSE_MINUTES: Record<Severity, { ack: number; work: number; resolve: number; close: number }> = {
  critical: { ack: 4, work: 6, resolve: 70, close: 180 },
  high: { ack: 10, work: 15, resolve: 150, close: 300 },
  medium: { ack: 25, work: 40, resolve: 300, close: 600 },
  low: { ack: 60, work: 120, resolve: 600, close: 900 },
  informational: { ack: 120, work: 240, resolve: 720, close: 1080 },
};

/** An alert's audit trail and status, moved through its stages as far as `nowMs` allows. */
function handled(
  key: string,
  source: string,
  severity: Severity,
  issued: number,
  nowMs: number,
  /** The condition reported lasts until then: the alert is not resolved before it. */
  clearsAt = issued,
): Pick<Alert, 'status' | 'assignee' | 'audit'> {
  const assignee = pick(OPERATORS, rand(key, 'assignee'));
  const pace = RESPONSE_MINUTES[severity];
  const spread = 0.5 + rand(key, 'pace');
  const resolvedAt = Math.max(issued + pace.resolve * spread * MINUTE, clearsAt + 10 * MINUTE);
  const stages: { status: AlertStatus; at: number; note: string | null }[] = [
    { status: 'acknowledged', at: issued + pace.ack * spread * MINUTE, note: null },
    { status: 'in_progress', at: issued + pace.work * spread * MINUTE, note: null },
    { status: 'resolved', at: resolvedAt, note: 'Mitigated and verified.' },
    {
      status: 'closed',
      at: Math.max(issued + pace.close * spread * MINUTE, resolvedAt + 30 * MINUTE),
      note: null,
    },
  ];
  const audit: AuditEntry[] = [
    { at: iso(issued), actor: source, action: 'created', from: null, to: 'open', note: null },
  ];
  let status: AlertStatus = 'open';
  let assigned: string | null = null;
  for (const stage of stages) {
    if (stage.at > nowMs) break;
    if (!assigned) {
      assigned = assignee;
      audit.push({
        at: iso(stage.at),
        actor: assignee,
        action: 'assigned',
        from: null,
        to: assignee,
        note: null,
      });
    }
    audit.push({
      at: iso(stage.at),
      actor: assignee,
      action: 'status',
      from: status,
      to: stage.status,
      note: stage.note,
    });
    status = stage.status;
  }
  return { status, assignee: assigned, audit };
}

const qkdLinkPlace = (link: QkdLinkSeed) => ({
  kind: 'qkd-link' as const,
  refId: link.id,
  municipalityId: link.municipalityId,
  position: null,
});

function generatedAlert(world: World, slot: number, nowMs: number): Alert {
  const key = `${world.seed}:alert:${slot}`;
  const issued = slot * SLOT_MS + Math.floor(rand(key, 'offset') * SLOT_MS);
  const kind = pick(CATEGORIES, rand(key, 'category'));
  const severity = severityFor(rand(key, 'severity'));
  const subCategory = pick(kind.subCategories, rand(key, 'sub'));
  const site = pick(world.sites, rand(key, 'site'));
  const place =
    kind.category === 'qkd'
      ? qkdLinkPlace(pick(QKD_LINKS, rand(key, 'link')))
      : {
          kind: 'site' as const,
          refId: site.id,
          municipalityId: site.municipalityId,
          position: site.location,
        };
  return {
    id: `alr-${slot}`,
    category: kind.category,
    subCategory,
    severity,
    source: kind.source,
    description: `${subCategory.replace(/-/g, ' ')} reported by ${kind.source}`,
    place,
    dateIssued: iso(issued),
    ...handled(key, kind.source, severity, issued, nowMs),
  };
}

/** How far back the alerts list reaches. */
export const ALERTS_WINDOW_MS = 48 * HOUR;

/**
 * An alert issued this long ago has been through all its stages, so it no longer changes and is
 * kept: asking for weeks of alerts (for response times) then costs little after the first time.
 */
const SETTLED_MS = 30 * HOUR;
// By seed and slot: besides the seed an alert draws only on the world's sites, which follow from it.
const settledAlerts = boundedCache<Alert>(50_000);

const newestFirst = (a: Alert, b: Alert) =>
  a.dateIssued < b.dateIssued ? 1 : a.dateIssued > b.dateIssued ? -1 : 0;

/**
 * Every alert issued in the last `windowMs` (two days unless asked), newest first, as the
 * simulation has handled them: those arriving at random in any 5-minute slot, and one for each
 * spell in which a QKD link's QBER crossed its alarm threshold, and one for each such spell that
 * sent health devices' data over classical encryption.
 */
export function generatedAlerts(world: World, nowMs: number, windowMs = ALERTS_WINDOW_MS): Alert[] {
  const alerts: Alert[] = [];
  const last = Math.floor(nowMs / SLOT_MS);
  const lastSettled = Math.floor((nowMs - SETTLED_MS) / SLOT_MS) - 1;
  for (let slot = last; slot > last - windowMs / SLOT_MS; slot--) {
    if (rand(world.seed, 'alert-arrives', slot) >= ARRIVAL_PROBABILITY) continue;
    const alert =
      slot <= lastSettled
        ? settledAlerts(`${world.seed}|${slot}`, () => generatedAlert(world, slot, Infinity))
        : generatedAlert(world, slot, nowMs);
    if (Date.parse(alert.dateIssued) <= nowMs) alerts.push(alert);
  }
  const qkd = [...qberAlerts(world, nowMs, windowMs), ...healthFallbackAlerts(world, nowMs, windowMs)];
  return qkd.length ? [...alerts, ...qkd].sort(newestFirst) : alerts;
}

const QKD_SOURCE = 'QKD key manager';

/** Each spell within the window in which a link's QBER crossed its alarm threshold, by link. */
function excursionsWithin(world: World, nowMs: number, windowMs: number) {
  const found: { link: QkdLinkSeed; index: number; spell: number; excursion: QberExcursion }[] = [];
  const first = Math.floor((nowMs - windowMs) / QBER_SPELL_MS);
  const last = Math.floor(nowMs / QBER_SPELL_MS);
  QKD_LINKS.forEach((link, index) => {
    for (let spell = first; spell <= last; spell++) {
      const excursion = qberExcursion(world.seed, link, spell);
      if (!excursion || excursion.crossedAt > nowMs || excursion.crossedAt <= nowMs - windowMs) continue;
      found.push({ link, index, spell, excursion });
    }
  });
  return found;
}

/**
 * One alert for each spell in which a link's QBER crossed its alarm threshold within the window:
 * issued when it crossed, high, and escalated to critical (with a note in its trail) if the QBER
 * went on to reach the security limit, where no secret key can be distilled.
 */
export function qberAlerts(world: World, nowMs: number, windowMs = ALERTS_WINDOW_MS): Alert[] {
  return excursionsWithin(world, nowMs, windowMs).map(({ link, index, spell, excursion }) => {
    const { crossedAt, limitAt, limitQber, clearsAt } = excursion;
    const critical = limitAt !== null && limitAt <= nowMs;
    const key = `${world.seed}:qber:${link.id}:${spell}`;
    const { status, assignee, audit } = handled(key, QKD_SOURCE, 'high', crossedAt, nowMs, clearsAt);
    if (critical) {
      audit.push({
        at: iso(limitAt),
        actor: QKD_SOURCE,
        action: 'note',
        from: null,
        to: null,
        note: `QBER reached ${limitQber}%, at the ${QBER_SECURITY_LIMIT_PERCENT}% security limit: escalated to critical.`,
      });
      audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    }
    return {
      // Named by the spell and the link's place in the list, so the id does not say where it is.
      id: `alr-qber-${spell}-${index}`,
      category: 'qkd',
      subCategory: 'qber-above-threshold',
      severity: critical ? 'critical' : 'high',
      source: QKD_SOURCE,
      description: critical
        ? `QBER on ${link.name} rose above the ${QBER_ALARM_PERCENT}% alarm threshold and reached the ${QBER_SECURITY_LIMIT_PERCENT}% security limit: no secret key can be distilled`
        : `QBER on ${link.name} rose above the ${QBER_ALARM_PERCENT}% alarm threshold`,
      place: qkdLinkPlace(link),
      dateIssued: iso(crossedAt),
      status,
      assignee,
      audit,
    };
  });
}

/** "A", "A and B", "A, B and C". */
const listed = (names: readonly string[]) =>
  names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The fallback-to-classical rule's alert: while a QKD link is over its alarm threshold (or down),
 * the health devices whose data crosses it send it under classical encryption. One alert for each
 * such spell that carries at least one device's data, issued when the QBER crossed, high, filed at
 * the link and naming the facilities whose devices are affected.
 */
export function healthFallbackAlerts(world: World, nowMs: number, windowMs = ALERTS_WINDOW_MS): Alert[] {
  return excursionsWithin(world, nowMs, windowMs).flatMap(({ link, index, spell, excursion }) => {
    const devices = devicesOnLink(world, link.id);
    if (devices.length === 0) return [];
    const facilities = [...new Set(devices.map((d) => d.facility.name))].sort((a, b) => a.localeCompare(b));
    const key = `${world.seed}:health-fallback:${link.id}:${spell}`;
    const { crossedAt, clearsAt } = excursion;
    return [
      {
        id: `alr-health-${spell}-${index}`,
        category: 'qkd',
        subCategory: 'health-data-classical-fallback',
        severity: 'high' as const,
        source: QKD_SOURCE,
        description:
          `Health data of ${devices.length} ${devices.length === 1 ? 'device' : 'devices'} at ${listed(facilities)} ` +
          `falls back to classical encryption while QBER on ${link.name} is above the ${QBER_ALARM_PERCENT}% alarm threshold`,
        place: qkdLinkPlace(link),
        dateIssued: iso(crossedAt),
        ...handled(key, QKD_SOURCE, 'high', crossedAt, nowMs, clearsAt),
      },
    ];
  });
}
