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

export const RSRP_LABELS: Record<RsrpClass, string> = {
  excellent: 'Excellent (≥ −80 dBm)',
  good: 'Good (−80 to −90 dBm)',
  fair: 'Fair (−90 to −100 dBm)',
  poor: 'Poor (−100 to −110 dBm)',
  'no-service': 'No service (< −110 dBm)',
};
