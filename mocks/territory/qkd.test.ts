import { qkdLinkSeriesSchema } from '../../src/api/schemas/security';
import { keyPoolExhaustion } from '../../src/lib/key-pool';
import { KEY_POOL_CAPACITY_KBIT, QBER_ALARM_PERCENT, QKD_LINKS } from './qkd';
import { createSimulation } from './simulation';

const NOW = Date.parse('2026-03-11T08:30:00Z');
const sim = createSimulation({ now: () => NOW });

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
