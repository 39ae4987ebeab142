import type { Device } from '../api/schemas/health';
import type { Site } from '../api/schemas/network';
import type { Alert, QkdLink } from '../api/schemas/security';
import type { Reading, Sensor } from '../api/schemas/sensors';
import { attentionItems } from './attention';

const NOW = Date.parse('2026-03-11T09:30:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

const alert = (id: string, severity: Alert['severity'], status: Alert['status'], minutesAgo: number) =>
  ({
    id,
    severity,
    status,
    category: 'qkd',
    subCategory: 'x',
    source: `src-${id}`,
    dateIssued: at(minutesAgo),
  }) as Alert;
const site = (id: string, status: Site['status'], minutesAgo: number) =>
  ({ id, name: id, status, dateLastValueReported: at(minutesAgo) }) as Site;
const link = (id: string, state: QkdLink['state'], qber: number) =>
  ({ id, name: id, state, qberPercent: qber, qberAlarmPercent: 5, dateLastValueReported: at(1) }) as QkdLink;
const device = (
  id: string,
  deviceState: Device['deviceState'],
  minutesAgo: number,
  classicalFallback = false,
) =>
  ({
    id,
    name: `Device ${id}`,
    facilityId: `fac-${id}`,
    deviceState,
    classicalFallback,
    dateLastValueReported: at(minutesAgo),
  }) as Device;
const station = { id: 'air-1', name: 'Station 1', kind: 'air', cadenceSeconds: 3600 } as Sensor;
const airReading = (no2: number, so2: number, pm10: number, o3 = 50) =>
  ({ kind: 'air', no2, so2, pm10, pm25: 10, o3, dateObserved: at(10) }) as unknown as Reading;

describe('what needs attention', () => {
  it('lists active critical and high alerts, offline sites, hourly EU limits broken and QKD links in trouble, worst and oldest first', () => {
    const items = attentionItems(
      {
        alerts: [
          alert('a-high-old', 'high', 'acknowledged', 50),
          alert('a-crit', 'critical', 'open', 5),
          alert('a-high-new', 'high', 'open', 2),
          alert('a-resolved', 'critical', 'resolved', 1),
          alert('a-medium', 'medium', 'open', 1),
        ],
        sites: [site('s-off', 'offline', 30), site('s-degraded', 'degraded', 30), site('s-on', 'online', 1)],
        sensors: [station],
        // NO₂ over its hourly limit of 200; PM10 over 50 is a daily limit, not judged on an hour.
        readings: new Map([['air-1', airReading(210, 20, 80)]]),
        qkdLinks: [
          link('q-down', 'down', 1),
          link('q-qber', 'up', 6),
          link('q-ok', 'up', 2),
          link('q-deg', 'degraded', 2),
        ],
      },
      NOW,
    );
    // Worked out by hand: critical, then high and warning, each oldest first.
    expect(items.map((i) => i.key)).toEqual([
      'alert:a-crit', // critical, 5 min
      'alert:a-high-old', // high, 50 min
      'site:s-off', // high, 30 min
      'alert:a-high-new', // high, 2 min
      'qkd:q-down', // high (down), 1 min
      'station:air-1:no2', // warning, 10 min
      'qkd:q-qber', // warning, 1 min
      'qkd:q-deg', // warning, 1 min
    ]);
  });

  it('names ozone past its information threshold, and past the alert threshold only that one', () => {
    const over = (o3: number) =>
      attentionItems(
        { sensors: [station], readings: new Map([['air-1', airReading(20, 5, 30, o3)]]) },
        NOW,
      ).map((i) => (i.kind === 'station-over-limit' ? [i.level, i.limitKind, i.limit] : i.kind));
    expect(over(180)).toEqual([]); // on the threshold is not above it
    expect(over(181)).toEqual([['warning', 'information', 180]]);
    expect(over(250)).toEqual([['high', 'alert', 240]]);
  });

  it('says nothing of a station that stopped reporting, whatever its last value', () => {
    const stale = { ...airReading(400, 400, 400), dateObserved: at(5 * 60) } as Reading;
    expect(attentionItems({ sensors: [station], readings: new Map([['air-1', stale]]) }, NOW)).toEqual([]);
  });

  it('lists diagnostic devices in fault as warnings, and no device in any other state', () => {
    const items = attentionItems(
      {
        devices: [
          device('idle', 'idle', 1),
          device('busy', 'in-use', 1, true), // falling back to classical encryption: the Health view's concern
          device('service', 'maintenance', 90),
          device('gone', 'offline', 240),
          device('broken', 'fault', 20),
        ],
      },
      NOW,
    );
    expect(items).toEqual([
      {
        key: 'device:broken',
        kind: 'device-fault',
        level: 'warning',
        name: 'Device broken',
        facilityId: 'fac-broken',
        since: NOW - 20 * 60_000,
      },
    ]);
  });

  it('sorts devices in fault among the other warnings, oldest first, after anything graver', () => {
    const items = attentionItems(
      {
        sites: [site('s-off', 'offline', 5)],
        qkdLinks: [link('q-qber', 'up', 6)], // warning, 1 min
        devices: [device('new', 'fault', 0), device('old', 'fault', 45)],
      },
      NOW,
    );
    expect(items.map((i) => [i.key, i.level])).toEqual([
      ['site:s-off', 'high'],
      ['device:old', 'warning'], // 45 min
      ['qkd:q-qber', 'warning'], // 1 min
      ['device:new', 'warning'], // now
    ]);
  });
});
