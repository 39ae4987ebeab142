import type { Kpi } from '../../api/schemas/kpis';
import type { Tone } from '../../components/ui/stat-tile';
import { formatEuro, formatNumber } from '../../lib/format';

export function formatKpiValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '€') return formatEuro(value);
  if (unit === '%') return `${formatNumber(value, 1)} %`;
  return unit ? `${formatNumber(value, 2)} ${unit}` : formatNumber(value, 2);
}

/** Whether a KPI meets its target and which way it moved, in words. */
export function kpiAssessment(kpi: Kpi): { tone: Tone; label: string; rank: number; change: string } {
  const { value, target, previous, direction } = kpi;
  const better = (a: number, b: number) => (direction === 'higher-is-better' ? a >= b : a <= b);
  let change = '—';
  if (value !== null && previous !== null) {
    const delta = value - previous;
    if (delta === 0) change = 'No change';
    else
      change = `${delta > 0 ? '↑' : '↓'} ${formatNumber(Math.abs(delta), 2)} (${better(value, previous) ? 'better' : 'worse'})`;
  }
  if (value === null || target === null) return { tone: 'neutral', label: 'No target', rank: 1, change };
  return better(value, target)
    ? { tone: 'good', label: 'Meets target', rank: 2, change }
    : { tone: 'bad', label: 'Misses target', rank: 0, change };
}
