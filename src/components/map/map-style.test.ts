import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { createSimulation } from '../../../mocks/territory/simulation';
import { scaled, scaleLayers } from './layer-scale';
import { basemapSources, overlaySources, SOURCE } from './map-sources';
import { BASE_COLOURS, allLayers, MAP_LAYERS, offlineStyle, overlayLayers, STYLE_LAYERS } from './map-style';
import {
  airColour,
  coverageColour,
  populationCoverageColour,
  siteColour,
  trafficColour,
} from './style-expressions';
import {
  CONGESTION_CLASSES,
  DL_CLASSES,
  EAQI_CLASSES,
  RSRP_CLASS_COLOURS,
  SITE_STATUS_CLASSES,
  STALE_COLOUR,
} from './palettes';

const territory = createSimulation({ now: () => Date.parse('2026-11-25T12:00:00Z') }).world.territory;
const options = {
  theme: 'dark' as const,
  scale: 1,
  pollutant: 'all' as const,
  coverageMetric: 'rsrp' as const,
  clusterSensors: false,
  timeMode: 'live' as const,
};

describe('layer expressions', () => {
  it('rings predicted sensors in the forecast colour and keeps their class colours', () => {
    const paint = (mode: 'live' | 'forecast', id: string) =>
      overlayLayers({ ...options, timeMode: mode }).find((l) => l.id === id)!.paint as Record<
        string,
        unknown
      >;
    for (const id of ['air-points', 'traffic-points', 'air-clusters', 'traffic-clusters']) {
      expect(paint('live', id)['circle-stroke-color']).toBe(BASE_COLOURS.dark.marker);
      expect(paint('forecast', id)['circle-stroke-color']).toBe(BASE_COLOURS.dark.forecast);
      expect(paint('forecast', id)['circle-color']).toEqual(paint('live', id)['circle-color']);
    }
  });

  it('colours air stations by the chosen pollutant’s band, grey when stale', () => {
    const expression = airColour('no2');
    expect(expression.slice(0, 3)).toEqual(['case', ['==', ['get', 'stale'], true], STALE_COLOUR]);
    expect(JSON.stringify(expression)).toContain('"band_no2"');
    expect(JSON.stringify(airColour('all'))).toContain('["get","band"]');
    for (const c of EAQI_CLASSES) expect(expression[3]).toContain(c.colour);
  });

  it('colours traffic by congestion level and sites by status', () => {
    const traffic = JSON.stringify(trafficColour('dark'));
    for (const c of CONGESTION_CLASSES) expect(traffic).toContain(`"${c.value}","${c.colour}"`);
    const sites = siteColour() as unknown[];
    expect(sites[0]).toBe('match');
    for (const c of SITE_STATUS_CLASSES) expect(sites).toContain(c.colour);
  });

  it('classes coverage by SS-RSRP class or by download steps', () => {
    expect(JSON.stringify(coverageColour('rsrp'))).toContain(
      `"excellent","${RSRP_CLASS_COLOURS[0]!.colour}"`,
    );
    const steps = coverageColour('dl') as ExpressionSpecification;
    expect(steps[0]).toBe('step');
    // ascending thresholds after the lowest class's colour
    expect(steps.slice(2)).toEqual([
      DL_CLASSES[4]!.colour,
      30,
      DL_CLASSES[3]!.colour,
      100,
      DL_CLASSES[2]!.colour,
      200,
      DL_CLASSES[1]!.colour,
      500,
      DL_CLASSES[0]!.colour,
    ]);
  });

  it('leaves municipalities without a coverage figure transparent', () => {
    const expression = populationCoverageColour() as unknown[];
    expect(expression[1]).toEqual(['==', ['get', 'coverage'], null]);
    expect(expression[2]).toBe('rgba(0,0,0,0)');
  });
});

describe('the offline style', () => {
  const style = offlineStyle(territory, options);

  it('fetches nothing: no glyphs, sprites, tiles or remote sources', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      expect(typeof (source as { data: unknown }).data).not.toBe('string');
    }
  });

  it('has every style layer each user layer toggles, with labels drawn last', () => {
    const ids = style.layers.map((l: LayerSpecification) => l.id);
    for (const layer of MAP_LAYERS) for (const id of STYLE_LAYERS[layer]) expect(ids).toContain(id);
    expect(ids[ids.length - 1]).toBe('municipality-labels');
    expect(ids[0]).toBe('background');
  });

  it('clusters sensors only when asked', () => {
    expect(overlaySources(true)['air-sensors']).toMatchObject({ cluster: true, promoteId: 'id' });
    expect(overlaySources(false)['air-sensors']).not.toHaveProperty('cluster');
  });

  it('changes only colours between themes', () => {
    const light = overlayLayers({ ...options, theme: 'light' }).map((l) => l.id);
    expect(light).toEqual(overlayLayers(options).map((l) => l.id));
  });

  it('scales marks and labels for large screens, keeping zoom curves top-level', () => {
    expect(scaled(4, 2)).toBe(8);
    expect(scaled(['interpolate', ['linear'], ['zoom'], 8, 3, 12, ['case', true, 5, 6]], 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      8,
      6,
      12,
      ['*', 2, ['case', true, 5, 6]],
    ]);
    const big = scaleLayers(overlayLayers(options), 2).find((l) => l.id === 'sites-labels') as {
      layout: Record<string, unknown>;
    };
    expect(big.layout['text-size']).toBe(30);
    expect(allLayers({ ...options, scale: 2 }).map((l) => l.id)).toEqual(allLayers(options).map((l) => l.id));
  });

  it('writes municipality names without collisions, the most populous first', () => {
    // MapLibre drops a label that would collide with one placed before it, unless told to overlap.
    const labels = allLayers(options).find((l) => l.id === 'municipality-labels') as {
      layout: Record<string, unknown>;
    };
    expect(labels.layout['text-allow-overlap']).toBeUndefined();
    expect(labels.layout['text-ignore-placement']).toBeUndefined();
    expect(labels.layout['symbol-sort-key']).toEqual(['-', 0, ['get', 'population']]);
  });

  it('outlines the metropolitan area with the outline the API sends', () => {
    const source = basemapSources(territory)[SOURCE.boundary] as { data: { geometry: unknown } };
    expect(source.data.geometry).toEqual(territory.outline);
  });
});
