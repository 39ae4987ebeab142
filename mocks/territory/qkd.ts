import type { QkdLink, QkdLinkSeries } from '../../src/api/schemas/security';
import type { World } from './build';
import { boundedCache } from './cache';
import { rand, smoothNoise } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** How many key pool trajectories, and as many QBER spells, are kept for reuse. */
const MAX_KEPT = 2048;

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

/** A node as the API describes it. */
const apiNode = ({ id, name, kind, location }: QkdNodeSeed) => ({ id, name, kind, location });

export const QBER_ALARM_PERCENT = 6;
export const QBER_SECURITY_LIMIT_PERCENT = 11;

/** QBER is calm except in disturbed spells, each a 3-hour rise and fall on one link. */
export const QBER_SPELL_MS = 3 * HOUR;
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
  const spell = Math.floor(timeMs / QBER_SPELL_MS);
  const amplitude = spellAmplitude(seed, linkId, spell);
  const bump = amplitude
    ? amplitude * Math.sin(((timeMs - spell * QBER_SPELL_MS) / QBER_SPELL_MS) * Math.PI)
    : 0;
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

const trajectories = boundedCache<PoolTrajectory>(MAX_KEPT);
const clampPool = (kbit: number) => Math.min(KEY_POOL_CAPACITY_KBIT, Math.max(0, kbit));

function poolTrajectory(seed: string, link: QkdLinkSeed, startMs: number): PoolTrajectory {
  return trajectories(`${seed}|${link.id}|${startMs}`, () => {
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
export interface QberExcursion {
  /** The first minute at or above the alarm threshold. */
  crossedAt: number;
  /** The first minute at or above the security limit, if it got there. */
  limitAt: number | null;
  limitQber: number | null;
  /** The end of the last minute above the alarm threshold. */
  clearsAt: number;
}

const excursions = boundedCache<QberExcursion | null>(MAX_KEPT);

export function qberExcursion(seed: string, link: QkdLinkSeed, spell: number): QberExcursion | null {
  const amplitude = spellAmplitude(seed, link.id, spell);
  if (amplitude + CALM_MAX_PERCENT < QBER_ALARM_PERCENT) return null;
  return excursions(`${seed}|${link.id}|${spell}`, () => {
    let found: QberExcursion | null = null;
    for (let t = spell * QBER_SPELL_MS; t < (spell + 1) * QBER_SPELL_MS; t += MINUTE) {
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
