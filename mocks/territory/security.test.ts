import { qkdLinkSeriesSchema, responseTimesSchema } from '../../src/api/schemas/security';
import { keyPoolExhaustion } from '../../src/lib/key-pool';
import { responseTimes } from '../../src/lib/response-times';
import {
  generatedAlerts,
  KEY_POOL_CAPACITY_KBIT,
  QBER_ALARM_PERCENT,
  QBER_SECURITY_LIMIT_PERCENT,
  qberAt,
  QKD_LINKS,
} from './security';
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
    local.patchAlert(open.id, { actor: 'tester', status: 'acknowledged' });
    const after = local.responseTimes('day').items.find((i) => i.severity === 'low')!.current;
    expect(after.acknowledged).toBe(before.acknowledged + 1);
  });
});

describe('QKD link history', () => {
  const link = sim.qkdLinks()[0]!;
  const series = sim.qkdLinkSeries(link.id, 24)!;

  it('covers the hours asked every 5 minutes, ending with what the links list shows now', () => {
    expect(qkdLinkSeriesSchema.parse(series)).toEqual(series);
    expect(series.qberAlarmPercent).toBe(QBER_ALARM_PERCENT);
    expect(series.qberSecurityLimitPercent).toBe(11);
    expect(series.timestamps).toHaveLength(24 * 12 + 1);
    const last = series.timestamps.length - 1;
    expect(series.timestamps[last]).toBe(link.dateLastValueReported);
    expect([
      series.qberPercent[last],
      series.secretKeyRateKbps[last],
      series.storedKeysKbit[last],
      series.consumptionKbps[last],
    ]).toEqual([link.qberPercent, link.secretKeyRateKbps, link.storedKeysKbit, link.consumptionKbps]);
    expect(sim.qkdLinkSeries('qkd-nowhere', 24)).toBeUndefined();
  });

  it('keeps its key pool consistent: it grows and shrinks by the key rate less the consumption', () => {
    let checked = 0;
    for (const l of QKD_LINKS) {
      const s = sim.qkdLinkSeries(l.id, 72)!;
      for (let i = 0; i + 2 < s.timestamps.length; i++) {
        const [now, next] = [s.storedKeysKbit[i]!, s.storedKeysKbit[i + 1]!];
        const net = s.secretKeyRateKbps[i]! - s.consumptionKbps[i]!;
        const expected = Math.min(KEY_POOL_CAPACITY_KBIT, Math.max(0, now + net * 300));
        // Stock is reported in whole kbit; allow for that rounding.
        expect(Math.abs(next - expected), `${l.id} at ${s.timestamps[i]}`).toBeLessThanOrEqual(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('is full most of the time, and drains while the QBER is high', () => {
    const all = QKD_LINKS.flatMap((l) => {
      const s = sim.qkdLinkSeries(l.id, 168)!;
      return s.storedKeysKbit.map((stored, i) => ({
        stored: stored!,
        qber: s.qberPercent[i]!,
        toEmpty: keyPoolExhaustion(stored!, s.secretKeyRateKbps[i]!, s.consumptionKbps[i]!),
      }));
    });
    const full = all.filter((p) => p.stored === KEY_POOL_CAPACITY_KBIT).length / all.length;
    expect(full).toBeGreaterThan(0.6);
    const disturbed = all.filter((p) => p.qber >= QBER_ALARM_PERCENT);
    expect(disturbed.length).toBeGreaterThan(0);
    expect(disturbed.every((p) => p.toEmpty !== null)).toBe(true);
  });
});
