import type { SiteStatus } from '../../api/schemas/network';
import type { AlertStatus, Severity } from '../../api/schemas/security';
import type { Tone } from './stat-tile';

/** Shared words and tones for statuses, so every view says the same thing the same way. */

export const SITE_STATUS_TONE: Record<SiteStatus, Tone> = {
  online: 'good',
  degraded: 'warning',
  offline: 'bad',
  maintenance: 'neutral',
};
export const SITE_STATUS_LABEL: Record<SiteStatus, string> = {
  online: 'Online',
  degraded: 'Degraded',
  offline: 'Offline',
  maintenance: 'Maintenance',
};

export const SEVERITY_TONE: Record<Severity, Tone> = {
  informational: 'neutral',
  low: 'neutral',
  medium: 'warning',
  high: 'bad',
  critical: 'bad',
};
export const SEVERITY_LABEL: Record<Severity, string> = {
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const ALERT_STATUS_LABEL: Record<AlertStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** EAQI band 1–6 as a tone. */
export function eaqiTone(band: number): Tone {
  if (band <= 2) return 'good';
  if (band === 3) return 'warning';
  return 'bad';
}
