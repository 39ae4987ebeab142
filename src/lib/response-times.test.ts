import type { Alert, AlertStatus, AuditEntry, Severity } from '../api/schemas/security';
import {
  periodWindows,
  responseFigures,
  responseTimes,
  timeToAcknowledgeMs,
  timeToResolveMs,
} from './response-times';

const NOW = Date.parse('2026-03-11T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();

let counter = 0;
/**
 * An alert issued at `issued` whose status went through `steps` (minutes after issue, new status),
 * with an assignment and a note mixed in, as real trails have.
 */
function alert(severity: Severity, issued: number, steps: [minutes: number, to: AlertStatus][] = []): Alert {
  const audit: AuditEntry[] = [
    { at: iso(issued), actor: 'IDS', action: 'created', from: null, to: 'open', note: null },
    { at: iso(issued + 30_000), actor: 'M. Rossi', action: 'note', from: null, to: null, note: 'seen' },
  ];
  let status: AlertStatus = 'open';
  for (const [minutes, to] of steps) {
    audit.push({
      at: iso(issued + minutes * MIN),
      actor: 'M. Rossi',
      action: 'status',
      from: status,
      to,
      note: null,
    });
    status = to;
  }
  return {
    id: `a${counter++}`,
    category: 'intrusion',
    subCategory: 'port-scan',
    severity,
    source: 'IDS',
    description: '',
    place: null,
    dateIssued: iso(issued),
    status,
    assignee: null,
    audit,
  };
}

describe('time to acknowledge and to resolve', () => {
  it('counts to the first acknowledgement or start of work', () => {
    expect(
      timeToAcknowledgeMs(
        alert('high', NOW, [
          [7, 'acknowledged'],
          [20, 'in_progress'],
        ]),
      ),
    ).toBe(7 * MIN);
    // Work started without a separate acknowledgement.
    expect(timeToAcknowledgeMs(alert('high', NOW, [[12, 'in_progress']]))).toBe(12 * MIN);
    // A note or an assignment is not an acknowledgement.
    expect(timeToAcknowledgeMs(alert('high', NOW))).toBeNull();
    // Resolved straight from open: never acknowledged.
    expect(timeToAcknowledgeMs(alert('high', NOW, [[30, 'resolved']]))).toBeNull();
  });

  it('counts to the last resolution of an alert resolved or closed now, and not for open ones', () => {
    expect(
      timeToResolveMs(
        alert('low', NOW, [
          [5, 'acknowledged'],
          [90, 'resolved'],
          [200, 'closed'],
        ]),
      ),
    ).toBe(90 * MIN);
    // Reopened and resolved again: the second resolution counts.
    expect(
      timeToResolveMs(
        alert('low', NOW, [
          [10, 'resolved'],
          [30, 'open'],
          [100, 'resolved'],
        ]),
      ),
    ).toBe(100 * MIN);
    // Reopened and still open: not resolved.
    expect(
      timeToResolveMs(
        alert('low', NOW, [
          [10, 'resolved'],
          [30, 'open'],
        ]),
      ),
    ).toBeNull();
    expect(timeToResolveMs(alert('low', NOW, [[10, 'acknowledged']]))).toBeNull();
  });
});

describe('responseFigures', () => {
  it('averages over the alerts each figure applies to, and says how many', () => {
    const alerts = [
      // MTTA 4 min, MTTR 60 min.
      alert('critical', NOW, [
        [4, 'acknowledged'],
        [60, 'resolved'],
      ]),
      // MTTA 10 min, still in progress: no MTTR.
      alert('critical', NOW, [
        [10, 'acknowledged'],
        [15, 'in_progress'],
      ]),
      // Never acknowledged, resolved after 2 h: MTTR only.
      alert('critical', NOW, [[120, 'resolved']]),
      // Open: neither.
      alert('critical', NOW),
    ];
    expect(responseFigures(alerts)).toEqual({
      alerts: 4,
      acknowledged: 2,
      resolved: 2,
      // (4 + 10) / 2 = 7 min; (60 + 120) / 2 = 90 min.
      mttaSeconds: 7 * 60,
      mttrSeconds: 90 * 60,
    });
  });

  it('has no means when nothing was acknowledged or resolved', () => {
    expect(responseFigures([])).toEqual({
      alerts: 0,
      acknowledged: 0,
      resolved: 0,
      mttaSeconds: null,
      mttrSeconds: null,
    });
    expect(responseFigures([alert('low', NOW)])).toMatchObject({
      alerts: 1,
      mttaSeconds: null,
      mttrSeconds: null,
    });
  });

  it('rounds the means to whole seconds', () => {
    const alerts = [alert('low', NOW, [[1, 'acknowledged']]), alert('low', NOW, [[2, 'acknowledged']])];
    // (60 + 120) / 2 = 90 s.
    expect(responseFigures(alerts).mttaSeconds).toBe(90);
    // 0.01 min = 0.6 s rounds to 1 s.
    expect(responseFigures([alert('low', NOW, [[0.01, 'acknowledged']])]).mttaSeconds).toBe(1);
  });
});

describe('responseTimes', () => {
  it('puts each alert in the period it was issued in, the current one beside the previous', () => {
    const alerts = [
      // Current day: issued 2 h and 23 h ago.
      alert('high', NOW - 2 * HOUR, [
        [10, 'acknowledged'],
        [70, 'resolved'],
      ]),
      alert('high', NOW - 23 * HOUR, [
        [20, 'acknowledged'],
        [130, 'resolved'],
      ]),
      alert('medium', NOW - 5 * HOUR, [[30, 'acknowledged']]),
      // Exactly 24 h ago: the start of the current day is in it.
      alert('critical', NOW - 24 * HOUR, [[3, 'in_progress']]),
      // Previous day: 25 h ago.
      alert('high', NOW - 25 * HOUR, [
        [40, 'acknowledged'],
        [300, 'resolved'],
      ]),
      // Before both: 49 h ago.
      alert('high', NOW - 49 * HOUR, [[1, 'acknowledged']]),
    ];
    const report = responseTimes(alerts, 'day', NOW);
    expect(report.period).toBe('day');
    expect(report.current).toEqual({ from: iso(NOW - 24 * HOUR), to: iso(NOW) });
    expect(report.previous).toEqual({ from: iso(NOW - 48 * HOUR), to: iso(NOW - 24 * HOUR) });
    expect(report.items.map((i) => i.severity)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'informational',
    ]);

    const high = report.items.find((i) => i.severity === 'high')!;
    // (10 + 20) / 2 = 15 min to acknowledge; (70 + 130) / 2 = 100 min to resolve.
    expect(high.current).toEqual({
      alerts: 2,
      acknowledged: 2,
      resolved: 2,
      mttaSeconds: 15 * 60,
      mttrSeconds: 100 * 60,
    });
    expect(high.previous).toEqual({
      alerts: 1,
      acknowledged: 1,
      resolved: 1,
      mttaSeconds: 40 * 60,
      mttrSeconds: 300 * 60,
    });
    const critical = report.items.find((i) => i.severity === 'critical')!;
    expect(critical.current).toEqual({
      alerts: 1,
      acknowledged: 1,
      resolved: 0,
      mttaSeconds: 180,
      mttrSeconds: null,
    });
    expect(critical.previous.alerts).toBe(0);
    // All severities: (10 + 20 + 30 + 3) / 4 = 15.75 min = 945 s; MTTR over the two resolved = 100 min.
    expect(report.total.current).toEqual({
      alerts: 4,
      acknowledged: 4,
      resolved: 2,
      mttaSeconds: 945,
      mttrSeconds: 100 * 60,
    });
    expect(report.total.previous).toEqual({
      alerts: 1,
      acknowledged: 1,
      resolved: 1,
      mttaSeconds: 40 * 60,
      mttrSeconds: 300 * 60,
    });
  });

  it('uses periods of a day, a week and 30 days', () => {
    expect(periodWindows('week', NOW).current.fromMs).toBe(NOW - 7 * 24 * HOUR);
    expect(periodWindows('month', NOW).previous).toEqual({
      fromMs: NOW - 60 * 24 * HOUR,
      toMs: NOW - 30 * 24 * HOUR,
    });
    const weekOld = alert('low', NOW - 3 * 24 * HOUR, [[60, 'acknowledged']]);
    expect(responseTimes([weekOld], 'day', NOW).total.current.alerts).toBe(0);
    expect(responseTimes([weekOld], 'week', NOW).total.current).toMatchObject({
      alerts: 1,
      mttaSeconds: 3600,
    });
  });
});
