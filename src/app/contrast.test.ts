import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORECAST_COLOURS } from '../components/forecast/forecast-colours';
import {
  basemapLayers,
  BASE_COLOURS,
  labelLayers,
  overlayLayers,
  type OverlayOptions,
} from '../components/map/map-style';
import {
  CONGESTION_CLASSES,
  EAQI_CLASSES,
  QKD_STATE_CLASSES,
  SEVERITY_CLASSES,
  inTheme,
  SITE_STATUS_CLASSES,
  STALE_CLASS,
  type LegendClass,
} from '../components/map/palettes';
import { TREND_COLOURS } from '../features/kpis/kpi-trend-option';
import type { Theme } from '../store/ui-store';

/**
 * WCAG 2.1 contrast of every colour the screens draw, against what it is drawn on, in both
 * themes: 4.5:1 for text (1.4.3), 3:1 for graphics and component boundaries (1.4.11). Colours are
 * read from where they are defined (the CSS custom properties in styles.css, the palettes, the map
 * style and the chart colours), so changing one to a poor colour fails here.
 */

const here = dirname(fileURLToPath(import.meta.url));
const read = (path: string) => readFileSync(resolve(here, path), 'utf8');

// WCAG 2.1 relative luminance and contrast ratio.

interface Rgb {
  r: number;
  g: number;
  b: number;
}

function rgb(colour: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) throw new Error(`not a hex colour: ${colour}`);
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return {
    r: parseInt(full.slice(0, 2), 16),
    g: parseInt(full.slice(2, 4), 16),
    b: parseInt(full.slice(4, 6), 16),
  };
}

const channel = (c: number) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ({ r, g, b }: Rgb) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `top` at `alpha` over `under`, blended in sRGB as browsers, canvas and WebGL composite. */
const over = (top: Rgb, alpha: number, under: Rgb): Rgb => ({
  r: top.r * alpha + under.r * (1 - alpha),
  g: top.g * alpha + under.g * (1 - alpha),
  b: top.b * alpha + under.b * (1 - alpha),
});
const hex = ({ r, g, b }: Rgb) =>
  `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

describe('the contrast helpers', () => {
  it('compute WCAG 2.1 ratios', () => {
    expect(contrast(rgb('#000'), rgb('#fff'))).toBeCloseTo(21, 5);
    expect(contrast(rgb('#fff'), rgb('#fff'))).toBe(1);
    // Known values: #767676 is the lightest grey with 4.5:1 on white, #949494 gives 3:1.
    expect(contrast(rgb('#767676'), rgb('#ffffff'))).toBeCloseTo(4.54, 2);
    expect(contrast(rgb('#949494'), rgb('#ffffff'))).toBeCloseTo(3.03, 2);
    expect(hex(over(rgb('#ffffff'), 0.5, rgb('#000000')))).toBe('#808080');
  });
});

// The stylesheet: custom properties per theme and the declarations that use them.

interface Rule {
  selectors: string[];
  declarations: [property: string, value: string][];
}

/** The top-level rules of a stylesheet (at-rules such as @media print are left out). */
function parseCss(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('{', i);
    if (open === -1) break;
    const prelude = text.slice(i, open).trim();
    let depth = 1;
    let close = open + 1;
    for (; depth > 0 && close < text.length; close++) {
      if (text[close] === '{') depth++;
      else if (text[close] === '}') depth--;
    }
    if (!prelude.startsWith('@'))
      rules.push({
        selectors: prelude.split(',').map((s) => s.trim().replace(/\s+/g, ' ').replace(/"/g, "'")),
        declarations: text
          .slice(open + 1, close - 1)
          .split(';')
          .map((d) => d.trim())
          .filter(Boolean)
          .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
      });
    i = close;
  }
  return rules;
}

const RULES = parseCss(read('./styles.css') + read('./presentation/presentation.css'));
const THEMES: Theme[] = ['dark', 'light'];

/** The custom properties in force on the root element when `data-theme` is `theme`. */
function themeProperties(theme: Theme): Map<string, string> {
  const props = new Map<string, string>();
  for (const rule of RULES)
    if (rule.selectors.some((s) => s === ':root' || s === `[data-theme='${theme}']`))
      for (const [p, v] of rule.declarations) if (p.startsWith('--')) props.set(p, v);
  return props;
}
const PROPS = { dark: themeProperties('dark'), light: themeProperties('light') };

/** The value a rule for exactly this selector gives the property (the last one, as the cascade does). */
function declared(selector: string, property: string): string {
  const values = RULES.filter((r) => r.selectors.includes(selector)).flatMap((r) =>
    r.declarations.filter(([p]) => p === property).map(([, v]) => v),
  );
  if (!values.length) throw new Error(`styles.css has no ${property} for ${selector}`);
  return values.at(-1)!;
}

type Paint = { colour: Rgb; alpha: number };

/** The colour in a CSS value (a custom property, a hex colour or an sRGB color-mix) in a theme. */
function paint(value: string, theme: Theme): Paint {
  const resolveVar = (v: string) =>
    v.replace(/var\((--[\w-]+)\)/g, (_, name: string) => {
      const found = PROPS[theme].get(name);
      if (!found) throw new Error(`--${name} is not defined for the ${theme} theme`);
      return found;
    });
  const v = resolveVar(value);
  const mix = /color-mix\(in srgb,\s*(#[0-9a-f]+)\s+(\d+)%,\s*(#[0-9a-f]+|transparent)\)/i.exec(v);
  if (mix) {
    const share = Number(mix[2]) / 100;
    return mix[3] === 'transparent'
      ? { colour: rgb(mix[1]!), alpha: share }
      : { colour: over(rgb(mix[1]!), share, rgb(mix[3]!)), alpha: 1 };
  }
  const colour = /#[0-9a-f]{3,6}\b/i.exec(v)?.[0];
  if (!colour) throw new Error(`no colour in "${value}"`);
  return { colour: rgb(colour), alpha: 1 };
}

/** What a CSS selector paints for a property, composited on `under` when it is see-through. */
function css(theme: Theme, selector: string, property: string, under?: Rgb): Rgb {
  const { colour, alpha } = paint(declared(selector, property), theme);
  if (alpha === 1) return colour;
  if (!under) throw new Error(`${selector} ${property} is see-through: say what it sits on`);
  return over(colour, alpha, under);
}

// The checks.

type Need = 'text' | 'graphic';
const MINIMUM: Record<Need, number> = { text: 4.5, graphic: 3 };

interface Check {
  /** `theme: what on background`, stable across colour changes. */
  key: string;
  need: Need;
  fg: Rgb;
  bg: Rgb;
}

const checks: Check[] = [];
function check(theme: Theme, need: Need, what: string, fg: Rgb, on: string, bg: Rgb) {
  checks.push({ key: `${theme}: ${what} on ${on}`, need, fg, bg });
}

/** The numbers an expression can give a property (those a `case` or `match` chooses from). */
const numbers = (value: unknown): number[] =>
  typeof value === 'number' ? [value] : Array.isArray(value) ? value.flatMap(numbers) : [];
const thinnest = (value: unknown) => Math.min(...numbers(value));
const thickest = (value: unknown) => Math.max(...numbers(value));

for (const theme of THEMES) {
  const surface = css(theme, '.panel', 'background');
  const surface2 = css(theme, '.stat-tile', 'background');
  const page = css(theme, 'body', 'background');
  const selected = css(theme, '.data-table tr.is-selected', 'background');
  const banner = css(theme, '.banner', 'background');
  const critical = css(theme, '.banner--critical', 'background');
  const isNew = css(theme, '.data-table tr.is-new td', 'background', surface);
  const timeline = css(theme, '.map-timeline', 'background');
  const kpiCard = css(theme, '.kpi-card', 'background');
  const mapPanel = css(theme, '.territory-map', 'background');
  const dialog = css(theme, '.wall-interrupt__dialog', 'background');
  const text = css(theme, 'body', 'color');
  const map = BASE_COLOURS[theme];
  const land = rgb(map.land);
  const mapBackground = rgb(map.background);
  // The presentation's card is see-through over the map.
  const card = css(theme, '.presentation-card', 'background', mapBackground);

  // Text, 4.5:1.
  const panels = { page, panel: surface, 'raised tile': surface2, 'selected row': selected, banner };
  for (const [on, bg] of Object.entries(panels)) check(theme, 'text', 'body text', text, on, bg);
  check(theme, 'text', 'body text', text, 'critical banner', critical);
  check(theme, 'text', 'body text', text, 'new table row', isNew);
  const muted: [string, string, Rgb][] = [
    ['.panel__status', 'panel', surface],
    ['.stat-tile__label', 'raised tile', surface2],
    ['.brand__product', 'header', css(theme, '.shell__header', 'background')],
    ['.data-table thead th', 'table header', css(theme, '.data-table thead th', 'background')],
    ['.data-table tr.is-stale td', 'panel', surface],
    ['.data-table tr.is-stale td', 'selected row', selected],
    ['.data-table tr.is-stale td', 'new table row', isNew],
    ['.map-timeline__ends', 'timeline', timeline],
    ['.kpi-card__facts dt', 'KPI card', kpiCard],
    ['.map-legend__note', 'map panel', mapPanel],
    ['.shell__footer', 'page', page],
    ['.presentation-caption__position', 'presentation card', card],
    ['.presentation-card__notice', 'presentation card', card],
  ];
  for (const [selector, on, bg] of muted)
    check(theme, 'text', `muted text (${selector})`, css(theme, selector, 'color'), on, bg);
  for (const [on, bg] of Object.entries({ page, panel: surface, 'raised tile': surface2 }))
    check(theme, 'text', 'link', css(theme, 'a', 'color'), on, bg);
  check(theme, 'text', 'link button', css(theme, '.link-button', 'color'), 'selected row', selected);
  check(theme, 'text', 'stale status', css(theme, '.panel__status--stale', 'color'), 'panel', surface);
  check(theme, 'text', 'body text', text, 'presentation card', card);
  check(theme, 'text', 'key figure', css(theme, '.scene-figure__value', 'color'), 'presentation card', card);
  check(
    theme,
    'text',
    'critical heading',
    css(theme, '.wall-interrupt__dialog h2', 'color'),
    'dialog',
    dialog,
  );
  check(theme, 'text', 'critical problem', css(theme, '.wall-interrupt__problem', 'color'), 'dialog', dialog);
  check(
    theme,
    'text',
    'forecast status',
    css(theme, '.map-timeline--forecast .map-timeline__status strong', 'color'),
    'timeline',
    timeline,
  );
  check(
    theme,
    'text',
    'forecast time badge',
    css(theme, '.map-time-badge--forecast', 'color'),
    'time badge',
    css(theme, '.map-time-badge', 'background'),
  );

  // Status shapes and tone colours, 3:1: badges sit in tables, tiles and cards.
  for (const tone of ['good', 'warning', 'bad', 'neutral']) {
    const shape = css(theme, `.badge--${tone} .badge__shape`, 'color');
    for (const [on, bg] of Object.entries({
      panel: surface,
      'raised tile': surface2,
      'selected row': selected,
    }))
      check(theme, 'graphic', `${tone} badge shape`, shape, on, bg);
  }
  for (const state of ['connected', 'degraded', 'unreachable'])
    check(
      theme,
      'graphic',
      `${state} status shape`,
      css(theme, `.global-status--${state} .global-status__shape`, 'color'),
      'header',
      css(theme, '.shell__header', 'background'),
    );
  // A coloured edge must stand out from the tile it marks and from the panel around it.
  const edges: [string, string, Rgb][] = [
    ['.stat-tile', 'border-left', surface2],
    ['.stat-tile--good', 'border-left-color', surface2],
    ['.stat-tile--warning', 'border-left-color', surface2],
    ['.stat-tile--bad', 'border-left-color', surface2],
    ['.kpi-card', 'border-left', kpiCard],
    ['.kpi-card--good', 'border-left-color', kpiCard],
    ['.kpi-card--bad', 'border-left-color', kpiCard],
    ['.map-timeline', 'border-left', timeline],
    ['.map-timeline--past', 'border-left-color', timeline],
    ['.map-timeline--forecast', 'border-left-color', timeline],
    ['.banner--bad', 'border-left', banner],
    ['.banner--warning', 'border-left', banner],
    ['.banner--critical', 'border-left', critical],
  ];
  for (const [selector, property, inside] of edges) {
    const edge = css(theme, selector, property);
    check(theme, 'graphic', `edge of ${selector}`, edge, 'its own background', inside);
    check(theme, 'graphic', `edge of ${selector}`, edge, 'panel', surface);
  }
  const marks: [string, string, string, Rgb][] = [
    ['.panel__message--error', 'border-left', 'panel', surface],
    ['.forecast-drift', 'border-left', 'panel', surface],
    ['.territory-map__errors', 'border-left', 'map panel', mapPanel],
    ['.wall-interrupt__dialog', 'border-left', 'dialog', dialog],
    ['.presentation-mark', 'border', 'presentation card', card],
    ['.presentation-card', 'border-left', 'presentation card', card],
    [
      ".shell__nav a[aria-current='page']",
      'border-bottom-color',
      'navigation',
      css(theme, '.shell__nav', 'background'),
    ],
    [
      ".button[aria-pressed='true']",
      'border-color',
      'its own background',
      css(theme, ".button[aria-pressed='true']", 'background'),
    ],
    ['.data-table tr.is-new td:first-child', 'box-shadow', 'new table row', isNew],
    ['.wall-strip__progress', 'background', 'progress track', css(theme, '.wall-strip__track', 'background')],
    [
      '.wall-strip__progress--held',
      'background',
      'progress track',
      css(theme, '.wall-strip__track', 'background'),
    ],
    ['.map-legend__swatch', 'border', 'map panel', mapPanel],
    ['.map-legend__swatch--forecast', 'border-color', 'map panel', mapPanel],
    ['.map-time-badge', 'border', 'time badge', css(theme, '.map-time-badge', 'background')],
    ['.map-time-badge--forecast', 'border-color', 'map land', land],
    ['.territory-map__stage--past', 'outline', 'map land', land],
    ['.territory-map__stage--forecast::after', 'border-image', 'map land', land],
  ];
  for (const [selector, property, on, bg] of marks)
    check(theme, 'graphic', `${property} of ${selector}`, css(theme, selector, property), on, bg);
  // The focus ring is drawn outside the element, on whatever is around it.
  const focus = css(theme, ':focus-visible', 'outline');
  for (const [on, bg] of Object.entries({
    page,
    panel: surface,
    'raised tile': surface2,
    'selected row': selected,
  }))
    check(theme, 'graphic', 'focus ring', focus, on, bg);
  check(theme, 'graphic', 'focus ring', focus, 'map land', land);
  // A text field is found by its boundary against what is around it.
  check(theme, 'graphic', 'text field border', css(theme, 'input', 'border'), 'panel', surface);

  // The map: marks sit on the territory's land, its outline at the edge of the land.
  const options: OverlayOptions = {
    theme,
    scale: 1,
    pollutant: 'all',
    coverageMetric: 'rsrp',
    clusterSensors: true,
    timeMode: 'live',
  };
  const byId = (list: { id: string }[]) =>
    new Map(list.map((l) => [l.id, l as { paint?: Record<string, unknown> }]));
  const live = byId([...overlayLayers(options), ...labelLayers(theme)]);
  const predicted = byId(overlayLayers({ ...options, timeMode: 'forecast' }));
  const overlay = (id: string, from = live) => {
    const layer = from.get(id);
    if (!layer?.paint) throw new Error(`no map layer ${id}`);
    return layer.paint;
  };
  const surfaces = { 'map land': land, 'map background': mapBackground };
  for (const [on, bg] of Object.entries(surfaces)) {
    check(theme, 'graphic', 'marker outline', rgb(map.marker), on, bg);
    const ring = rgb(String(overlay('air-points', predicted)['circle-stroke-color']));
    check(theme, 'graphic', 'forecast ring', ring, on, bg);
    check(theme, 'graphic', 'metropolitan boundary', rgb(map.boundary), on, bg);
  }
  check(theme, 'graphic', 'municipality outline', rgb(map.outline), 'map land', land);
  check(theme, 'graphic', 'road (a corridor to pick)', rgb(map.road), 'map land', land);
  const highlight = overlay('corridor-highlight', byId(basemapLayers(theme)));
  const picked = thickest(highlight['line-opacity']);
  check(
    theme,
    'graphic',
    'selected corridor',
    over(rgb(String(highlight['line-color'])), picked, land),
    'map land',
    land,
  );
  for (const id of ['municipality-labels', 'sites-labels', 'traffic-cluster-counts', 'air-cluster-counts']) {
    const p = overlay(id);
    const halo = rgb(String(p['text-halo-color']));
    check(theme, 'text', `${id} text`, rgb(String(p['text-color'])), 'its halo', halo);
  }
  check(theme, 'text', 'map label', rgb(map.label), 'map land', land);

  // A mark outlined in the marker colour at 1 px or more is told from the land by its outline;
  // a thinner outline is not enough, and the fill itself must stand out.
  const filled: [string, LegendClass[]][] = [
    ['air-points', [...EAQI_CLASSES, STALE_CLASS]],
    ['air-clusters', EAQI_CLASSES],
    ['traffic-points', [...inTheme(CONGESTION_CLASSES, theme), STALE_CLASS]],
    ['traffic-clusters', inTheme([CONGESTION_CLASSES[0]!, CONGESTION_CLASSES[2]!], theme)],
    ['sites-points', SITE_STATUS_CLASSES.filter((c) => c.value !== 'offline')],
  ];
  for (const [id, classes] of filled) {
    const p = overlay(id);
    // The stroke is the marker colour, or for sites a `case` whose last branch is.
    const stroke = p['circle-stroke-color'];
    expect(Array.isArray(stroke) ? stroke.at(-1) : stroke).toBe(map.marker);
    if (thinnest(p['circle-stroke-width']) >= 1) continue;
    for (const c of classes)
      check(theme, 'graphic', `${id} ${c.value} fill`, rgb(c.colour), 'map land', land);
  }
  // Rings and lines are only their colour.
  for (const c of inTheme(SEVERITY_CLASSES, theme))
    check(theme, 'graphic', `alert ring ${c.value}`, rgb(c.colour), 'map land', land);
  for (const c of inTheme(QKD_STATE_CLASSES, theme))
    check(theme, 'graphic', `QKD link ${c.value}`, rgb(c.colour), 'map land', land);
  const offline = SITE_STATUS_CLASSES.find((c) => c.value === 'offline')!;
  check(theme, 'graphic', 'offline site ring', rgb(offline.colour), 'map land', land);
  check(
    theme,
    'graphic',
    'mmWave ring',
    rgb(String(overlay('sites-mmwave')['circle-stroke-color'])),
    'map land',
    land,
  );
  // In the legend, ring and line swatches are only their colour too.
  for (const c of inTheme(SEVERITY_CLASSES, theme))
    check(theme, 'graphic', `legend ring ${c.value}`, rgb(c.colour), 'map panel', mapPanel);
  for (const c of inTheme(QKD_STATE_CLASSES, theme))
    check(theme, 'graphic', `legend line QKD ${c.value}`, rgb(c.colour), 'map panel', mapPanel);

  // Charts are drawn on the panel (the KPI trend on its card), without a background of their own.
  const chart = FORECAST_COLOURS[theme];
  check(theme, 'text', 'chart text', rgb(chart.text), 'panel', surface);
  check(theme, 'text', '"now" label', rgb(chart.now), 'panel', surface);
  check(theme, 'text', 'reference line label', rgb(chart.threshold), 'panel', surface);
  for (const line of ['observed', 'median', 'now', 'threshold'] as const)
    check(theme, 'graphic', `chart ${line} line`, rgb(chart[line]), 'panel', surface);
  check(theme, 'graphic', 'key pool stored-keys line', rgb(chart.band), 'panel', surface);
  check(
    theme,
    'graphic',
    'forecast likely-range area (35 %)',
    over(rgb(chart.band), 0.35, rgb(hex(surface))),
    'panel',
    surface,
  );
  // EAQI bands are painted behind a forecast at 18 %, named in chart text.
  for (const c of EAQI_CLASSES)
    check(
      theme,
      'text',
      'chart text',
      rgb(chart.text),
      `EAQI band ${c.value} area`,
      over(rgb(c.colour), 0.18, surface),
    );
  check(
    theme,
    'text',
    'chart text',
    rgb(chart.text),
    'no-secret-key area',
    over(rgb(chart.threshold), 0.18, surface),
  );
  const trend = TREND_COLOURS[theme];
  check(theme, 'graphic', 'KPI trend line', rgb(trend.line), 'KPI card', kpiCard);
  check(theme, 'graphic', 'KPI target line', rgb(trend.target), 'KPI card', kpiCard);
  // The sensor history keeps its colours to itself: read them from its source.
  const history = new RegExp(`${theme}: \\{ line: '(#\\w+)', text: '(#\\w+)'`).exec(
    read('../components/map/sensor-history.tsx'),
  );
  if (!history) throw new Error('sensor-history.tsx: chart colours not found');
  const details = css(theme, '.map-details', 'background');
  check(theme, 'graphic', 'sensor history line', rgb(history[1]!), 'details panel', details);
  check(theme, 'text', 'sensor history text', rgb(history[2]!), 'details panel', details);
}

/**
 * Colours that fail today, each with why it is not a one-value fix. Each row is expected to fail;
 * once the colour is fixed its test turns red: remove the row.
 */
const KNOWN_GAPS: Record<string, string> = {
  // The likely range is a 35 % wash; its edge is not drawn (forecast-option.ts opacity).
  'dark: forecast likely-range area (35 %) on panel': 'opacity in forecast-option.ts',
  'light: forecast likely-range area (35 %) on panel': 'opacity in forecast-option.ts',
};

const byKey = new Map(checks.map((c) => [c.key, c]));
const row = (c: Check) =>
  [c.key, MINIMUM[c.need], hex(c.fg), hex(c.bg), Number(contrast(c.fg, c.bg).toFixed(2))] as const;

describe('colour contrast (WCAG 2.1 AA)', () => {
  it('checks every theme and no check twice', () => {
    expect(byKey.size).toBe(checks.length);
    expect(checks.filter((c) => c.key.startsWith('dark:')).length).toBe(
      checks.filter((c) => c.key.startsWith('light:')).length,
    );
  });

  it('lists as known gaps only checks that exist', () => {
    expect(Object.keys(KNOWN_GAPS).filter((key) => !byKey.has(key))).toEqual([]);
  });

  it.each(checks.filter((c) => !(c.key in KNOWN_GAPS)).map(row))(
    '%s: at least %s:1 (%s on %s is %s:1)',
    (key) => {
      const c = byKey.get(key)!;
      expect(contrast(c.fg, c.bg)).toBeGreaterThanOrEqual(MINIMUM[c.need]);
    },
  );

  it.fails.each(checks.filter((c) => c.key in KNOWN_GAPS).map(row))(
    'known gap: %s: at least %s:1 (%s on %s is %s:1)',
    (key) => {
      const c = byKey.get(key)!;
      expect(contrast(c.fg, c.bg)).toBeGreaterThanOrEqual(MINIMUM[c.need]);
    },
  );
});
