import type {
  Device,
  DeviceCategory,
  DeviceSeries,
  DeviceState,
  Facility,
  FacilityKind,
  LinkHop,
  SiteHop,
} from '../../src/api/schemas/health';
import { pointInMunicipality, type SiteSeed, type World } from './build';
import { boundedCache } from './cache';
import { romeOffsetHours } from './clock';
import { distanceKm } from './geo';
import { QBER_ALARM_PERCENT, qberAt, qkdLinkAt, QKD_LINKS, type QkdLinkSeed } from './qkd';
import { sequence, rand } from './random';

/**
 * The health sector of the simulated territory: hospitals, community health houses (Case di
 * Comunità) and clinics, the compact diagnostic devices that work in them, and the way their data
 * travels to the metropolitan data centre. Devices, facilities and operations only: nothing here
 * describes a patient.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const round1 = (value: number) => Math.round(value * 10) / 10;

type QkdNode = QkdLinkSeed['from'];

/**
 * Real hospitals of the Metropolitan City of Milan, by name and municipality. The names are
 * real; where each stands inside its municipality, and everything about its devices, is placed
 * by the simulation.
 */
const HOSPITALS: readonly (readonly [name: string, municipalityId: string])[] = [
  ['Ospedale Niguarda', 'milano'],
  ['Ospedale San Paolo', 'milano'],
  ['Ospedale Luigi Sacco', 'milano'],
  ['Ospedale di Legnano', 'legnano'],
  ['Ospedale di Magenta', 'magenta'],
  ['Ospedale di Rho', 'rho'],
  ['Ospedale di Garbagnate Milanese', 'garbagnate-milanese'],
  ['Ospedale di Cuggiono', 'cuggiono'],
  ['Ospedale di Abbiategrasso', 'abbiategrasso'],
  ['Ospedale di Vizzolo Predabissi', 'vizzolo-predabissi'],
  ['Ospedale di Cernusco sul Naviglio', 'cernusco-sul-naviglio'],
  ['Ospedale di Melzo', 'melzo'],
  ['Ospedale di Sesto San Giovanni', 'sesto-san-giovanni'],
  ['Ospedale di Cinisello Balsamo', 'cinisello-balsamo'],
];
/** Community health houses in Milan; the others go to municipalities the simulation picks. */
const CITY_COMMUNITY_HOUSES = 3;
const OTHER_COMMUNITY_HOUSES = 13;
const CLINICS = 8;

/** Full-rate exams per hour, minutes an exam takes, and MB it sends, by kind of device. */
const CATEGORY: Record<DeviceCategory, { label: string; examsPerHour: number; minutes: number; mb: number }> =
  {
    // A disordered-fibre endoscope records video of the whole examination.
    endoscope: { label: 'Endoscope', examsPerHour: 1.5, minutes: 20, mb: 400 },
    'skin-probe': { label: 'Skin probe', examsPerHour: 3, minutes: 8, mb: 30 },
    'eye-probe': { label: 'Eye probe', examsPerHour: 2.5, minutes: 12, mb: 150 },
  };

/**
 * A site's fibre to its nearest QKD node is keyed by quantum keys only when the site lies within
 * this distance of the node: beyond it the fibre is classically encrypted, which is where the
 * periphery falls behind.
 */
const QKD_REACH_KM = 12;
/** Where every device's data goes. */
const DATA_CENTRE_NODE_ID = 'node-caldera';

/** A device as the simulation holds it: what does not change with the clock. */
export interface DeviceSeed {
  id: string;
  name: string;
  category: DeviceCategory;
  facility: Facility;
  /** Exams per hour at the full rate of its facility's busiest hours. */
  examsPerHour: number;
  site: SiteSeed;
  /** The QKD node the site's fibre reaches, and whether that fibre is QKD-keyed. */
  node: QkdNode;
  fibreProtected: boolean;
  /** The QKD links from that node to the data centre, each with the node it reaches. */
  links: { link: QkdLinkSeed; to: QkdNode }[];
}

interface HealthInventory {
  facilities: Facility[];
  devices: DeviceSeed[];
  devicesById: Map<string, DeviceSeed>;
}

/** The QKD nodes, each once, from the links' ends. */
function qkdNodes(): QkdNode[] {
  const nodes = new Map<string, QkdNode>();
  for (const link of QKD_LINKS) for (const node of [link.from, link.to]) nodes.set(node.id, node);
  return [...nodes.values()];
}

/** From each node, the shortest way (by fibre length) over the QKD links to the data centre. */
function routesToDataCentre(): Map<string, { link: QkdLinkSeed; to: QkdNode }[]> {
  const routes = new Map<string, { link: QkdLinkSeed; to: QkdNode }[]>();
  const distance = new Map<string, number>([[DATA_CENTRE_NODE_ID, 0]]);
  routes.set(DATA_CENTRE_NODE_ID, []);
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    for (const [id, km] of distance)
      if (!done.has(id) && (current === undefined || km < distance.get(current)!)) current = id;
    if (current === undefined) break;
    done.add(current);
    for (const link of QKD_LINKS) {
      const ends = [link.from, link.to];
      const here = ends.find((n) => n.id === current);
      const there = ends.find((n) => n.id !== current);
      if (!here || !there) continue;
      const km = distance.get(current)! + link.lengthKm;
      if (km < (distance.get(there.id) ?? Infinity)) {
        distance.set(there.id, km);
        routes.set(there.id, [{ link, to: here }, ...routes.get(current)!]);
      }
    }
  }
  return routes;
}

const NODES = qkdNodes();
const ROUTES = routesToDataCentre();

const nearest = <T>(
  items: readonly T[],
  point: readonly [number, number],
  at: (item: T) => [number, number],
) => items.reduce((best, item) => (distanceKm(at(item), point) < distanceKm(at(best), point) ? item : best));

/** Picks `count` distinct items at random, each with a chance in proportion to its weight. */
function pickWeighted<T>(
  items: readonly T[],
  weight: (item: T) => number,
  count: number,
  next: () => number,
) {
  const left = [...items];
  const picked: T[] = [];
  while (picked.length < count && left.length) {
    const total = left.reduce((sum, item) => sum + weight(item), 0);
    let r = next() * total;
    let index = 0;
    while (index < left.length - 1 && r >= weight(left[index]!)) r -= weight(left[index++]!);
    picked.push(...left.splice(index, 1));
  }
  return picked;
}

function buildInventory(world: World): HealthInventory {
  const next = sequence(`${world.seed}:health`);
  const municipalities = world.territory.municipalities;
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const places: { name: string; kind: FacilityKind; municipalityId: string }[] = [
    ...HOSPITALS.map(([name, municipalityId]) => ({ name, kind: 'hospital' as const, municipalityId })),
    ...Array.from({ length: CITY_COMMUNITY_HOUSES }, (_, i) => ({
      name: `Casa di Comunità Milano ${i + 1}`,
      kind: 'community-house' as const,
      municipalityId: 'milano',
    })),
  ];
  // Community houses and clinics where the simulation puts them, favouring the periphery.
  const hinterland = municipalities.filter((m) => m.id !== 'milano');
  const weight = (m: (typeof municipalities)[number]) => Math.sqrt(m.population) * (m.peripheral ? 2 : 1);
  for (const m of pickWeighted(hinterland, weight, OTHER_COMMUNITY_HOUSES, next))
    places.push({ name: `Casa di Comunità ${m.name}`, kind: 'community-house', municipalityId: m.id });
  for (const m of pickWeighted(hinterland, weight, CLINICS, next))
    places.push({ name: `Poliambulatorio ${m.name}`, kind: 'clinic', municipalityId: m.id });

  const facilities = places.map((place, i): Facility => {
    const municipality = byId.get(place.municipalityId);
    if (!municipality) throw new Error(`No municipality ${place.municipalityId}`);
    return {
      id: `fac-${String(i + 1).padStart(2, '0')}`,
      name: place.name,
      kind: place.kind,
      municipalityId: place.municipalityId,
      location: pointInMunicipality(place.municipalityId, Math.sqrt(municipality.areaKm2) / 2.5, next),
    };
  });

  const devices: DeviceSeed[] = [];
  for (const facility of facilities) {
    const categories: DeviceCategory[] =
      facility.kind === 'hospital'
        ? (['endoscope', 'eye-probe', 'endoscope', 'skin-probe'] as const).slice(
            0,
            facility.municipalityId === 'milano' ? 4 : next() < 0.5 ? 2 : 3,
          )
        : facility.kind === 'community-house'
          ? [next() < 0.5 ? 'skin-probe' : 'eye-probe']
          : [next() < 0.5 ? 'endoscope' : 'eye-probe', ...(next() < 0.5 ? ['skin-probe' as const] : [])];
    const site = nearest(world.sites, facility.location, (s) => s.location);
    const node = nearest(NODES, site.location, (n) => n.location);
    const seen = new Map<DeviceCategory, number>();
    for (const category of categories) {
      const n = (seen.get(category) ?? 0) + 1;
      seen.set(category, n);
      devices.push({
        id: `hd-${String(devices.length + 1).padStart(3, '0')}`,
        name: `${CATEGORY[category].label} ${n} · ${facility.name}`,
        category,
        facility,
        examsPerHour: CATEGORY[category].examsPerHour * (0.55 + 0.35 * next()),
        site,
        node,
        fibreProtected: distanceKm(site.location, node.location) <= QKD_REACH_KM,
        links: ROUTES.get(node.id) ?? [],
      });
    }
  }
  return { facilities, devices, devicesById: new Map(devices.map((d) => [d.id, d])) };
}

// The inventory draws only on the seed and the sites, which follow from it.
const inventories = boundedCache<HealthInventory>(16);

/** The facilities and devices of a world's territory (built once per seed). */
const healthInventory = (world: World) => inventories(world.seed, () => buildInventory(world));

/** The devices whose data crosses a QKD link. */
export const devicesOnLink = (world: World, linkId: string) =>
  healthInventory(world).devices.filter((d) => d.links.some((l) => l.link.id === linkId));

export const healthFacilities = (world: World): Facility[] => healthInventory(world).facilities;

// ---------------------------------------------------------------------------------------------
// Usage through the day

/**
 * Exams relative to a facility's full rate, by local weekday (0 Sunday … 6 Saturday) and hour:
 * community houses and clinics work 08:00–18:00 on weekdays and 08:00–13:00 at half rate on
 * Saturdays, and are shut on Sundays; hospitals work 07:00–20:00 on weekdays, 08:00–14:00 at 60 %
 * on Saturdays and 08:00–20:00 at 5 % on Sundays, with a few urgent exams (2 %) at any other hour.
 */
function usageRate(kind: FacilityKind, weekday: number, hour: number): number {
  const within = (from: number, to: number) => hour >= from && hour < to;
  if (kind !== 'hospital') {
    if (weekday === 0) return 0;
    if (weekday === 6) return within(8, 13) ? 0.5 : 0;
    return within(8, 18) ? 1 : 0;
  }
  const night = 0.02;
  if (weekday === 0) return within(8, 20) ? 0.05 : night;
  if (weekday === 6) return within(8, 14) ? 0.6 : night;
  return within(7, 20) ? 1 : night;
}

/** Devices report their counters every minute. */
const REPORT_MS = MINUTE;
/** Paths are judged, and histories told, in 5-minute steps. */
const HEALTH_STEP_MS = 5 * MINUTE;
/** Faults, maintenance and outages come and go in 4-hour spells. */
const CONDITION_SPELL_MS = 4 * HOUR;

/** The start of the local (Europe/Rome) day that `timeMs` falls in, as a UTC instant. */
function localDayStart(timeMs: number): number {
  const offset = romeOffsetHours(timeMs) * HOUR;
  const midnight = Math.floor((timeMs + offset) / DAY) * DAY;
  const start = midnight - offset;
  // On the days the clocks change, midnight had the other offset.
  const atStart = romeOffsetHours(start) * HOUR;
  return atStart === offset ? start : midnight - atStart;
}

/** The local hour of an instant, 0–23. */
const localHour = (timeMs: number) =>
  Math.floor(((((timeMs + romeOffsetHours(timeMs) * HOUR) % DAY) + DAY) % DAY) / HOUR);

/** The local day of the week of a local day's start: 0 Sunday … 6 Saturday. */
const weekdayOf = (dayStart: number) => new Date(dayStart + romeOffsetHours(dayStart) * HOUR).getUTCDay();
/** The start of the local day after the one starting at `dayStart` (23, 24 or 25 hours on). */
const nextDayStart = (dayStart: number) => localDayStart(dayStart + 26 * HOUR);

/** What keeps a device from working in a spell, if anything: rarely offline, a few in fault or maintenance. */
function conditionAt(seed: string, deviceId: string, timeMs: number): DeviceState | null {
  const r = rand(seed, deviceId, 'condition', Math.floor(timeMs / CONDITION_SPELL_MS));
  if (r < 0.012) return 'offline';
  if (r < 0.05) return 'fault';
  if (r < 0.09) return 'maintenance';
  return null;
}

/** A Poisson count for mean `lambda`, by inversion of a uniform `u`. */
function poisson(lambda: number, u: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let cdf = p;
  while (u > cdf && k < 100) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** QKD link states by 6-hour block, each 5-minute step once: up when its QBER is below the alarm. */
const LINK_BLOCK_MS = 6 * HOUR;
const linkBlocks = boundedCache<Uint8Array>(4096);

/** Whether a QKD link is up (reporting a QBER below its alarm threshold) at the start of a step. */
function linkUpAtStep(seed: string, link: QkdLinkSeed, stepStart: number): boolean {
  const block = Math.floor(stepStart / LINK_BLOCK_MS);
  const states = linkBlocks(`${seed}|${link.id}|${block}`, () => {
    const steps = new Uint8Array(LINK_BLOCK_MS / HEALTH_STEP_MS);
    for (let i = 0; i < steps.length; i++)
      steps[i] =
        qberAt(seed, link.id, block * LINK_BLOCK_MS + i * HEALTH_STEP_MS) < QBER_ALARM_PERCENT ? 1 : 0;
    return steps;
  });
  return states[Math.floor((stepStart - block * LINK_BLOCK_MS) / HEALTH_STEP_MS)] === 1;
}

/** At the start of a step: whether the whole path was QKD-protected, and whether a QKD link on it had failed. */
function pathAtStep(seed: string, device: DeviceSeed, stepStart: number) {
  const fallback = device.links.some(({ link }) => !linkUpAtStep(seed, link, stepStart));
  return { protected: device.fibreProtected && !fallback, fallback };
}

interface Exam {
  /** When it ended and its data was sent. */
  at: number;
  mb: number;
  /** Whether its data crossed a wholly QKD-protected path. */
  protected: boolean;
}

/** One device's local day: its exams, and the exams a usual day of that weekday has had by each hour. */
interface DayPlan {
  start: number;
  end: number;
  exams: Exam[];
  /** Expected exams from the day's start to the start of each hour, and to its end at the last index. */
  typical: Float64Array;
}

const dayPlans = boundedCache<DayPlan>(8192);

/**
 * A device's exams through one local day: in each hour a Poisson number of them at the rate of
 * its facility's hours, each ending at a random moment of the hour unless the device is down
 * then, each sending its MB over the path as it stood at the start of that 5-minute step.
 */
function dayPlan(seed: string, device: DeviceSeed, start: number): DayPlan {
  return dayPlans(`${seed}|${device.id}|${start}`, () => {
    const end = nextDayStart(start);
    const weekday = weekdayOf(start);
    const hours = Math.round((end - start) / HOUR);
    const typical = new Float64Array(hours + 1);
    const exams: Exam[] = [];
    const { mb } = CATEGORY[device.category];
    for (let h = 0; h < hours; h++) {
      const t = start + h * HOUR;
      // Local hours begin on the hour (the offset is whole hours), also on the days the clocks change.
      const lambda = device.examsPerHour * usageRate(device.facility.kind, weekday, localHour(t));
      typical[h + 1] = typical[h]! + lambda;
      if (lambda === 0) continue;
      const slot = t / HOUR;
      const count = poisson(lambda, rand(seed, device.id, 'exams', slot));
      const ends: Exam[] = [];
      for (let j = 0; j < count; j++) {
        const at = t + Math.floor(rand(seed, device.id, 'exam-at', slot, j) * HOUR);
        if (conditionAt(seed, device.id, at) !== null) continue;
        ends.push({
          at,
          mb: round1(mb * (0.7 + 0.6 * rand(seed, device.id, 'exam-mb', slot, j))),
          protected: pathAtStep(seed, device, Math.floor(at / HEALTH_STEP_MS) * HEALTH_STEP_MS).protected,
        });
      }
      exams.push(...ends.sort((a, b) => a.at - b.at));
    }
    return { start, end, exams, typical };
  });
}

/** Expected exams of a usual day of this weekday from its start to `timeMs`. */
function typicalBy(plan: DayPlan, timeMs: number): number {
  const last = plan.typical.length - 1;
  const into = Math.min(last, Math.max(0, (timeMs - plan.start) / HOUR));
  const h = Math.min(Math.floor(into), last - 1);
  return plan.typical[h]! + (plan.typical[h + 1]! - plan.typical[h]!) * (into - h);
}

/** Whether an exam is under way at `timeMs`: one ending within its duration after it. */
function inUseAt(seed: string, device: DeviceSeed, plan: DayPlan, timeMs: number): boolean {
  const duration = CATEGORY[device.category].minutes * MINUTE;
  const busy = (p: DayPlan) => p.exams.some((e) => e.at - duration <= timeMs && timeMs < e.at);
  return busy(plan) || (plan.end - timeMs < duration && busy(dayPlan(seed, device, plan.end)));
}

/** When a device last reported: every minute, or at the start of its spell when it is offline. */
const reportedAt = (condition: DeviceState | null, timeMs: number) =>
  condition === 'offline'
    ? Math.floor(timeMs / CONDITION_SPELL_MS) * CONDITION_SPELL_MS
    : Math.floor(timeMs / REPORT_MS) * REPORT_MS;

/** A device's path with each hop's protection, given which QKD links are up now. */
function pathNow(device: DeviceSeed, up: ReadonlyMap<string, boolean>): Device['path'] {
  const site: SiteHop = {
    kind: 'site',
    refId: device.site.id,
    name: device.site.name,
    to: device.site.location,
  };
  const fibre: LinkHop = {
    kind: 'fibre',
    refId: null,
    name: `Fibre to ${device.node.name}`,
    to: device.node.location,
    qkdProtected: device.fibreProtected,
  };
  const links = device.links.map(({ link, to }): LinkHop => ({
    kind: 'qkd-link',
    refId: link.id,
    name: link.name,
    to: to.location,
    qkdProtected: up.get(link.id) === true,
  }));
  return [site, fibre, ...links];
}

function deviceAt(world: World, device: DeviceSeed, nowMs: number, up: ReadonlyMap<string, boolean>): Device {
  const condition = conditionAt(world.seed, device.id, nowMs);
  const reported = reportedAt(condition, nowMs);
  const plan = dayPlan(world.seed, device, localDayStart(nowMs));
  let examsToday = 0;
  let sent = 0;
  let safe = 0;
  for (const exam of plan.exams) {
    if (exam.at > reported) break;
    examsToday++;
    sent += exam.mb;
    if (exam.protected) safe += exam.mb;
  }
  const path = pathNow(device, up);
  return {
    id: device.id,
    name: device.name,
    category: device.category,
    facilityId: device.facility.id,
    municipalityId: device.facility.municipalityId,
    location: device.facility.location,
    deviceState: condition ?? (inUseAt(world.seed, device, plan, nowMs) ? 'in-use' : 'idle'),
    examsToday,
    examsTypicalByNow: round1(typicalBy(plan, nowMs)),
    dataSentTodayMB: round1(sent),
    dataQkdProtectedTodayMB: round1(safe),
    path,
    classicalFallback: path.some((hop) => hop.kind === 'qkd-link' && !hop.qkdProtected),
    dateLastValueReported: iso(reported),
  };
}

/** Every device now: its state, today's exams and data, and its path as the QKD links stand. */
export function healthDevices(world: World, nowMs: number): Device[] {
  const up = new Map(QKD_LINKS.map((link) => [link.id, qkdLinkAt(world, link, nowMs).state === 'up']));
  return healthInventory(world).devices.map((device) => deviceAt(world, device, nowMs, up));
}

/**
 * A device's history over the last `hours`, in 5-minute steps from a whole step up to its latest
 * report: exams and MB sent in each step, and its path at each step's start. Undefined when there
 * is no such device.
 */
export function deviceSeries(
  world: World,
  deviceId: string,
  nowMs: number,
  hours: number,
): DeviceSeries | undefined {
  const device = healthInventory(world).devicesById.get(deviceId);
  if (!device) return undefined;
  const to = reportedAt(conditionAt(world.seed, device.id, nowMs), nowMs);
  const from = Math.floor((to - hours * HOUR) / HEALTH_STEP_MS) * HEALTH_STEP_MS;
  const steps = Math.max(1, Math.ceil((to - from) / HEALTH_STEP_MS));
  const exams = new Array<number>(steps).fill(0);
  const sent = new Array<number>(steps).fill(0);
  for (let day = localDayStart(from); day < to; day = nextDayStart(day)) {
    for (const exam of dayPlan(world.seed, device, day).exams) {
      if (exam.at < from || exam.at > to) continue;
      const i = Math.min(steps - 1, Math.floor((exam.at - from) / HEALTH_STEP_MS));
      exams[i]!++;
      sent[i]! += exam.mb;
    }
  }
  const timestamps = Array.from({ length: steps }, (_, i) => from + i * HEALTH_STEP_MS);
  const paths = timestamps.map((t) => pathAtStep(world.seed, device, t));
  return {
    deviceId: device.id,
    from: iso(from),
    to: iso(to),
    stepSeconds: HEALTH_STEP_MS / 1000,
    timestamps: timestamps.map(iso),
    exams,
    dataSentMB: sent.map(round1),
    qkdProtected: paths.map((p) => p.protected),
    classicalFallback: paths.map((p) => p.fallback),
  };
}

// ---------------------------------------------------------------------------------------------
// Activity over a span, for the indicators

/** What all the devices did over a span of time. */
export interface HealthActivity {
  /** Device-time in the span, and the part of it the devices were available (in use or idle), in ms. */
  deviceMs: number;
  availableMs: number;
  /** Exams that ended in the span, and those of them at facilities in peripheral municipalities. */
  exams: number;
  peripheralExams: number;
  /** MB the exams sent, and the part of it that crossed a wholly QKD-protected path. */
  dataMB: number;
  qkdProtectedMB: number;
}

/**
 * Which device-hours a sample takes: the clock hours `hourStride` apart, counted from the epoch
 * so that a sliding span keeps its samples, and in the k-th of them the devices `deviceStride`
 * apart, starting at the (k mod `deviceStride`)-th. Strides of 1 take every device-hour.
 */
export interface ActivitySampling {
  hourStride: number;
  deviceStride: number;
}

const EVERY_DEVICE_HOUR: ActivitySampling = { hourStride: 1, deviceStride: 1 };

const noActivity = (): HealthActivity => ({
  deviceMs: 0,
  availableMs: 0,
  exams: 0,
  peripheralExams: 0,
  dataMB: 0,
  qkdProtectedMB: 0,
});

/**
 * Whether data sent in a step crossed a wholly QKD-protected path: `pathAtStep`'s judgement, read
 * from each link's QBER at the step's start without keeping its 6-hour block, since hours sampled
 * far apart would each fill a block for a handful of exams.
 */
const protectedAtStep = (seed: string, device: DeviceSeed, stepStart: number) =>
  device.fibreProtected &&
  device.links.every(({ link }) => qberAt(seed, link.id, stepStart) < QBER_ALARM_PERCENT);

const peripheralSets = boundedCache<ReadonlySet<string>>(16);
const peripheralIds = (world: World) =>
  peripheralSets(
    world.seed,
    () => new Set(world.territory.municipalities.filter((m) => m.peripheral).map((m) => m.id)),
  );

/**
 * The sampled devices' activity in [from, to), a part of the clock hour starting at `hourStart`,
 * drawn as `dayPlan` draws that hour. A clock hour lies within one condition spell, so a device
 * down at its start is down all through it, and none of its exams of that hour is done.
 */
function activityInHour(
  world: World,
  hourStart: number,
  from: number,
  to: number,
  firstDevice: number,
  deviceStride: number,
): HealthActivity {
  const { seed } = world;
  const peripheral = peripheralIds(world);
  const weekday = weekdayOf(localDayStart(hourStart));
  const hour = localHour(hourStart);
  const slot = hourStart / HOUR;
  const devices = healthInventory(world).devices;
  const activity = noActivity();
  for (let i = firstDevice; i < devices.length; i += deviceStride) {
    const device = devices[i]!;
    activity.deviceMs += to - from;
    if (conditionAt(seed, device.id, hourStart) !== null) continue;
    activity.availableMs += to - from;
    const lambda = device.examsPerHour * usageRate(device.facility.kind, weekday, hour);
    if (lambda === 0) continue;
    const count = poisson(lambda, rand(seed, device.id, 'exams', slot));
    for (let j = 0; j < count; j++) {
      const at = hourStart + Math.floor(rand(seed, device.id, 'exam-at', slot, j) * HOUR);
      if (at < from || at >= to) continue;
      const mb = round1(
        CATEGORY[device.category].mb * (0.7 + 0.6 * rand(seed, device.id, 'exam-mb', slot, j)),
      );
      activity.exams++;
      if (peripheral.has(device.facility.municipalityId)) activity.peripheralExams++;
      activity.dataMB += mb;
      if (protectedAtStep(seed, device, Math.floor(at / HEALTH_STEP_MS) * HEALTH_STEP_MS))
        activity.qkdProtectedMB += mb;
    }
  }
  return activity;
}

const hourActivities = boundedCache<HealthActivity>(8192);

/**
 * What all the devices did in [from, to): the exams, data and conditions the devices and their
 * series show, counted hour by hour over the device-hours `sampling` takes (every one unless
 * told), and scaled from the device-time sampled to the span's. Whole hours are kept for reuse.
 */
export function healthActivity(
  world: World,
  from: number,
  to: number,
  { hourStride, deviceStride }: ActivitySampling = EVERY_DEVICE_HOUR,
): HealthActivity {
  const sampled = noActivity();
  const first = Math.ceil(Math.floor(from / HOUR) / hourStride) * hourStride;
  for (let slot = first; slot * HOUR < to; slot += hourStride) {
    const hourStart = slot * HOUR;
    const start = Math.max(from, hourStart);
    const end = Math.min(to, hourStart + HOUR);
    const firstDevice = (slot / hourStride) % deviceStride;
    const part =
      start === hourStart && end === hourStart + HOUR
        ? hourActivities(`${world.seed}|${hourStart}|${firstDevice}|${deviceStride}`, () =>
            activityInHour(world, hourStart, start, end, firstDevice, deviceStride),
          )
        : activityInHour(world, hourStart, start, end, firstDevice, deviceStride);
    for (const key of Object.keys(sampled) as (keyof HealthActivity)[]) sampled[key] += part[key];
  }
  const deviceMs = healthInventory(world).devices.length * Math.max(0, to - from);
  const scale = sampled.deviceMs > 0 ? deviceMs / sampled.deviceMs : 0;
  return {
    deviceMs,
    availableMs: sampled.availableMs * scale,
    exams: sampled.exams * scale,
    peripheralExams: sampled.peripheralExams * scale,
    dataMB: sampled.dataMB * scale,
    qkdProtectedMB: sampled.qkdProtectedMB * scale,
  };
}
