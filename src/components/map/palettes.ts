import type { SiteStatus } from '../../api/schemas/network';
import type { Severity } from '../../api/schemas/security';
import type { CongestionLevel } from '../../lib/traffic';
import type { RsrpClass } from '../../lib/signal';

/**
 * Colour-blind-safe classes for every layer (Okabe–Ito hues and single-hue sequential ramps),
 * each named in words for the legend. Markers also get a contrasting outline, so no class is
 * told by colour alone.
 */

export interface LegendClass {
  value: string;
  label: string;
  colour: string;
}

export const SITE_STATUS_CLASSES: (LegendClass & { value: SiteStatus })[] = [
  { value: 'online', label: 'Online', colour: '#56b4e9' },
  { value: 'degraded', label: 'Degraded', colour: '#e69f00' },
  { value: 'offline', label: 'Offline (ring)', colour: '#d55e00' },
  { value: 'maintenance', label: 'Maintenance', colour: '#a0a0a0' },
];

export const RSRP_CLASS_COLOURS: (LegendClass & { value: RsrpClass })[] = [
  { value: 'excellent', label: 'Excellent, ≥ −80 dBm', colour: '#08519c' },
  { value: 'good', label: 'Good, −80 to −90 dBm', colour: '#3182bd' },
  { value: 'fair', label: 'Fair, −90 to −100 dBm', colour: '#6baed6' },
  { value: 'poor', label: 'Poor, −100 to −110 dBm', colour: '#c6dbef' },
  { value: 'no-service', label: 'No service, < −110 dBm', colour: '#7f7f7f' },
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
  { value: '1', label: 'Good', colour: '#fcfdbf' },
  { value: '2', label: 'Fair', colour: '#fdc38d' },
  { value: '3', label: 'Moderate', colour: '#f8765c' },
  { value: '4', label: 'Poor', colour: '#d3436e' },
  { value: '5', label: 'Very poor', colour: '#982d80' },
  { value: '6', label: 'Extremely poor', colour: '#5f187f' },
];

export const CONGESTION_CLASSES: (LegendClass & { value: CongestionLevel })[] = [
  { value: 'free', label: 'Free flow (≥ 80 % of free-flow speed)', colour: '#009e73' },
  { value: 'busy', label: 'Busy (50–80 %)', colour: '#f0e442' },
  { value: 'congested', label: 'Congested (< 50 %)', colour: '#d55e00' },
];

/** Share of a municipality's population with 5G service, lower bounds. */
export const POPULATION_COVERAGE_CLASSES: (LegendClass & { min: number })[] = [
  { value: 'cov-90', min: 0.9, label: '90–100 % covered', colour: '#3f007d' },
  { value: 'cov-75', min: 0.75, label: '75–90 %', colour: '#6a51a3' },
  { value: 'cov-50', min: 0.5, label: '50–75 %', colour: '#9e9ac8' },
  { value: 'cov-25', min: 0.25, label: '25–50 %', colour: '#cbc9e2' },
  { value: 'cov-0', min: 0, label: '< 25 %', colour: '#f2f0f7' },
];

/** Worst severity of the open alerts at a place, as a ring around it (graver is hotter). */
export const SEVERITY_CLASSES: (LegendClass & { value: Severity })[] = [
  { value: 'critical', label: 'Critical', colour: '#ff2d55' },
  { value: 'high', label: 'High', colour: '#e69f00' },
  { value: 'medium', label: 'Medium', colour: '#f0e442' },
  { value: 'low', label: 'Low', colour: '#56b4e9' },
  { value: 'informational', label: 'Informational', colour: '#b0b0b0' },
];

export const QKD_STATE_CLASSES: (LegendClass & { value: 'up' | 'degraded' | 'down' })[] = [
  { value: 'up', label: 'Up: QBER below the alarm threshold', colour: '#009e73' },
  { value: 'degraded', label: 'Degraded: above the alarm threshold (dashed)', colour: '#f0e442' },
  { value: 'down', label: 'Down: no secure key (dotted)', colour: '#d55e00' },
];

export const STALE_COLOUR = '#8c8c8c';
export const STALE_LABEL = 'Not reporting (missed two cadences)';
