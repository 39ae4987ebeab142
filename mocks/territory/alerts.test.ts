import { responseTimesSchema } from '../../src/api/schemas/security';
import { responseTimes } from '../../src/lib/response-times';
import { generatedAlerts } from './alerts';
import { QBER_ALARM_PERCENT, QBER_SECURITY_LIMIT_PERCENT, qberAt, QKD_LINKS } from './qkd';
import { createSimulation } from './simulation';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPELL = 3 * HOUR;
const NOW = Date.parse('2026-03-11T08:30:00Z');
const sim = createSimulation({ now: () => NOW });
const { seed } = sim.world;

/** Found by scanning the QBER minute by minute: each spell of a link that went over its alarm threshold. */
function crossingsByScan(nowMs: number, windowMs: number) {
  const found: { linkId: string; crossedAt: number; peak: number; limitBy: number | null }[] = [];
  for (const link of QKD_LINKS) {
    for (let spell = Math.floor((nowMs - windowMs) / SPELL); spell <= Math.floor(nowMs / SPELL); spell++) {
      let crossedAt: number | null = null;
      let peak = 0;
      let limitBy: number | null = null;
      for (let t = spell * SPELL; t < (spell + 1) * SPELL && t <= nowMs; t += MINUTE) {
        const qber = qberAt(seed, link.id, t);
        if (qber >= QBER_ALARM_PERCENT) crossedAt ??= t;
        if (crossedAt !== null) peak = Math.max(peak, qber);
        if (qber >= QBER_SECURITY_LIMIT_PERCENT) limitBy ??= t;
      }
      if (crossedAt !== null && crossedAt > nowMs - windowMs)
        found.push({ linkId: link.id, crossedAt, peak, limitBy });
    }
  }
  return found;
}

describe('QKD links above their alarm threshold raise alerts', () => {
  const alerts = sim.alerts();
  const qber = alerts.filter((a) => a.subCategory === 'qber-above-threshold');

  it('one for each spell above the threshold, issued when it crossed', () => {
    const expected = crossingsByScan(NOW, 2 * DAY);
    expect(expected.length).toBeGreaterThan(2);
    expect(qber.map((a) => `${a.place?.refId} ${a.dateIssued}`).sort()).toEqual(
      expected.map((c) => `${c.linkId} ${new Date(c.crossedAt).toISOString()}`).sort(),
    );
  });

  it('high, and critical once the QBER has reached the security limit', () => {
    const expected = crossingsByScan(NOW, 2 * DAY);
    expect(expected.some((c) => c.limitBy !== null)).toBe(true);
    expect(expected.some((c) => c.limitBy === null)).toBe(true);
    for (const c of expected) {
      const alert = qber.find(
        (a) => a.place?.refId === c.linkId && a.dateIssued === new Date(c.crossedAt).toISOString(),
      )!;
      expect(alert.severity).toBe(c.limitBy === null ? 'high' : 'critical');
      const escalation = alert.audit.find((e) => e.action === 'note' && /security limit/.test(e.note ?? ''));
      expect(escalation?.at ?? null).toBe(c.limitBy === null ? null : new Date(c.limitBy).toISOString());
    }
  });

  it('filed at the link, in its municipality, with no position', () => {
    const municipalities = new Set(sim.world.territory.municipalities.map((m) => m.id));
    for (const alert of qber) {
      const link = QKD_LINKS.find((l) => l.id === alert.place?.refId)!;
      expect(alert).toMatchObject({
        category: 'qkd',
        place: { kind: 'qkd-link', refId: link.id, municipalityId: link.municipalityId, position: null },
      });
      expect(municipalities.has(link.municipalityId)).toBe(true);
      expect(alert.description).toContain(link.name);
    }
  });

  it('stays as it was issued as the clock moves on, and is not resolved while the QBER is still high', () => {
    const later = generatedAlerts(sim.world, NOW + 6 * HOUR);
    for (const alert of qber) {
      const again = later.find((a) => a.id === alert.id);
      if (!again) continue;
      expect(again.dateIssued).toBe(alert.dateIssued);
      const resolved = again.audit.find((e) => e.to === 'resolved');
      if (!resolved) continue;
      const link = alert.place!.refId;
      for (let t = Date.parse(resolved.at) - 10 * MINUTE; t <= Date.parse(resolved.at); t += MINUTE)
        expect(qberAt(seed, link, t)).toBeLessThan(QBER_ALARM_PERCENT);
    }
  });

  it('the rest of the list is newest first, without duplicates', () => {
    const issued = alerts.map((a) => Date.parse(a.dateIssued));
    expect(issued).toEqual([...issued].sort((a, b) => b - a));
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
  });
});

describe('alerts over a longer window', () => {
  it('hold the two-day list unchanged, and older alerts as they were finally handled', () => {
    const twoDays = generatedAlerts(sim.world, NOW);
    const month = generatedAlerts(sim.world, NOW, 30 * DAY);
    expect(month.slice(0, twoDays.length)).toEqual(twoDays);
    expect(month.length).toBeGreaterThan(10 * twoDays.length);
    // Every alert older than two days has been closed.
    expect(month.slice(twoDays.length).every((a) => a.status === 'closed')).toBe(true);
    // Asked again (from what is kept), the answer is the same.
    expect(generatedAlerts(sim.world, NOW, 30 * DAY)).toEqual(month);
  });

  it('feed the response times, by the same rules as the screen', () => {
    const week = sim.responseTimes('week');
    expect(responseTimesSchema.parse(week)).toEqual(week);
    expect(week).toEqual(responseTimes(generatedAlerts(sim.world, NOW, 14 * DAY), 'week', NOW));
    const critical = week.items.find((i) => i.severity === 'critical')!;
    const informational = week.items.find((i) => i.severity === 'informational')!;
    // Graver alerts are handled faster.
    expect(critical.current.mttaSeconds!).toBeLessThan(informational.current.mttaSeconds!);
    expect(critical.current.mttrSeconds!).toBeLessThan(informational.current.mttrSeconds!);
    expect(week.total.previous.alerts).toBeGreaterThan(0);
  });

  it('count the session\u2019s changes', () => {
    const local = createSimulation({ now: () => NOW });
    const open = local.alerts().find((a) => a.status === 'open' && a.severity === 'low')!;
    const before = local.responseTimes('day').items.find((i) => i.severity === 'low')!.current;
    local.patchAlert(open.id, { status: 'acknowledged' }, 'tester');
    const after = local.responseTimes('day').items.find((i) => i.severity === 'low')!.current;
    expect(after.acknowledged).toBe(before.acknowledged + 1);
  });
});
