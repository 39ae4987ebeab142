import type { Reading, Sensor } from '../api/schemas/sensors';
import { isSensorStale, mergeReadings, sensorRows } from './sensors';

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
      mergeReadings(undefined, { generatedAt: '', items: [noise('n1', 10)] }).bySensor,
      'noise',
      NOW,
    );
    expect(rows.map((r) => [r.sensor.id, r.reading?.laeq, r.stale])).toEqual([
      ['n1', 55, false],
      ['n2', undefined, true],
    ]);
  });
});

describe('mergeReadings', () => {
  const first = mergeReadings(undefined, { generatedAt: 't0', items: [noise('a', 60), noise('b', 60)] });

  it('takes the first answer as the whole picture', () => {
    expect(first.full).toBe(true);
    expect(first.changed).toEqual(['a', 'b']);
    expect(first.bySensor.size).toBe(2);
  });

  it('folds a delta in, changing only the sensors it carries', () => {
    const next = mergeReadings(first, { generatedAt: 't1', items: [noise('b', 5), noise('c', 5)] });
    expect(next.full).toBe(false);
    expect(next.changed).toEqual(['b', 'c']);
    expect(next.bySensor.get('a')).toBe(first.bySensor.get('a'));
    expect(next.bySensor.get('b')?.dateObserved).toBe(new Date(NOW - 5000).toISOString());
    expect(next.generatedAt).toBe('t1');
    expect(first.bySensor.size).toBe(2);
  });

  it('never replaces a reading with an older one', () => {
    const next = mergeReadings(first, { generatedAt: 't1', items: [noise('a', 600)] });
    expect(next.changed).toEqual([]);
    expect(next.bySensor.get('a')).toBe(first.bySensor.get('a'));
  });
});
