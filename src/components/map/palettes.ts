import type { DeviceState } from '../../api/schemas/health';
import type { SiteStatus } from '../../api/schemas/network';
import type { Severity } from '../../api/schemas/security';
import type { MessageKey } from '../../i18n/catalogue';
import { t } from '../../i18n/i18n';
import { EAQI_LABEL_KEYS } from '../../lib/eaqi';
import { SEVERITY_KEYS, SITE_STATUS_KEYS } from '../ui/tones';
import type { CongestionLevel } from '../../lib/traffic';
import type { RsrpClass } from '../../lib/signal';
import type { Theme } from '../../store/ui-store';

/**
 * Colour-blind-safe classes for every layer (Okabe–Ito hues and single-hue sequential ramps),
 * each named in words for the legend. Markers also get a contrasting outline, so no class is
 * told by colour alone.
 */

export interface LegendClass {
  value: string;
  /** In the language on screen. */
  readonly label: string;
  colour: string;
}

/** A class whose label is read in the language on screen each time it is shown. */
function named<V extends string>(value: V, key: MessageKey, colour: string) {
  return {
    value,
    colour,
    get label() {
      return t(key);
    },
  };
}

export const SITE_STATUS_CLASSES: (LegendClass & { value: SiteStatus })[] = [
  named('online', SITE_STATUS_KEYS.online, '#56b4e9'),
  named('degraded', SITE_STATUS_KEYS.degraded, '#e69f00'),
  named('offline', 'map.legend.siteOffline', '#d55e00'),
  named('maintenance', SITE_STATUS_KEYS.maintenance, '#a0a0a0'),
];

export const RSRP_CLASS_COLOURS: (LegendClass & { value: RsrpClass })[] = [
  named('excellent', 'map.legend.rsrp.excellent', '#08519c'),
  named('good', 'map.legend.rsrp.good', '#3182bd'),
  named('fair', 'map.legend.rsrp.fair', '#6baed6'),
  named('poor', 'map.legend.rsrp.poor', '#c6dbef'),
  named('no-service', 'map.legend.rsrp.noService', '#7f7f7f'),
];

/** Expected download classes (Mbit/s), lower bounds, best first. */
export const DL_CLASSES: (LegendClass & { min: number })[] = [
  { value: 'dl-500', min: 500, label: '≥ 500 Mbit/s', colour: '#08519c' },
  { value: 'dl-200', min: 200, label: '200–500 Mbit/s', colour: '#3182bd' },
  { value: 'dl-100', min: 100, label: '100–200 Mbit/s', colour: '#6baed6' },
  { value: 'dl-30', min: 30, label: '30–100 Mbit/s', colour: '#c6dbef' },
  { value: 'dl-0', min: 0, label: '< 30 Mbit/s', colour: '#7f7f7f' },
];

/** EAQI bands 1–6 on a sequential ramp from light to dark (magma-like), readable in greyscale. */
export const EAQI_CLASSES: LegendClass[] = [
  named('1', EAQI_LABEL_KEYS.good, '#fcfdbf'),
  named('2', EAQI_LABEL_KEYS.fair, '#fdc38d'),
  named('3', EAQI_LABEL_KEYS.moderate, '#f8765c'),
  named('4', EAQI_LABEL_KEYS.poor, '#d3436e'),
  named('5', EAQI_LABEL_KEYS['very-poor'], '#982d80'),
  named('6', EAQI_LABEL_KEYS['extremely-poor'], '#5f187f'),
];

export const CONGESTION_CLASSES: (LegendClass & { value: CongestionLevel })[] = [
  named('free', 'map.legend.congestion.free', '#009e73'),
  named('busy', 'map.legend.congestion.busy', '#f0e442'),
  named('congested', 'map.legend.congestion.congested', '#d55e00'),
];

/** Share of a municipality's population with 5G service, lower bounds. */
export const POPULATION_COVERAGE_CLASSES: (LegendClass & { min: number })[] = [
  // Not spread: a spread would read the label once, in the language of the moment.
  Object.assign(named('cov-90', 'map.legend.covered90', '#3f007d'), { min: 0.9 }),
  { value: 'cov-75', min: 0.75, label: '75–90%', colour: '#6a51a3' },
  { value: 'cov-50', min: 0.5, label: '50–75%', colour: '#9e9ac8' },
  { value: 'cov-25', min: 0.25, label: '25–50%', colour: '#cbc9e2' },
  { value: 'cov-0', min: 0, label: '< 25%', colour: '#f2f0f7' },
];

/** Worst severity of the open alerts at a place, as a ring around it (graver is hotter). */
export const SEVERITY_CLASSES: (LegendClass & { value: Severity })[] = [
  named('critical', SEVERITY_KEYS.critical, '#ff2d55'),
  named('high', SEVERITY_KEYS.high, '#e69f00'),
  named('medium', SEVERITY_KEYS.medium, '#f0e442'),
  named('low', SEVERITY_KEYS.low, '#2f8ad0'),
  named('informational', SEVERITY_KEYS.informational, '#888888'),
];

export const QKD_STATE_CLASSES: (LegendClass & { value: 'up' | 'degraded' | 'down' })[] = [
  named('up', 'map.legend.qkd.up', '#009e73'),
  named('degraded', 'map.legend.qkd.degraded', '#f0e442'),
  named('down', 'map.legend.qkd.down', '#d55e00'),
];

/**
 * A health facility by the worst state of its devices. Offline is drawn as a ring, as a site
 * off air is; the other states fill the marker.
 */
export const FACILITY_STATE_CLASSES: (LegendClass & { value: DeviceState })[] = [
  named('fault', 'deviceState.fault', '#d55e00'),
  named('offline', 'map.legend.deviceOffline', '#d55e00'),
  named('maintenance', 'deviceState.maintenance', '#a0a0a0'),
  named('in-use', 'deviceState.in-use', '#0072b2'),
  named('idle', 'deviceState.idle', '#56b4e9'),
];

/** A device's data path: the radio hop, then each link QKD-protected or classically encrypted. */
export const PATH_CLASSES: (LegendClass & { value: 'radio' | 'protected' | 'classical' })[] = [
  named('radio', 'map.legend.path.radio', '#a0a0a0'),
  named('protected', 'map.legend.path.protected', '#009e73'),
  named('classical', 'map.legend.path.classical', '#e69f00'),
];

/** Ring around a health facility whose devices' data now falls back to classical encryption. */
export const FALLBACK_COLOUR = '#cc79a7';

/** Ring around a site that also has the 26 GHz band. */
export const MMWAVE_COLOUR = '#f0e442';

/**
 * Okabe–Ito yellow and orange cannot stand out 3:1 from the light theme's near-white land; there
 * the rings, lines and fills that use them take darker shades of the same hues.
 */
const LIGHT_SHADES: Record<string, string> = { '#f0e442': '#857600', '#e69f00': '#b35900' };

export const shade = (colour: string, theme: Theme) =>
  theme === 'light' ? (LIGHT_SHADES[colour] ?? colour) : colour;

/** The classes in the theme's shades; labels stay read in the language on screen. */
export function inTheme<C extends LegendClass>(classes: readonly C[], theme: Theme): C[] {
  if (theme === 'dark') return [...classes];
  return classes.map((c) => Object.assign(Object.create(c) as C, { colour: shade(c.colour, theme) }));
}

export const STALE_COLOUR = '#8c8c8c';
export const STALE_CLASS: LegendClass = named('stale', 'map.legend.stale', STALE_COLOUR);
