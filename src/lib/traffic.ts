import type { Corridor } from '../api/schemas/territory';
import type { MessageKey } from '../i18n/catalogue';
import { liveLabels } from './live-labels';
import type { TrafficReading } from '../api/schemas/sensors';
import type { SensorRow } from './sensors';

export interface CorridorStatus {
  corridor: Corridor;
  sensors: number;
  reporting: number;
  meanSpeedKmh: number | null;
  /** Mean speed against free flow, 0–1 (1 = free flowing). */
  speedRatio: number | null;
  congestedShare: number | null;
  meanOccupancy: number | null;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** Live state of each corridor from its traffic sensors that are still reporting. */
export function corridorStatuses(
  corridors: readonly Corridor[],
  rows: readonly SensorRow<TrafficReading>[],
): CorridorStatus[] {
  return corridors.map((corridor) => {
    const own = rows.filter((r) => r.sensor.corridorId === corridor.id);
    const live = own.flatMap((r) => (r.reading && !r.stale ? [r.reading] : []));
    const meanSpeedKmh = mean(live.map((r) => r.averageVehicleSpeed));
    return {
      corridor,
      sensors: own.length,
      reporting: live.length,
      meanSpeedKmh,
      speedRatio: meanSpeedKmh === null ? null : Math.min(1, meanSpeedKmh / corridor.freeFlowKmh),
      congestedShare: mean(live.map((r) => (r.congested ? 1 : 0))),
      meanOccupancy: mean(live.map((r) => r.occupancy)),
    };
  });
}

export type CongestionLevel = 'free' | 'busy' | 'congested' | 'unknown';
/** Level names, for `t(...)`; `CONGESTION_LABELS` gives them in the current language. */
export const CONGESTION_LABEL_KEYS: Record<CongestionLevel, MessageKey> = {
  free: 'traffic.free',
  busy: 'traffic.busy',
  congested: 'traffic.congested',
  unknown: 'traffic.unknown',
};
export const CONGESTION_LABELS = liveLabels(CONGESTION_LABEL_KEYS);

/** Congestion from speed against free flow: below half is congested, below 80 % busy. */
export function congestionLevel(speedRatio: number | null): CongestionLevel {
  if (speedRatio === null) return 'unknown';
  if (speedRatio < 0.5) return 'congested';
  if (speedRatio < 0.8) return 'busy';
  return 'free';
}
