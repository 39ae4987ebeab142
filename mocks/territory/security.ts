/** Alerts and QKD links in one import, for the e2e specs that take the QBER thresholds from here. */
export * from './alerts';
export * from './qkd';
