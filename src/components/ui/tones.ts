import type { DeviceCategory, DeviceState, FacilityKind } from '../../api/schemas/health';
import type { SiteStatus } from '../../api/schemas/network';
import type { AlertStatus, Severity } from '../../api/schemas/security';
import type { MessageKey } from '../../i18n/catalogue';
import { liveLabels } from '../../lib/live-labels';
import type { Tone } from './stat-tile';

/**
 * Shared words and tones for statuses, so every view says the same thing the same way. The
 * `*_KEYS` maps are for `t(...)` in components; the `*_LABEL` maps give the text in the current language.
 */

export const SITE_STATUS_TONE: Record<SiteStatus, Tone> = {
  online: 'good',
  degraded: 'warning',
  offline: 'bad',
  maintenance: 'neutral',
};
export const SITE_STATUS_KEYS: Record<SiteStatus, MessageKey> = {
  online: 'siteStatus.online',
  degraded: 'siteStatus.degraded',
  offline: 'siteStatus.offline',
  maintenance: 'siteStatus.maintenance',
};
export const SITE_STATUS_LABEL = liveLabels(SITE_STATUS_KEYS);

export const SEVERITY_TONE: Record<Severity, Tone> = {
  informational: 'neutral',
  low: 'neutral',
  medium: 'warning',
  high: 'bad',
  critical: 'bad',
};
export const SEVERITY_KEYS: Record<Severity, MessageKey> = {
  informational: 'severity.informational',
  low: 'severity.low',
  medium: 'severity.medium',
  high: 'severity.high',
  critical: 'severity.critical',
};
export const SEVERITY_LABEL = liveLabels(SEVERITY_KEYS);

export const ALERT_STATUS_KEYS: Record<AlertStatus, MessageKey> = {
  open: 'alertStatus.open',
  acknowledged: 'alertStatus.acknowledged',
  in_progress: 'alertStatus.inProgress',
  resolved: 'alertStatus.resolved',
  closed: 'alertStatus.closed',
};
export const ALERT_STATUS_LABEL = liveLabels(ALERT_STATUS_KEYS);

/** EAQI band 1–6 as a tone. */
export function eaqiTone(band: number): Tone {
  if (band <= 2) return 'good';
  if (band === 3) return 'warning';
  return 'bad';
}

export const DEVICE_STATE_TONE: Record<DeviceState, Tone> = {
  'in-use': 'good',
  idle: 'good',
  maintenance: 'neutral',
  fault: 'bad',
  offline: 'bad',
};
export const DEVICE_STATE_KEYS: Record<DeviceState, MessageKey> = {
  'in-use': 'deviceState.in-use',
  idle: 'deviceState.idle',
  maintenance: 'deviceState.maintenance',
  fault: 'deviceState.fault',
  offline: 'deviceState.offline',
};

export const FACILITY_KIND_KEYS: Record<FacilityKind, MessageKey> = {
  hospital: 'facilityKind.hospital',
  'community-house': 'facilityKind.community-house',
  clinic: 'facilityKind.clinic',
};

export const DEVICE_CATEGORY_KEYS: Record<DeviceCategory, MessageKey> = {
  endoscope: 'deviceCategory.endoscope',
  'skin-probe': 'deviceCategory.skin-probe',
  'eye-probe': 'deviceCategory.eye-probe',
};
