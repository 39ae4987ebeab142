import type { Device, DeviceSeries, DeviceState, Facility } from '../api/schemas/health';
import type { Territory } from '../api/schemas/territory';

/** A device that can take an exam now: in use or ready for one. */
export const isAvailable = (state: DeviceState) => state === 'in-use' || state === 'idle';

/** Device states worst first, the order lists and markers judge them in. */
export const DEVICE_STATES_WORST_FIRST = ['fault', 'offline', 'maintenance', 'in-use', 'idle'] as const;
const stateRank = (state: DeviceState) => DEVICE_STATES_WORST_FIRST.indexOf(state);

/** The worst state among devices, or null for none. */
export const worstState = (devices: readonly Device[]): DeviceState | null =>
  devices.reduce<DeviceState | null>(
    (worst, d) => (worst === null || stateRank(d.deviceState) < stateRank(worst) ? d.deviceState : worst),
    null,
  );

/** Devices grouped by their facility's id. */
export function devicesByFacility(devices: readonly Device[]): Map<string, Device[]> {
  const by = new Map<string, Device[]>();
  for (const d of devices) {
    const list = by.get(d.facilityId);
    if (list) list.push(d);
    else by.set(d.facilityId, [d]);
  }
  return by;
}

/** Whether a device's name already says where it is, so its facility's name need not follow. */
export const namesItsFacility = (deviceName: string, facilityName: string) =>
  deviceName.includes(facilityName);

/** Of a device's data today, the share that crossed only QKD-protected links; null before any was sent. */
export const protectedShare = (d: Pick<Device, 'dataSentTodayMB' | 'dataQkdProtectedTodayMB'>) =>
  d.dataSentTodayMB > 0 ? d.dataQkdProtectedTodayMB / d.dataSentTodayMB : null;

/**
 * How a device's data travels now: every link QKD-protected, fallen back to classical encryption
 * (a QKD link of its path down or over its alarm), or partly classical by design (its site's
 * fibre beyond the QKD reach of its node).
 */
export type PathProtection = 'protected' | 'fallback' | 'partial';
export const pathProtection = (d: Pick<Device, 'path' | 'classicalFallback'>): PathProtection =>
  d.classicalFallback
    ? 'fallback'
    : d.path.every((hop) => hop.kind === 'site' || hop.qkdProtected)
      ? 'protected'
      : 'partial';

export interface FleetFigures {
  devices: number;
  byState: Record<DeviceState, number>;
  /** Devices in use or idle, and their share of all; null for no devices. */
  available: number;
  availableShare: number | null;
  examsToday: number;
  examsTypicalByNow: number;
  dataSentTodayMB: number;
  dataQkdProtectedTodayMB: number;
  /** Share of today's data that crossed only QKD-protected links; null before any was sent. */
  protectedShare: number | null;
  /** Devices whose transfers fall back to classical encryption now, and their facilities. */
  fallbackDevices: number;
  fallbackFacilityIds: string[];
}

/** The fleet's figures now: devices by state, today's exams against a usual day, and its data's protection. */
export function fleetFigures(devices: readonly Device[]): FleetFigures {
  const byState: Record<DeviceState, number> = { 'in-use': 0, idle: 0, maintenance: 0, fault: 0, offline: 0 };
  let examsToday = 0;
  let examsTypicalByNow = 0;
  let sent = 0;
  let safe = 0;
  const fallbackFacilities = new Set<string>();
  let fallbackDevices = 0;
  let available = 0;
  for (const d of devices) {
    byState[d.deviceState]++;
    if (isAvailable(d.deviceState)) available++;
    examsToday += d.examsToday;
    examsTypicalByNow += d.examsTypicalByNow;
    sent += d.dataSentTodayMB;
    safe += d.dataQkdProtectedTodayMB;
    if (d.classicalFallback) {
      fallbackDevices++;
      fallbackFacilities.add(d.facilityId);
    }
  }
  return {
    devices: devices.length,
    byState,
    available,
    availableShare: devices.length ? available / devices.length : null,
    examsToday,
    examsTypicalByNow,
    dataSentTodayMB: sent,
    dataQkdProtectedTodayMB: safe,
    protectedShare: protectedShare({ dataSentTodayMB: sent, dataQkdProtectedTodayMB: safe }),
    fallbackDevices,
    fallbackFacilityIds: [...fallbackFacilities],
  };
}

export interface DivideSide {
  residents: number;
  municipalities: number;
  facilities: number;
  devices: number;
  examsToday: number;
  /** Per 10,000 residents; null where nobody lives. */
  devicesPer10k: number | null;
  examsPer10k: number | null;
}

const per10k = (count: number, residents: number) => (residents > 0 ? (count * 10_000) / residents : null);

/**
 * The health divide: devices and today's exams per 10,000 residents in the peripheral
 * municipalities against the central ones, by the territory's own rule of what is peripheral.
 */
export function healthDivide(
  territory: Territory,
  facilities: readonly Facility[],
  devices: readonly Device[],
): { peripheral: DivideSide; central: DivideSide } {
  const peripheral = new Map(territory.municipalities.map((m) => [m.id, m.peripheral]));
  const side = (isPeripheral: boolean): DivideSide => {
    const here = (municipalityId: string) => peripheral.get(municipalityId) === isPeripheral;
    const municipalities = territory.municipalities.filter((m) => m.peripheral === isPeripheral);
    const residents = municipalities.reduce((sum, m) => sum + m.population, 0);
    const ds = devices.filter((d) => here(d.municipalityId));
    const examsToday = ds.reduce((sum, d) => sum + d.examsToday, 0);
    return {
      residents,
      municipalities: municipalities.length,
      facilities: facilities.filter((f) => here(f.municipalityId)).length,
      devices: ds.length,
      examsToday,
      devicesPer10k: per10k(ds.length, residents),
      examsPer10k: per10k(examsToday, residents),
    };
  };
  return { peripheral: side(true), central: side(false) };
}

export type AttentionReason = 'fault' | 'offline' | 'fallback' | 'maintenance';
export interface DeviceAttention {
  device: Device;
  reason: AttentionReason;
}
const REASON_RANK: Record<AttentionReason, number> = { fault: 0, offline: 1, fallback: 2, maintenance: 3 };

/**
 * Devices that need a person, worst first: in fault, offline, sending over classical encryption
 * because a QKD link of their path is down or over its alarm, then in maintenance; within a
 * reason, the one silent longest first.
 */
export function devicesNeedingAttention(devices: readonly Device[]): DeviceAttention[] {
  const list: DeviceAttention[] = [];
  for (const device of devices) {
    const state = device.deviceState;
    const reason: AttentionReason | null =
      state === 'fault' || state === 'offline'
        ? state
        : device.classicalFallback
          ? 'fallback'
          : state === 'maintenance'
            ? 'maintenance'
            : null;
    if (reason) list.push({ device, reason });
  }
  return list.sort(
    (a, b) =>
      REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
      Date.parse(a.device.dateLastValueReported) - Date.parse(b.device.dateLastValueReported) ||
      a.device.name.localeCompare(b.device.name),
  );
}

/** One hour of a device's history: what the chart plots and the CSV holds. */
export interface DeviceHour {
  t: number;
  exams: number;
  dataSentMB: number;
  /** Minutes of the hour its whole path was QKD-protected, and on classical fallback. */
  protectedMinutes: number;
  fallbackMinutes: number;
}

const HOUR_MS = 3_600_000;

/**
 * A device's 5-minute history summed into clock hours, each hour's minutes of protection counted
 * (the last step only up to the history's end).
 */
export function deviceHours(series: DeviceSeries): DeviceHour[] {
  const hours = new Map<number, DeviceHour>();
  const end = Date.parse(series.to);
  series.timestamps.forEach((stamp, i) => {
    const start = Date.parse(stamp);
    const stepMinutes = (Math.min(start + series.stepSeconds * 1000, end) - start) / 60_000;
    const t = Math.floor(start / HOUR_MS) * HOUR_MS;
    let hour = hours.get(t);
    if (!hour) {
      hour = { t, exams: 0, dataSentMB: 0, protectedMinutes: 0, fallbackMinutes: 0 };
      hours.set(t, hour);
    }
    hour.exams += series.exams[i] ?? 0;
    hour.dataSentMB += series.dataSentMB[i] ?? 0;
    if (series.qkdProtected[i]) hour.protectedMinutes += stepMinutes;
    if (series.classicalFallback[i]) hour.fallbackMinutes += stepMinutes;
  });
  return [...hours.values()].sort((a, b) => a.t - b.t);
}

/** The spans of a history its transfers were on classical fallback, as [start, end] instants. */
export function fallbackSpans(series: DeviceSeries): [number, number][] {
  const spans: [number, number][] = [];
  const step = series.stepSeconds * 1000;
  series.timestamps.forEach((stamp, i) => {
    if (!series.classicalFallback[i]) return;
    const start = Date.parse(stamp);
    const end = Math.min(start + step, Date.parse(series.to));
    const last = spans.at(-1);
    if (last && last[1] >= start) last[1] = end;
    else spans.push([start, end]);
  });
  return spans;
}
