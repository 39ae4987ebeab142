import type { MessageKey } from '../i18n/catalogue';

/** 5G NR SS-RSRP classes (dBm). */
export const RSRP_CLASSES = ['excellent', 'good', 'fair', 'poor', 'no-service'] as const;
export type RsrpClass = (typeof RSRP_CLASSES)[number];

export function rsrpClass(dbm: number): RsrpClass {
  if (dbm >= -80) return 'excellent';
  if (dbm >= -90) return 'good';
  if (dbm >= -100) return 'fair';
  if (dbm >= -110) return 'poor';
  return 'no-service';
}

export const RSRP_LABELS: Record<RsrpClass, MessageKey> = {
  excellent: 'signal.excellent',
  good: 'signal.good',
  fair: 'signal.fair',
  poor: 'signal.poor',
  'no-service': 'signal.noService',
};
