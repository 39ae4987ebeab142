import type { MessageKey } from '../i18n/catalogue';

/** 5G NR SS-RSRP classes (dBm). */
export const RSRP_CLASSES = ['excellent', 'good', 'fair', 'poor', 'no-service'] as const;
export type RsrpClass = (typeof RSRP_CLASSES)[number];

/**
 * Covered means having service: SS-RSRP at or above −110 dBm, the floor of the "poor" class.
 * The map, the coverage summary and the KPIs all count coverage by this one threshold.
 */
export const COVERED_MIN_DBM = -110;

export const isCovered = (dbm: number) => dbm >= COVERED_MIN_DBM;

/** The threshold as the screen states it, the same in every language. */
export const COVERED_THRESHOLD = `SS-RSRP ≥ −${Math.abs(COVERED_MIN_DBM)} dBm`;

export function rsrpClass(dbm: number): RsrpClass {
  if (dbm >= -80) return 'excellent';
  if (dbm >= -90) return 'good';
  if (dbm >= -100) return 'fair';
  if (dbm >= COVERED_MIN_DBM) return 'poor';
  return 'no-service';
}

export const RSRP_LABELS: Record<RsrpClass, MessageKey> = {
  excellent: 'signal.excellent',
  good: 'signal.good',
  fair: 'signal.fair',
  poor: 'signal.poor',
  'no-service': 'signal.noService',
};
