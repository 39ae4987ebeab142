import fc from 'fast-check';
import { t } from '../../i18n/i18n';
import * as arb from '../../test/arbitraries';
import {
  bandAreas,
  forecastOption,
  forecastRows,
  nowMarker,
  predictedVsObservedOption,
  referenceMarkers,
  type ForecastColours,
} from './forecast-option';
import { parseIsoTime, timeValuePairs } from './series-data';
import { seriesOption } from './series-option';
import { hasZoom, LONG_SERIES_POINTS, MIN_ZOOM_SPAN, stepZoom, type ZoomStep } from './time-zoom';

const RUNS = { numRuns: 1000 };
// A thousand runs can outlast the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const COLOURS: ForecastColours = {
  text: '#111111',
  grid: '#222222',
  observed: '#333333',
  median: '#444444',
  band: '#555555',
  now: '#666666',
  threshold: '#777777',
};

// ECharts options are loose records: these are the parts the properties read.
interface Series {
  id: string;
  data: [number, number | null][];
  markLine?: { data: unknown[] };
  markArea?: { data: unknown[] };
}
interface Option {
  series: Series[];
  dataZoom: unknown[];
  yAxis: { name?: string; min?: number; max?: number };
  xAxis: { min?: number; max?: number };
  dataset?: { source: Float64Array };
  tooltip: { renderMode: string; valueFormatter?: (v: unknown) => string };
}

/** Instants a backend may send for one series: repeated, out of order, far apart. */
const times = fc.array(arb.isoDateTime, { maxLength: 30 });

describe('ISO times read for charting', () => {
  it('are read exactly as Date.parse reads them, in any form the API or anything else sends', () => {
    const almost = fc
      .tuple(arb.isoDateTime, fc.nat(), fc.constantFrom('', 'Z', '.', '9', 'T', ':', '-', ' '))
      .map(([s, i, c]) => s.slice(0, i % (s.length + 1)) + c + s.slice(i % (s.length + 1)));
    const utc = arb.ms.map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.oneof(arb.isoDateTime, utc, almost, fc.string({ maxLength: 30 })), (s) => {
        expect(Object.is(parseIsoTime(s), Date.parse(s))).toBe(true);
      }),
      RUNS,
    );
  });

  it('pair each time with its value, a gap as NaN, never more pairs than the shorter column', () => {
    fc.assert(
      fc.property(times, fc.array(fc.option(arb.finite, { nil: null }), { maxLength: 30 }), (ts, values) => {
        const pairs = timeValuePairs(ts, values);
        const n = Math.min(ts.length, values.length);
        expect(pairs.length).toBe(2 * n);
        for (let i = 0; i < n; i++) {
          expect(pairs[2 * i]).toBe(Date.parse(ts[i]!));
          expect(Object.is(pairs[2 * i + 1], values[i] ?? NaN)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('a sensor history chart', () => {
  it('carries every point, names the unit as plain text and zooms only a long series', () => {
    fc.assert(
      fc.property(arb.seriesResponse, (series) => {
        const option = seriesOption(series, {
          line: '#fff',
          text: '#eee',
          grid: '#333',
        }) as unknown as Option;
        expect(option.dataset!.source.length).toBe(2 * series.timestamps.length);
        expect(option.yAxis.name).toBe(series.unit);
        expect(option.tooltip.renderMode).toBe('richText');
        expect(hasZoom(option as never)).toBe(series.timestamps.length > LONG_SERIES_POINTS);
      }),
      RUNS,
    );
  });
});

describe('a forecast chart', () => {
  /** A few instants, each written with any offset: rows must merge them, whatever the notation. */
  const instant = fc
    .tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -12, max: 14 }))
    .map(([hour, offset]) => {
      const local = new Date(Date.UTC(2026, 2, 29, hour) + offset * 3_600_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      return offset === 0 ? `${local}Z` : `${local}${sign}${String(Math.abs(offset)).padStart(2, '0')}:00`;
    });
  const at = fc.oneof(instant, arb.isoDateTime);
  const observed = fc.array(fc.record({ t: at, value: arb.finite }), { maxLength: 12 });
  const steps = fc.array(
    fc.tuple(at, arb.forecastStep()).map(([time, step]) => ({ ...step, t: time })),
    { maxLength: 12 },
  );

  it('plots one row per distinct time, in time order, each value where it was sent', () => {
    fc.assert(
      fc.property(observed, steps, (obs, st) => {
        const rows = forecastRows(obs, st);
        const distinct = new Set([...obs, ...st].map((x) => Date.parse(x.t)));
        expect(rows.map((r) => r.t)).toEqual([...distinct].sort((a, b) => a - b));
        for (const r of rows) {
          // The last value sent for a time wins, as a Map assignment does.
          const o = obs.findLast((x) => Date.parse(x.t) === r.t);
          const s = st.findLast((x) => Date.parse(x.t) === r.t);
          expect(r.observed).toBe(o ? o.value : null);
          expect([r.p10, r.p50, r.p90]).toEqual(s ? [s.p10, s.p50, s.p90] : [null, null, null]);
        }
      }),
      RUNS,
    );
  });

  it('never throws, gives every series a point per row and a range that is never negative', () => {
    const references = fc.array(fc.record({ value: arb.finite, label: arb.text }), { maxLength: 4 });
    const areas = fc.array(
      fc.record({ from: arb.finite, to: arb.finite, label: arb.text, colour: fc.constant('#abcdef') }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(observed, steps, arb.ms, arb.text, references, areas, (obs, st, now, unit, refs, bands) => {
        const option = forecastOption({
          observed: obs,
          steps: st,
          nowMs: now,
          unit,
          colours: COLOURS,
          references: refs,
          areas: bands,
          t,
        }) as unknown as Option;
        const rows = forecastRows(obs, st).length;
        for (const s of option.series) expect(s.data).toHaveLength(rows);
        const range = option.series.find((s) => s.id === 'range')!;
        for (const [, width] of range.data) if (width !== null) expect(width).toBeGreaterThanOrEqual(0);
        const median = option.series.find((s) => s.id === 'median')!;
        expect(median.markLine!.data).toHaveLength(1 + refs.length);
        expect(option.yAxis.name).toBe(unit);
        expect(option.tooltip.valueFormatter!(1.25)).toContain(unit);
        expect(option.tooltip.valueFormatter!('x')).toBe('—');
      }),
      RUNS,
    );
  });

  it('labels close reference lines on alternate sides, and each band area at its lower edge', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: arb.finite, label: arb.text }), { maxLength: 8 }),
        fc.array(
          fc.record({ from: arb.finite, to: arb.finite, label: arb.text, colour: fc.constant('#000') }),
          {
            maxLength: 6,
          },
        ),
        (refs, bands) => {
          const markers = referenceMarkers(refs, '#f00');
          expect(markers.map((m) => m.yAxis)).toEqual(refs.map((r) => r.value));
          const byHeight = markers.toSorted((a, b) => b.yAxis - a.yAxis);
          byHeight.forEach((m, i) => {
            if (new Set(refs.map((r) => r.value)).size === refs.length)
              expect(m.label.position).toBe(i % 2 === 0 ? 'insideEndTop' : 'insideEndBottom');
          });
          const areas = bandAreas(bands, '#000') as unknown as [
            { yAxis: number; name: string },
            { yAxis: number },
          ][];
          expect(areas.map(([a, b]) => [a.yAxis, b.yAxis, a.name])).toEqual(
            bands.map((b) => [b.from, b.to, b.label]),
          );
          expect(nowMarker(0, '#fff', t).label.formatter.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('draws predicted against observed on square axes that hold every pair', () => {
    // Past about 1e16 a double has no units digit left, and rounding up to tens can fall short.
    const value = fc.double({ min: -1e15, max: 1e15, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.record({ predicted: value, observed: value }), { maxLength: 40 }), (pairs) => {
        const option = predictedVsObservedOption(pairs, 'km/h', COLOURS, t) as unknown as Option;
        const max = option.xAxis.max!;
        expect(option.yAxis.max).toBe(max);
        expect(Number.isFinite(max)).toBe(true);
        expect(max).toBeGreaterThanOrEqual(10);
        for (const p of pairs) expect(Math.max(p.predicted, p.observed)).toBeLessThanOrEqual(max);
      }),
      RUNS,
    );
  });
});

describe('zoom buttons', () => {
  const percent = fc.double({ min: 0, max: 100, noNaN: true });
  const step = fc.constantFrom<ZoomStep>('in', 'out', 'earlier', 'later', 'all');

  it('keep the window inside the series after any sequence of steps', () => {
    fc.assert(
      fc.property(percent, percent, fc.array(step, { maxLength: 20 }), (a, b, steps) => {
        let window = { start: Math.min(a, b), end: Math.max(a, b) };
        for (const s of steps) {
          const before = window.end - window.start;
          window = stepZoom(window, s);
          const span = window.end - window.start;
          expect(window.start).toBeGreaterThanOrEqual(0);
          expect(window.end).toBeLessThanOrEqual(100);
          expect(span).toBeGreaterThanOrEqual(0);
          if (s === 'in') expect(span).toBeLessThanOrEqual(before + 1e-9);
          if (s === 'in') expect(span).toBeGreaterThanOrEqual(Math.min(before, MIN_ZOOM_SPAN) - 1e-9);
          if (s === 'out') expect(span).toBeGreaterThanOrEqual(before - 1e-9);
          if (s === 'earlier' || s === 'later') expect(span).toBeCloseTo(before, 9);
          if (s === 'all') expect(window).toEqual({ start: 0, end: 100 });
        }
      }),
      RUNS,
    );
  });
});
