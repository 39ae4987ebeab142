import {
  bandAreas,
  forecastOption,
  forecastRows,
  nowMarker,
  predictedVsObservedOption,
  referenceMarkers,
} from './forecast-option';
import { LONG_SERIES_POINTS } from './time-zoom';

const colours = {
  text: '#eee',
  grid: '#333',
  observed: '#fff',
  median: '#0af',
  band: '#08f',
  now: '#ff0',
  threshold: '#f80',
};
const observed = [
  { t: '2026-11-25T10:00:00Z', value: 60 },
  { t: '2026-11-25T10:15:00Z', value: 58 },
];
const steps = [
  { t: '2026-11-25T10:30:00Z', p10: 50, p50: 55, p90: 61 },
  { t: '2026-11-25T10:45:00Z', p10: 45, p50: 52, p90: 62 },
];
const NOW = Date.parse('2026-11-25T10:20:00Z');

type Series = {
  id: string;
  name: string;
  sampling?: string;
  large?: boolean;
  data: [number, number | null][];
  stack?: string;
  markLine?: { data: unknown[] };
  markArea?: { data: unknown[] };
};

describe('forecast chart option', () => {
  it('joins observed values and forecast steps on one time axis', () => {
    expect(forecastRows(observed, steps)).toEqual([
      { t: Date.parse(observed[0]!.t), observed: 60, p10: null, p50: null, p90: null },
      { t: Date.parse(observed[1]!.t), observed: 58, p10: null, p50: null, p90: null },
      { t: Date.parse(steps[0]!.t), observed: null, p10: 50, p50: 55, p90: 61 },
      { t: Date.parse(steps[1]!.t), observed: null, p10: 45, p50: 52, p90: 62 },
    ]);
  });

  it('draws the p10–p90 band as a width stacked on p10', () => {
    const series = (
      forecastOption({ observed, steps, nowMs: NOW, unit: 'km/h', colours }) as { series: Series[] }
    ).series;
    const p10 = series.find((s) => s.name === 'p10')!;
    const range = series.find((s) => s.name === 'Likely range (p10–p90)')!;
    expect(p10.stack).toBe('range');
    expect(range.stack).toBe('range');
    expect(p10.data.slice(2).map(([, v]) => v)).toEqual([50, 45]);
    expect(range.data.slice(2).map(([, v]) => v)).toEqual([11, 17]);
    expect(range.data[0]![1]).toBeNull();
    expect(
      series
        .find((s) => s.name === 'Median forecast')!
        .data.slice(2)
        .map(([, v]) => v),
    ).toEqual([55, 52]);
    expect(
      series
        .find((s) => s.name === 'Observed')!
        .data.slice(0, 2)
        .map(([, v]) => v),
    ).toEqual([60, 58]);
  });

  it('marks now and the reference lines on the median series', () => {
    const option = forecastOption({
      observed,
      steps,
      nowMs: NOW,
      unit: 'km/h',
      colours,
      references: [{ value: 65, label: 'Congested below 65 km/h' }],
    }) as { series: Series[] };
    const marks = option.series.find((s) => s.name === 'Median forecast')!.markLine!.data;
    expect(marks).toEqual([
      nowMarker(NOW, colours.now),
      ...referenceMarkers([{ value: 65, label: 'Congested below 65 km/h' }], colours.threshold),
    ]);
    expect(nowMarker(NOW, '#ff0')).toMatchObject({ xAxis: NOW, label: { formatter: 'now' } });
    expect(referenceMarkers([{ value: 50, label: 'EU limit' }], '#f80')[0]).toMatchObject({
      yAxis: 50,
      label: { formatter: 'EU limit' },
    });
  });

  it('puts the labels of neighbouring reference lines on alternate sides', () => {
    const marks = referenceMarkers(
      [
        { value: 45, label: '45 from 2030' },
        { value: 50, label: '50 now' },
      ],
      '#f80',
    );
    expect(marks.map((m) => [m.yAxis, m.label.position])).toEqual([
      [45, 'insideEndBottom'],
      [50, 'insideEndTop'],
    ]);
  });

  it('paints band areas behind the observed values', () => {
    const areas = [{ from: 0, to: 15, label: 'Good', colour: '#fcfdbf' }];
    expect(bandAreas(areas, '#eee')).toEqual([
      [
        {
          yAxis: 0,
          name: 'Good',
          itemStyle: { color: '#fcfdbf', opacity: 0.18 },
          label: { color: '#eee', position: 'insideLeft' },
        },
        { yAxis: 15 },
      ],
    ]);
    const option = forecastOption({ observed, steps, nowMs: NOW, unit: 'µg/m³', colours, areas }) as {
      series: Series[];
    };
    expect(option.series.find((s) => s.name === 'Observed')!.markArea!.data).toHaveLength(1);
  });

  it('plots predicted against observed with the line of perfect prediction', () => {
    const option = predictedVsObservedOption(
      [
        { predicted: 12, observed: 10 },
        { predicted: 30, observed: 33 },
      ],
      'km/h',
      colours,
    ) as { series: Series[]; xAxis: { max: number } };
    expect(option.series[0]!.data).toEqual([
      [10, 12],
      [33, 30],
    ]);
    expect(option.series[1]!.data).toEqual([
      [0, 0],
      [40, 40],
    ]);
    expect(option.xAxis.max).toBe(40);
  });

  it('gives every series an id, so a refresh updates it in place', () => {
    const { series } = forecastOption({ observed, steps, nowMs: NOW, unit: 'km/h', colours }) as {
      series: Series[];
    };
    expect(series.map((s) => s.id)).toEqual(['observed', 'p10', 'range', 'median']);
    const pairs = predictedVsObservedOption([{ predicted: 1, observed: 2 }], 'km/h', colours) as {
      series: Series[];
    };
    expect(pairs.series.map((s) => s.id)).toEqual(['forecasts', 'perfect']);
    expect(pairs.series[0]!.large).toBe(true);
  });

  it('samples the observed line with LTTB and adds a zoom window only to a long chart', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const history = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ t: new Date(start + i * 60_000).toISOString(), value: i % 40 }));
    const short = forecastOption({ observed, steps, nowMs: NOW, unit: 'km/h', colours }) as {
      series: Series[];
      dataZoom: unknown[];
    };
    expect(short.series.find((s) => s.name === 'Observed')!.sampling).toBe('lttb');
    expect(short.dataZoom).toEqual([]);
    const long = forecastOption({
      observed: history(LONG_SERIES_POINTS + 1),
      steps: [],
      nowMs: NOW,
      unit: 'km/h',
      colours,
    }) as { dataZoom: { type: string }[] };
    expect(long.dataZoom.map((z) => z.type)).toEqual(['inside', 'slider']);
  });
});
