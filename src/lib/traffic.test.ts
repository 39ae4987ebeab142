import type { Corridor } from '../api/schemas/territory';
import type { TrafficReading } from '../api/schemas/sensors';
import type { SensorRow } from './sensors';
import { congestionLevel, corridorStatuses } from './traffic';

const corridor: Corridor = {
  id: 'a4',
  name: 'A4',
  kind: 'motorway',
  freeFlowKmh: 120,
  path: [
    [9, 45],
    [9.1, 45.1],
  ],
};
const row = (id: string, speed: number, congested: boolean, stale = false): SensorRow<TrafficReading> => ({
  sensor: {
    id,
    name: id,
    kind: 'traffic',
    location: [9, 45],
    municipalityId: 'm',
    corridorId: 'a4',
    cadenceSeconds: 60,
  },
  reading: {
    kind: 'traffic',
    sensorId: id,
    dateObserved: '2026-11-25T08:00:00Z',
    intensity: 3000,
    averageVehicleSpeed: speed,
    occupancy: 0.3,
    congested,
  },
  stale,
});

describe('corridor status', () => {
  it('averages only the sensors still reporting', () => {
    const [status] = corridorStatuses(
      [corridor],
      [row('a', 60, false), row('b', 30, true), row('c', 120, false, true)],
    );
    expect(status).toMatchObject({
      sensors: 3,
      reporting: 2,
      meanSpeedKmh: 45,
      speedRatio: 0.375,
      congestedShare: 0.5,
    });
  });

  it('classes congestion by speed against free flow', () => {
    expect(congestionLevel(0.3)).toBe('congested');
    expect(congestionLevel(0.7)).toBe('busy');
    expect(congestionLevel(0.95)).toBe('free');
    expect(congestionLevel(null)).toBe('unknown');
  });
});
