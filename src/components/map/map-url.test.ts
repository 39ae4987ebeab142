import { formatTarget, parseTarget } from '../../lib/selection';
import { formatCamera, formatLayers, parseCamera, parseLayers } from './map-url';

const FALLBACK = { centre: [9.19, 45.46] as [number, number], zoom: 9.6 };

describe('map state in the URL', () => {
  it('round-trips a selection and refuses malformed ones', () => {
    expect(parseTarget(formatTarget({ kind: 'sensor', id: 'air-00001' }))).toEqual({
      kind: 'sensor',
      id: 'air-00001',
    });
    expect(parseTarget('site:a:b')).toEqual({ kind: 'site', id: 'a:b' });
    expect(parseTarget('planet:earth')).toBeNull();
    expect(parseTarget('site:')).toBeNull();
    expect(parseTarget(undefined)).toBeNull();
  });

  it('round-trips the camera and falls back on nonsense', () => {
    const camera = { centre: [9.123456, 45.5] as [number, number], zoom: 11.257 };
    expect(parseCamera(formatCamera(camera), FALLBACK)).toEqual({ centre: [9.12346, 45.5], zoom: 11.26 });
    expect(parseCamera('9,95,10', FALLBACK)).toBe(FALLBACK);
    expect(parseCamera('abc', FALLBACK)).toBe(FALLBACK);
    expect(parseCamera('9,45', FALLBACK)).toBe(FALLBACK);
  });

  it('keeps only known layers, in drawing order; absent means the view default', () => {
    expect(parseLayers('sites,bogus,air', ['coverage'])).toEqual(['sites', 'air']);
    expect(parseLayers(undefined, ['coverage'])).toEqual(['coverage']);
    expect(parseLayers(formatLayers([]), ['coverage'])).toEqual([]);
    expect(formatLayers(['sites', 'municipalities'])).toBe('municipalities,sites');
  });
});
