import type {
  Alert,
  AlertStatus,
  AuditEntry,
  QkdLink,
  QkdLinkSeries,
  Severity,
} from '../../src/api/schemas/security';
import type { World } from './build';
import { offsetKm } from './geo';
import { pick, rand, smoothNoise } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

const MAX_CACHED = 2048;

/** Pure results kept for reuse, within a bound: the alerts and links endpoints are polled. */
function memo<T>(cache: Map<string, T>, key: string, compute: () => T, limit = MAX_CACHED): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

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
const MAX_SETTLED = 50_000;
const settledAlerts = new WeakMap<World, Map<string, Alert>>();

const newestFirst = (a: Alert, b: Alert) =>
  a.dateIssued < b.dateIssued ? 1 : a.dateIssued > b.dateIssued ? -1 : 0;

/**
 * Every alert issued in the last `windowMs` (two days unless asked), newest first, as the
 * simulation has handled them: those arriving at random in any 5-minute slot, and one for each
 * spell in which a QKD link's QBER crossed its alarm threshold.
 */
export function generatedAlerts(world: World, nowMs: number, windowMs = ALERTS_WINDOW_MS): Alert[] {
  const alerts: Alert[] = [];
  const last = Math.floor(nowMs / SLOT_MS);
  const lastSettled = Math.floor((nowMs - SETTLED_MS) / SLOT_MS) - 1;
  let settled = settledAlerts.get(world);
  if (!settled) settledAlerts.set(world, (settled = new Map()));
  for (let slot = last; slot > last - windowMs / SLOT_MS; slot--) {
    if (rand(world.seed, 'alert-arrives', slot) >= ARRIVAL_PROBABILITY) continue;
    const alert =
      slot <= lastSettled
        ? memo(settled, String(slot), () => generatedAlert(world, slot, Infinity), MAX_SETTLED)
        : generatedAlert(world, slot, nowMs);
    if (Date.parse(alert.dateIssued) <= nowMs) alerts.push(alert);
  }
  const qber = qberAlerts(world, nowMs, windowMs);
  return qber.length ? [...alerts, ...qber].sort(newestFirst) : alerts;
}

type QkdNodeSeed = QkdLink['endpoints'][number] & { municipalityId: string };

export interface QkdLinkSeed {
  id: string;
  name: string;
  from: QkdNodeSeed;
  to: QkdNodeSeed;
  lengthKm: number;
  /** Where alerts about the link are filed: the municipality of its first end. */
  municipalityId: string;
}

const NODES = {
  isimbardi: {
    id: 'node-isimbardi',
    name: 'Palazzo Isimbardi (Metropolitan City HQ)',
    kind: 'campus',
    location: [9.1977, 45.4655],
    municipalityId: 'milano',
  },
  caldera: {
    id: 'node-caldera',
    name: 'Milano West data centre',
    kind: 'data-centre',
    location: [9.1047, 45.4818],
    municipalityId: 'milano',
  },
  mind: {
    id: 'node-mind',
    name: 'MIND campus, Rho',
    kind: 'campus',
    location: [9.0927, 45.5192],
    municipalityId: 'rho',
  },
  sesto: {
    id: 'node-sesto',
    name: 'Sesto San Giovanni data centre',
    kind: 'data-centre',
    location: [9.2333, 45.5333],
    municipalityId: 'sesto-san-giovanni',
  },
  assago: {
    id: 'node-assago',
    name: 'Assago exchange',
    kind: 'site',
    location: [9.1276, 45.4066],
    municipalityId: 'assago',
  },
  segrate: {
    id: 'node-segrate',
    name: 'Segrate exchange',
    kind: 'site',
    location: [9.2936, 45.4925],
    municipalityId: 'segrate',
  },
} as const satisfies Record<string, Omit<QkdNodeSeed, 'location'> & { location: readonly [number, number] }>;

export const QKD_LINKS: QkdLinkSeed[] = [
  ['isimbardi', 'caldera', 9.5],
  ['caldera', 'mind', 6.8],
  ['isimbardi', 'sesto', 9.1],
  ['isimbardi', 'assago', 8.4],
  ['sesto', 'segrate', 7.9],
  ['segrate', 'isimbardi', 9.3],
].map(([from, to, lengthKm]) => {
  const a = NODES[from as keyof typeof NODES];
  const b = NODES[to as keyof typeof NODES];
  return {
    id: `qkd-${from}-${to}`,
    name: `${a.name.split(' (')[0]} – ${b.name.split(',')[0]}`,
    from: { ...a, location: [...a.location] as [number, number] },
    to: { ...b, location: [...b.location] as [number, number] },
    lengthKm: lengthKm as number,
    municipalityId: a.municipalityId,
  };
});

const qkdLinkPlace = (link: QkdLinkSeed) => ({
  kind: 'qkd-link' as const,
  refId: link.id,
  municipalityId: link.municipalityId,
  position: null,
});

/** A node as the API describes it. */
const apiNode = ({ id, name, kind, location }: QkdNodeSeed) => ({ id, name, kind, location });

export const QBER_ALARM_PERCENT = 6;
export const QBER_SECURITY_LIMIT_PERCENT = 11;

/** QBER is calm except in disturbed spells, each a 3-hour rise and fall on one link. */
const SPELL_MS = 3 * HOUR;
const DISTURBED_PROBABILITY = 0.12;
/** The calm QBER stays within 2.2 ± 0.6 %. */
const CALM_MAX_PERCENT = 2.8;

/** How far a spell raises the QBER at its height, in points of %; 0 when the link is calm. */
function spellAmplitude(seed: string, linkId: string, spell: number): number {
  if (rand(seed, linkId, 'disturbed', spell) >= DISTURBED_PROBABILITY) return 0;
  // Most spells cross the alarm threshold; about one in five reaches the security limit.
  return 2 + 8.5 * rand(seed, linkId, 'amplitude', spell);
}

/** QBER in %: a calm baseline, with occasional disturbed spells on one link at a time. */
export function qberAt(seed: string, linkId: string, timeMs: number): number {
  const calm = 2.2 + 0.6 * smoothNoise(timeMs, 20 * MINUTE, seed, linkId, 'qber');
  const spell = Math.floor(timeMs / SPELL_MS);
  const amplitude = spellAmplitude(seed, linkId, spell);
  const bump = amplitude ? amplitude * Math.sin(((timeMs - spell * SPELL_MS) / SPELL_MS) * Math.PI) : 0;
  return Math.round((calm + bump) * 100) / 100;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** QBER, secret key rate and key consumption of a link at an instant. */
function linkRates(seed: string, link: QkdLinkSeed, timeMs: number) {
  const qber = qberAt(seed, link.id, timeMs);
  // Secret key rate falls with fibre loss (0.2 dB/km) and with QBER, reaching zero at the security limit.
  const usable = Math.max(0, 1 - qber / QBER_SECURITY_LIMIT_PERCENT) ** 2;
  const rate = round2(24 * 10 ** ((-0.2 * link.lengthKm) / 10) * usable);
  const consumption = round2(4 + 3 * (1 + smoothNoise(timeMs, HOUR, seed, link.id, 'use')));
  return { qber, rate, consumption };
}

/**
 * The key pool: filled by the secret key rate, drawn down by consumption, between empty and its
 * capacity. It is integrated in 5-minute steps over 6 to 12 hours before the time asked, from a
 * full pool at the start of a 6-hour block: a healthy link fills its pool within the hour, so
 * where the integration starts is forgotten, and the level is a pure function of the clock.
 */
export const KEY_POOL_CAPACITY_KBIT = 8000;
const POOL_STEP_MS = 5 * MINUTE;
const POOL_BLOCK_MS = 6 * HOUR;
const POOL_STEPS = (2 * POOL_BLOCK_MS) / POOL_STEP_MS;

interface PoolTrajectory {
  /** Stored kbit at the start of each step, and at the end of the last. */
  stored: Float64Array;
  /** Net rate (key rate − consumption), kbit/s, through each step. */
  net: Float64Array;
}

const trajectories = new Map<string, PoolTrajectory>();
const clampPool = (kbit: number) => Math.min(KEY_POOL_CAPACITY_KBIT, Math.max(0, kbit));

function poolTrajectory(seed: string, link: QkdLinkSeed, startMs: number): PoolTrajectory {
  return memo(trajectories, `${seed}|${link.id}|${startMs}`, () => {
    const stored = new Float64Array(POOL_STEPS + 1);
    const net = new Float64Array(POOL_STEPS);
    stored[0] = KEY_POOL_CAPACITY_KBIT;
    for (let k = 0; k < POOL_STEPS; k++) {
      const { rate, consumption } = linkRates(seed, link, startMs + k * POOL_STEP_MS);
      net[k] = rate - consumption;
      stored[k + 1] = clampPool(stored[k]! + (net[k]! * POOL_STEP_MS) / 1000);
    }
    return { stored, net };
  });
}

/** Key material in the link's pool at an instant, kbit. */
export function storedKeysAt(seed: string, link: QkdLinkSeed, timeMs: number): number {
  const start = Math.floor(timeMs / POOL_BLOCK_MS) * POOL_BLOCK_MS - POOL_BLOCK_MS;
  const { stored, net } = poolTrajectory(seed, link, start);
  const k = Math.floor((timeMs - start) / POOL_STEP_MS);
  const into = timeMs - start - k * POOL_STEP_MS;
  return clampPool(stored[k]! + (net[k]! * into) / 1000);
}

/** Links report every 10 s. */
const REPORT_MS = 10_000;

/** What a link reports at an instant: every figure from the same moment. */
function linkSample(seed: string, link: QkdLinkSeed, timeMs: number) {
  const { qber, rate, consumption } = linkRates(seed, link, timeMs);
  return { qber, rate, consumption, stored: Math.round(storedKeysAt(seed, link, timeMs)) };
}

export function qkdLinkAt(world: World, link: QkdLinkSeed, timeMs: number): QkdLink {
  const reported = Math.floor(timeMs / REPORT_MS) * REPORT_MS;
  const { qber, rate, consumption, stored } = linkSample(world.seed, link, reported);
  const state = qber >= QBER_SECURITY_LIMIT_PERCENT ? 'down' : qber >= QBER_ALARM_PERCENT ? 'degraded' : 'up';
  return {
    id: link.id,
    name: link.name,
    endpoints: [apiNode(link.from), apiNode(link.to)],
    state,
    qberPercent: qber,
    qberAlarmPercent: QBER_ALARM_PERCENT,
    secretKeyRateKbps: rate,
    storedKeysKbit: stored,
    consumptionKbps: consumption,
    lengthKm: link.lengthKm,
    dateLastValueReported: iso(reported),
  };
}

export const QKD_SERIES_STEP_MS = 5 * MINUTE;

/**
 * A link's history over the last `hours`: every 5 minutes, ending with its latest report, so the
 * last point is what the links list shows now.
 */
export function qkdLinkSeries(world: World, link: QkdLinkSeed, nowMs: number, hours: number): QkdLinkSeries {
  const to = Math.floor(nowMs / REPORT_MS) * REPORT_MS;
  const from = to - hours * HOUR;
  const times: number[] = [];
  for (let t = Math.ceil(from / QKD_SERIES_STEP_MS) * QKD_SERIES_STEP_MS; t < to; t += QKD_SERIES_STEP_MS)
    times.push(t);
  times.push(to);
  const samples = times.map((t) => linkSample(world.seed, link, t));
  return {
    linkId: link.id,
    from: iso(from),
    to: iso(to),
    stepSeconds: QKD_SERIES_STEP_MS / 1000,
    qberAlarmPercent: QBER_ALARM_PERCENT,
    qberSecurityLimitPercent: QBER_SECURITY_LIMIT_PERCENT,
    timestamps: times.map(iso),
    qberPercent: samples.map((s) => s.qber),
    secretKeyRateKbps: samples.map((s) => s.rate),
    storedKeysKbit: samples.map((s) => s.stored),
    consumptionKbps: samples.map((s) => s.consumption),
  };
}

/** When a disturbed spell took a link's QBER over its alarm threshold, and how far. */
interface QberExcursion {
  /** The first minute at or above the alarm threshold. */
  crossedAt: number;
  /** The first minute at or above the security limit, if it got there. */
  limitAt: number | null;
  limitQber: number | null;
  /** The end of the last minute above the alarm threshold. */
  clearsAt: number;
}

const excursions = new Map<string, QberExcursion | null>();

function qberExcursion(seed: string, link: QkdLinkSeed, spell: number): QberExcursion | null {
  const amplitude = spellAmplitude(seed, link.id, spell);
  if (amplitude + CALM_MAX_PERCENT < QBER_ALARM_PERCENT) return null;
  return memo(excursions, `${seed}|${link.id}|${spell}`, () => {
    let found: QberExcursion | null = null;
    for (let t = spell * SPELL_MS; t < (spell + 1) * SPELL_MS; t += MINUTE) {
      const qber = qberAt(seed, link.id, t);
      if (qber < QBER_ALARM_PERCENT) continue;
      found ??= { crossedAt: t, limitAt: null, limitQber: null, clearsAt: t };
      found.clearsAt = t + MINUTE;
      if (qber >= QBER_SECURITY_LIMIT_PERCENT && found.limitAt === null) {
        found.limitAt = t;
        found.limitQber = qber;
      }
    }
    return found;
  });
}

const QKD_SOURCE = 'QKD key manager';

/**
 * One alert for each spell in which a link's QBER crossed its alarm threshold within the window:
 * issued when it crossed, high, and escalated to critical (with a note in its trail) if the QBER
 * went on to reach the security limit, where no secret key can be distilled.
 */
export function qberAlerts(world: World, nowMs: number, windowMs = ALERTS_WINDOW_MS): Alert[] {
  const alerts: Alert[] = [];
  const first = Math.floor((nowMs - windowMs) / SPELL_MS);
  const last = Math.floor(nowMs / SPELL_MS);
  QKD_LINKS.forEach((link, index) => {
    for (let spell = first; spell <= last; spell++) {
      const excursion = qberExcursion(world.seed, link, spell);
      if (!excursion || excursion.crossedAt > nowMs || excursion.crossedAt <= nowMs - windowMs) continue;
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
          note: `QBER reached ${limitQber} %, at the ${QBER_SECURITY_LIMIT_PERCENT} % security limit: escalated to critical.`,
        });
        audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      }
      alerts.push({
        // Named by the spell and the link's place in the list, so the id does not say where it is.
        id: `alr-qber-${spell}-${index}`,
        category: 'qkd',
        subCategory: 'qber-above-threshold',
        severity: critical ? 'critical' : 'high',
        source: QKD_SOURCE,
        description: critical
          ? `QBER on ${link.name} rose above the ${QBER_ALARM_PERCENT} % alarm threshold and reached the ${QBER_SECURITY_LIMIT_PERCENT} % security limit: no secret key can be distilled`
          : `QBER on ${link.name} rose above the ${QBER_ALARM_PERCENT} % alarm threshold`,
        place: qkdLinkPlace(link),
        dateIssued: iso(crossedAt),
        status,
        assignee,
        audit,
      });
    }
  });
  return alerts;
}

/** A site alert's exact position coarsened to its municipality, for public demos. */
export function nearbyPoint(point: [number, number], r: number): [number, number] {
  return offsetKm(point, (r - 0.5) * 0.2, (r - 0.5) * 0.2);
}
