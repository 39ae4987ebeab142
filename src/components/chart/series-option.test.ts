import { seriesOption } from './series-option';

const series = {
  sensorId: 'air-1',
  metric: 'no2',
  unit: 'µg/m³',
  from: '2026-11-25T00:00:00Z',
  to: '2026-11-25T02:00:00Z',
  timestamps: ['2026-11-25T00:00:00Z', '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z'],
  values: [10, null, 30],
};

describe('seriesOption', () => {
  const option = seriesOption(series, { line: '#fff', text: '#eee', grid: '#333' }) as Record<string, never>;

  it('plots the values against time as dataset columns, leaving gaps where the sensor was silent', () => {
    expect(option.dataset).toEqual({ source: { t: series.timestamps.map(Date.parse), v: [10, null, 30] } });
    expect(option.series).toMatchObject([
      { type: 'line', encode: { x: 't', y: 'v' }, connectNulls: false, sampling: 'lttb' },
    ]);
  });

  it('names the unit and keeps tooltips as plain text', () => {
    expect(option.yAxis).toMatchObject({ name: 'µg/m³' });
    expect(option.tooltip).toMatchObject({ renderMode: 'richText' });
  });
});
