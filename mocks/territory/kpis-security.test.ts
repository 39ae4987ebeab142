import type { Kpi } from '../../src/api/schemas/kpis';
import { kpisAt, localisedKpis } from './kpis';
import { QKD_LINKS, qberAt } from './qkd';
import { createSimulation } from './simulation';

const NOW = Date.parse('2026-11-25T11:00:00Z');
const kpi = (items: Kpi[], id: string) => items.find((k) => k.id === id)!;
/** The KPIs give minutes to one decimal; the panel seconds. */
const minutes = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 60) * 10) / 10);

describe('MTTA and MTTR', () => {
  // One definition (src/lib/response-times.ts): MTTA from issue to the first acknowledgement or
  // start of work, MTTR from issue to the last resolution, over the alerts issued in the period.
  it('agree between the KPIs and the Response times panel, this period and the one before', () => {
    const sim = createSimulation({ now: () => NOW });
    for (const period of ['day', 'week', 'month'] as const) {
      const items = kpisAt(sim.world, period, NOW, sim.alertsWithin).items;
      const panel = sim.responseTimes(period).total;
      expect(kpi(items, 'mtta').value, period).toBe(minutes(panel.current.mttaSeconds));
      expect(kpi(items, 'mttr').value, period).toBe(minutes(panel.current.mttrSeconds));
      expect(kpi(items, 'mtta').previous, period).toBe(minutes(panel.previous.mttaSeconds));
      expect(kpi(items, 'mttr').previous, period).toBe(minutes(panel.previous.mttrSeconds));
    }
  });

  it('still agree once an operator has acknowledged an alert on the dashboard', () => {
    const sim = createSimulation({ now: () => NOW });
    const open = sim.alerts().find((a) => a.status === 'open' && Date.parse(a.dateIssued) < NOW)!;
    expect(open).toBeDefined();
    const before = kpi(kpisAt(sim.world, 'day', NOW, sim.alertsWithin).items, 'mtta').value;
    sim.patchAlert(open.id, { status: 'acknowledged' }, 'M. Rossi');
    const after = kpi(kpisAt(sim.world, 'day', NOW, sim.alertsWithin).items, 'mtta').value;
    expect(after).toBe(minutes(sim.responseTimes('day').total.current.mttaSeconds));
    expect(after).not.toBe(before);
  });
});

describe('the QKD indicator', () => {
  // A BB84-type link distils no secret key above about 11 % QBER (Shor & Preskill, PRL 85, 2000):
  // the indicator is the share of link-time below that limit, not a measure of stored keys.
  it('is named for what it measures', () => {
    const indicator = kpi(
      kpisAt(createSimulation({ now: () => NOW }).world, 'day', NOW).items,
      'qkd-availability',
    );
    expect(indicator.label).toBe('QKD link time below the 11% QBER security limit');
    expect(indicator.label).not.toMatch(/key availability/i);
  });

  it('measures the share of link-time with QBER below 11 %', () => {
    const { world } = createSimulation({ now: () => NOW });
    const week = 7 * 24 * 3_600_000;
    const value = kpi(kpisAt(world, 'week', NOW).items, 'qkd-availability').value!;
    // Every 10 minutes over the week, on every link: a finer look than the indicator's samples.
    const times = Array.from({ length: week / 600_000 }, (_, i) => NOW - week + i * 600_000);
    const below = times.flatMap((t) => QKD_LINKS.map((l) => (qberAt(world.seed, l.id, t) < 11 ? 1 : 0)));
    const share = (100 * below.reduce<number>((a, b) => a + b, 0)) / below.length;
    expect(Math.abs(value - share)).toBeLessThan(5);
  });
});

describe('the indicators in Italian', () => {
  it('use the screen’s terms: canoni di locazione, and percentages with the sign next to the number', () => {
    const items = localisedKpis(kpisAt(createSimulation({ now: () => NOW }).world, 'day', NOW), 'it').items;
    expect(kpi(items, 'lease-revenue').label).toMatch(/^Canoni di locazione/);
    for (const { label } of items) expect(label).not.toMatch(/\d %/);
  });
});
