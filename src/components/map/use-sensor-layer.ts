import { useMemo } from 'react';
import type { Sensor, SensorKind } from '../../api/schemas/sensors';
import type { Territory } from '../../api/schemas/territory';
import type { LiveReadings } from '../../lib/sensors';
import type { SensorLayerData } from './sensor-source-diff';

/** One kind of sensor as map data, with the sensors of that kind the last poll changed. */
export function useSensorLayer(
  kind: SensorKind,
  sensors: readonly Sensor[] | undefined,
  readings: LiveReadings | undefined,
  readingsAt: number,
  territory: Territory | undefined,
  /** Where the readings come from (live, or a past or predicted time): a change redraws every sensor. */
  lineage: string,
): SensorLayerData | null {
  const ofKind = useMemo(() => sensors?.filter((s) => s.kind === kind) ?? [], [sensors, kind]);
  const ofKindIds = useMemo(() => new Set(ofKind.map((s) => s.id)), [ofKind]);
  const freeFlow = useMemo(() => {
    const speeds = new Map(territory?.corridors.map((c) => [c.id, c.freeFlowKmh]));
    return (sensor: Sensor) => (sensor.corridorId ? speeds.get(sensor.corridorId) : undefined);
  }, [territory]);

  return useMemo(() => {
    if (!readings || ofKind.length === 0) return null;
    const changed = readings.full ? null : readings.changed.filter((id) => ofKindIds.has(id));
    return {
      sensors: ofKind,
      readings: readings.bySensor,
      now: readingsAt,
      freeFlow,
      changed,
      lineage,
    };
  }, [ofKind, ofKindIds, readings, readingsAt, freeFlow, lineage]);
}
