import { seriesOption } from './series-option';
import { LONG_SERIES_POINTS } from './time-zoom';

const series = {
  sensorId: 'air-1',
  metric: 'no2',
  unit: 'µg/m³',
  from: '2026-11-25T00:00:00Z',
  to: '2026-11-25T02:00:00Z',
  timestamps: ['2026-11-25T00:00:00Z', '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z'],
  values: [10, null, 30],
};
const colours = { line: '#fff', text: '#eee', grid: '#333' };

/** A series of `points` values a minute apart. */
const longSeries = (points: number) => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const timestamps = Array.from({ length: points }, (_, i) => new Date(start + i * 60_000).toISOString());
  return { ...series, timestamps, values: timestamps.map((_, i) => i % 50) };
};

type Option = {
  dataset: { dimensions: { name: string; type: string }[]; source: Float64Array };
  series: Record<string, unknown>[];
  dataZoom: { id: string; type: string }[];
  grid: { bottom: number };
};

describe('seriesOption', () => {
  const option = seriesOption(series, colours) as unknown as Option & Record<string, unknown>;

  it('plots the values against time as one typed array of pairs, leaving gaps where the sensor was silent', () => {
    expect(option.dataset.dimensions).toEqual([
      { name: 't', type: 'time' },
      { name: 'v', type: 'float' },
    ]);
    expect(option.dataset.source).toBeInstanceOf(Float64Array);
    expect([...option.dataset.source]).toEqual(
      series.timestamps.flatMap((t, i) => [Date.parse(t), series.values[i] ?? NaN]),
    );
    expect(option.series).toMatchObject([
      { id: 'history', type: 'line', encode: { x: 't', y: 'v' }, connectNulls: false },
    ]);
  });

  it('downsamples with LTTB and draws no symbol per point', () => {
    expect(option.series[0]).toMatchObject({ sampling: 'lttb', showSymbol: false });
    expect(option).toMatchObject({ animation: false });
  });

  it('names the unit and keeps tooltips as plain text', () => {
    expect(option.yAxis).toMatchObject({ name: 'µg/m³' });
    expect(option.tooltip).toMatchObject({ renderMode: 'richText' });
  });

  it('adds a zoom window (inside and slider) above the long-series threshold, not up to it', () => {
    const atThreshold = seriesOption(longSeries(LONG_SERIES_POINTS), colours) as unknown as Option;
    const above = seriesOption(longSeries(LONG_SERIES_POINTS + 1), colours) as unknown as Option;
    expect(option.dataZoom).toEqual([]);
    expect(atThreshold.dataZoom).toEqual([]);
    expect(above.dataZoom.map((z) => [z.id, z.type])).toEqual([
      ['time-inside', 'inside'],
      ['time-slider', 'slider'],
    ]);
    expect(above.grid.bottom).toBeGreaterThan(atThreshold.grid.bottom);
    expect(above.series[0]).toMatchObject({ sampling: 'lttb', showSymbol: false });
    expect(above.dataset.source).toHaveLength(2 * (LONG_SERIES_POINTS + 1));
  });
});
