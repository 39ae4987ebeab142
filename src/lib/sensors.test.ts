import type { Reading, Sensor } from '../api/schemas/sensors';
import { isSensorStale, readingsBySensor, sensorRows } from './sensors';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const sensor = (id: string, kind: Sensor['kind'], cadenceSeconds = 60): Sensor => ({
  id,
  name: id,
  kind,
  location: [9.19, 45.46],
  municipalityId: 'milano',
  corridorId: null,
  cadenceSeconds,
});
const noise = (sensorId: string, secondsAgo: number): Reading => ({
  kind: 'noise',
  sensorId,
  dateObserved: new Date(NOW - secondsAgo * 1000).toISOString(),
  laeq: 55,
});

describe('sensor staleness', () => {
  it('is stale after missing two cadences, or with no reading at all', () => {
    expect(isSensorStale({ cadenceSeconds: 60 }, noise('a', 119), NOW)).toBe(false);
    expect(isSensorStale({ cadenceSeconds: 60 }, noise('a', 121), NOW)).toBe(true);
    expect(isSensorStale({ cadenceSeconds: 60 }, undefined, NOW)).toBe(true);
  });

  it('joins sensors of one kind with their readings', () => {
    const rows = sensorRows(
      [sensor('n1', 'noise'), sensor('n2', 'noise'), sensor('a1', 'air')],
      readingsBySensor([noise('n1', 10)]),
      'noise',
      NOW,
    );
    expect(rows.map((r) => [r.sensor.id, r.reading?.laeq, r.stale])).toEqual([
      ['n1', 55, false],
      ['n2', undefined, true],
    ]);
  });
});
