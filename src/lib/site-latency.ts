import type { Site } from '../api/schemas/network';
import { formatNumber } from './format';

/** A site's latency in ms, formatted; none for an offline site, which answers no probe. */
export const siteLatency = (site: Pick<Site, 'status' | 'latencyMs'>) =>
  site.status === 'offline' ? null : formatNumber(site.latencyMs, 1);
