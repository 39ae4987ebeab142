import { hasZoom, MIN_ZOOM_SPAN, stepZoom, timeZoom } from './time-zoom';

describe('time zoom', () => {
  it('zooms in and out around the centre of the window', () => {
    expect(stepZoom({ start: 0, end: 100 }, 'in')).toEqual({ start: 25, end: 75 });
    expect(stepZoom({ start: 25, end: 75 }, 'out')).toEqual({ start: 0, end: 100 });
    expect(stepZoom({ start: 80, end: 100 }, 'out')).toEqual({ start: 60, end: 100 });
    expect(stepZoom({ start: 0, end: 100 }, 'out')).toEqual({ start: 0, end: 100 });
  });

  it('moves the window by half its width, never past either end', () => {
    expect(stepZoom({ start: 40, end: 60 }, 'earlier')).toEqual({ start: 30, end: 50 });
    expect(stepZoom({ start: 40, end: 60 }, 'later')).toEqual({ start: 50, end: 70 });
    expect(stepZoom({ start: 5, end: 25 }, 'earlier')).toEqual({ start: 0, end: 20 });
    expect(stepZoom({ start: 85, end: 100 }, 'later')).toEqual({ start: 85, end: 100 });
  });

  it('stops zooming in at the narrowest window and shows everything again on request', () => {
    const narrow = stepZoom({ start: 50, end: 50.6 }, 'in');
    expect(narrow.end - narrow.start).toBeCloseTo(MIN_ZOOM_SPAN);
    expect(stepZoom({ start: 50, end: 50.2 }, 'in')).toEqual({ start: 50, end: 50.2 });
    expect(stepZoom({ start: 30, end: 40 }, 'all')).toEqual({ start: 0, end: 100 });
  });

  it('tells whether an option has a zoom window', () => {
    expect(hasZoom({ dataZoom: timeZoom({ text: '#eee', grid: '#333' }) })).toBe(true);
    expect(hasZoom({ dataZoom: [] })).toBe(false);
    expect(hasZoom({})).toBe(false);
  });

  it('filters the window out of the data, so sampling works on what is shown, and sets no start or end', () => {
    const zoom = timeZoom({ text: '#eee', grid: '#333' });
    expect(zoom.map((z) => [z.id, z.type, z.filterMode])).toEqual([
      ['time-inside', 'inside', 'filter'],
      ['time-slider', 'slider', 'filter'],
    ]);
    for (const z of zoom) expect(z).not.toHaveProperty('start');
  });
});
