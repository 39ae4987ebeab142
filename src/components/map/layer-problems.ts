import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { describeError } from '../ui/error-text';

/** One query a layer draws from, as the map knows it. */
export interface LayerInput {
  hasData: boolean;
  /** The error to show (kept while a query that never loaded is asked again), or null. */
  error: unknown;
  /** Whether its last refresh failed. */
  isError: boolean;
  dataUpdatedAt: number;
}

export interface LayerSource {
  label: MessageKey;
  /** Whether the layer is on the map. */
  shown: boolean;
  queries: readonly LayerInput[];
}

/**
 * What the map cannot show truthfully: the layers that could not load, each with every reason,
 * and the layers still drawn from data whose refresh failed, each with the time of that data.
 */
export function layerProblems(sources: readonly LayerSource[], t: Translate) {
  const failed: string[] = [];
  const stale: string[] = [];
  for (const { label, shown, queries } of sources) {
    if (!shown) continue;
    const missing = queries.filter((q) => !q.hasData && q.error);
    if (missing.length > 0) {
      const reasons = [...new Set(missing.map((q) => describeError(q.error, t)))];
      failed.push(`${t(label)}: ${reasons.join('; ')}`);
      continue;
    }
    const behind = queries.filter((q) => q.hasData && q.isError);
    if (queries.every((q) => q.hasData) && behind.length > 0) {
      const asOf = Math.min(...behind.map((q) => q.dataUpdatedAt));
      stale.push(t('map.layerStale', { layer: t(label), time: formatTime(asOf) }));
    }
  }
  return { failed, stale };
}
