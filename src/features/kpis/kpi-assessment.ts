import type { Kpi } from '../../api/schemas/kpis';
import type { Tone } from '../../components/ui/stat-tile';
import { t } from '../../i18n/i18n';
import { formatEuro, formatNumber, formatPercent } from '../../lib/format';

export function formatKpiValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '€') return formatEuro(value);
  if (unit === '%') return formatPercent(value / 100, 1);
  return unit ? `${formatNumber(value, 2)} ${unit}` : formatNumber(value, 2);
}

/**
 * A value as a card shows it: the number, and its unit apart so it can be set smaller. Euros and
 * percentages carry their sign in the number; `compact` shortens euros for a wall (€2.24M).
 */
export function kpiValueParts(value: number | null, unit: string, compact = false): [string, string] {
  if (value === null) return ['—', ''];
  if (unit === '€') return [formatEuro(value, compact), ''];
  if (unit === '%' || !unit) return [formatKpiValue(value, unit), ''];
  return [formatNumber(value, 2), unit];
}

export interface KpiAssessment {
  tone: Tone;
  label: string;
  /** For sorting: misses first, then no target, then meets. */
  rank: number;
  /** The change from the previous period in words: "↑ 5 (better)". */
  change: string;
  /** The same change as a signed number, or null when there is no previous value. */
  delta: number | null;
}

/** Whether a KPI meets its target and which way it moved, in words. */
export function kpiAssessment(kpi: Kpi): KpiAssessment {
  const { value, target, previous, direction } = kpi;
  const better = (a: number, b: number) => (direction === 'higher-is-better' ? a >= b : a <= b);
  let change = '—';
  const delta = value !== null && previous !== null ? value - previous : null;
  if (delta !== null && value !== null && previous !== null) {
    if (delta === 0) change = t('kpi.noChange');
    else
      change = `${delta > 0 ? '↑' : '↓'} ${formatNumber(Math.abs(delta), 2)} (${t(better(value, previous) ? 'kpi.better' : 'kpi.worse')})`;
  }
  if (value === null || target === null)
    return { tone: 'neutral', label: t('kpi.noTarget'), rank: 1, change, delta };
  return better(value, target)
    ? { tone: 'good', label: t('kpi.meetsTarget'), rank: 2, change, delta }
    : { tone: 'bad', label: t('kpi.missesTarget'), rank: 0, change, delta };
}
