import type { Alert, AlertStatus, AuditEntry, QkdLink, Severity } from '../../src/api/schemas/security';
import type { World } from './build';
import { offsetKm } from './geo';
import { pick, rand, smoothNoise } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** Alerts may arrive in any 5-minute slot; the list covers the last two days. */
const SLOT_MS = 5 * MINUTE;
const WINDOW_MS = 48 * HOUR;
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
    subCategories: ['qber-above-threshold', 'key-pool-low', 'eavesdropping-suspected'],
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

function generatedAlert(world: World, slot: number, nowMs: number): Alert {
  const key = `${world.seed}:alert:${slot}`;
  const issued = slot * SLOT_MS + Math.floor(rand(key, 'offset') * SLOT_MS);
  const kind = pick(CATEGORIES, rand(key, 'category'));
  const severity = severityFor(rand(key, 'severity'));
  const subCategory = pick(kind.subCategories, rand(key, 'sub'));
  const assignee = pick(OPERATORS, rand(key, 'assignee'));
  const site = pick(world.sites, rand(key, 'site'));
  const place =
    kind.category === 'qkd'
      ? {
          kind: 'qkd-link' as const,
          refId: pick(QKD_LINKS, rand(key, 'link')).id,
          municipalityId: 'milano',
          position: null,
        }
      : {
          kind: 'site' as const,
          refId: site.id,
          municipalityId: site.municipalityId,
          position: site.location,
        };

  // The alert has moved through its stages as far as the time since it was issued allows.
  const pace = RESPONSE_MINUTES[severity];
  const spread = 0.5 + rand(key, 'pace');
  const stages: { status: AlertStatus; at: number; note: string | null }[] = [
    { status: 'acknowledged', at: issued + pace.ack * spread * MINUTE, note: null },
    { status: 'in_progress', at: issued + pace.work * spread * MINUTE, note: null },
    { status: 'resolved', at: issued + pace.resolve * spread * MINUTE, note: 'Mitigated and verified.' },
    { status: 'closed', at: issued + pace.close * spread * MINUTE, note: null },
  ];
  const audit: AuditEntry[] = [
    { at: iso(issued), actor: kind.source, action: 'created', from: null, to: 'open', note: null },
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
  return {
    id: `alr-${slot}`,
    category: kind.category,
    subCategory,
    severity,
    source: kind.source,
    description: `${subCategory.replace(/-/g, ' ')} reported by ${kind.source}`,
    place,
    dateIssued: iso(issued),
    status,
    assignee: assigned,
    audit,
  };
}

/** Every alert issued in the last two days, newest first, as the simulation has handled them. */
export function generatedAlerts(world: World, nowMs: number): Alert[] {
  const alerts: Alert[] = [];
  const last = Math.floor(nowMs / SLOT_MS);
  for (let slot = last; slot > last - WINDOW_MS / SLOT_MS; slot--) {
    if (rand(world.seed, 'alert-arrives', slot) >= ARRIVAL_PROBABILITY) continue;
    const alert = generatedAlert(world, slot, nowMs);
    if (Date.parse(alert.dateIssued) <= nowMs) alerts.push(alert);
  }
  return alerts;
}

interface QkdLinkSeed {
  id: string;
  name: string;
  from: { id: string; name: string; kind: 'data-centre' | 'site' | 'campus'; location: [number, number] };
  to: { id: string; name: string; kind: 'data-centre' | 'site' | 'campus'; location: [number, number] };
  lengthKm: number;
}

const NODES = {
  isimbardi: {
    id: 'node-isimbardi',
    name: 'Palazzo Isimbardi (Metropolitan City HQ)',
    kind: 'campus',
    location: [9.1977, 45.4655],
  },
  caldera: {
    id: 'node-caldera',
    name: 'Milano West data centre',
    kind: 'data-centre',
    location: [9.1047, 45.4818],
  },
  mind: { id: 'node-mind', name: 'MIND campus, Rho', kind: 'campus', location: [9.0927, 45.5192] },
  sesto: {
    id: 'node-sesto',
    name: 'Sesto San Giovanni data centre',
    kind: 'data-centre',
    location: [9.2333, 45.5333],
  },
  assago: { id: 'node-assago', name: 'Assago exchange', kind: 'site', location: [9.1276, 45.4066] },
  segrate: { id: 'node-segrate', name: 'Segrate exchange', kind: 'site', location: [9.2936, 45.4925] },
} as const satisfies Record<string, QkdLinkSeed['from']>;

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
  };
});

export const QBER_ALARM_PERCENT = 6;
export const QBER_SECURITY_LIMIT_PERCENT = 11;

/** QBER in %: a calm baseline, with occasional disturbed spells on one link at a time. */
export function qberAt(seed: string, linkId: string, timeMs: number): number {
  const calm = 2.2 + 0.6 * smoothNoise(timeMs, 20 * MINUTE, seed, linkId, 'qber');
  const spell = Math.floor(timeMs / (3 * HOUR));
  const disturbed = rand(seed, linkId, 'disturbed', spell) < 0.12;
  const bump = disturbed ? 5.5 * Math.sin(((timeMs % (3 * HOUR)) / (3 * HOUR)) * Math.PI) : 0;
  return Math.round((calm + bump) * 100) / 100;
}

export function qkdLinkAt(world: World, link: QkdLinkSeed, timeMs: number): QkdLink {
  const qber = qberAt(world.seed, link.id, timeMs);
  const state = qber >= QBER_SECURITY_LIMIT_PERCENT ? 'down' : qber >= QBER_ALARM_PERCENT ? 'degraded' : 'up';
  // Secret key rate falls with fibre loss (0.2 dB/km) and with QBER, reaching zero at the security limit.
  const usable = Math.max(0, 1 - qber / QBER_SECURITY_LIMIT_PERCENT) ** 2;
  const rate = 24 * 10 ** ((-0.2 * link.lengthKm) / 10) * usable;
  const consumption = 6 + 4 * (1 + smoothNoise(timeMs, HOUR, world.seed, link.id, 'use'));
  const stored = 4000 + 3500 * smoothNoise(timeMs, 6 * HOUR, world.seed, link.id, 'pool');
  return {
    id: link.id,
    name: link.name,
    endpoints: [link.from, link.to],
    state,
    qberPercent: qber,
    qberAlarmPercent: QBER_ALARM_PERCENT,
    secretKeyRateKbps: Math.round(rate * 100) / 100,
    storedKeysKbit: Math.round(Math.max(0, stored)),
    consumptionKbps: Math.round(consumption * 100) / 100,
    lengthKm: link.lengthKm,
    dateLastValueReported: iso(Math.floor(timeMs / 10_000) * 10_000),
  };
}

/** A site alert's exact position coarsened to its municipality, for public demos. */
export function nearbyPoint(point: [number, number], r: number): [number, number] {
  return offsetKm(point, (r - 0.5) * 0.2, (r - 0.5) * 0.2);
}
