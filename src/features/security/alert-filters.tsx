import {
  ALERT_STATUSES,
  SEVERITIES,
  type Alert,
  type AlertStatus,
  type Severity,
} from '../../api/schemas/security';
import { FilterSelect } from '../../components/ui/filter-select';
import { ALERT_STATUS_KEYS, SEVERITY_KEYS } from '../../components/ui/tones';
import { useT } from '../../i18n/use-t';
import { formatNumber } from '../../lib/format';

/** What the alerts list is narrowed to, as the URL holds it. */
export interface AlertFilter {
  severity?: Severity;
  status?: AlertStatus;
  /** Text searched for in an alert's fields and the name of its place. */
  q?: string;
}

function matches(alert: Alert, text: string, placeName: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return [
    alert.id,
    alert.category,
    alert.subCategory,
    alert.source,
    alert.description,
    alert.assignee ?? '',
    alert.place?.refId ?? '',
    placeName,
  ].some((field) => field.toLowerCase().includes(needle));
}

export const passesFilter = (alert: Alert, filter: AlertFilter, placeName: string) =>
  (!filter.severity || alert.severity === filter.severity) &&
  (!filter.status || alert.status === filter.status) &&
  matches(alert, filter.q ?? '', placeName);

interface AlertFiltersProps {
  filter: AlertFilter;
  shown: number;
  total: number;
  /** An empty value clears that filter. */
  onChange: (patch: AlertFilter) => void;
}

/** Severity, status and text to narrow the alerts to, and how many are shown of all. */
export function AlertFilters({ filter, shown, total, onChange }: AlertFiltersProps) {
  const t = useT();
  return (
    <div className="filters" role="group" aria-label={t('alerts.filter')}>
      <FilterSelect
        label={t('alerts.field.severity')}
        value={filter.severity}
        options={SEVERITIES}
        optionLabel={(s) => t(SEVERITY_KEYS[s])}
        allLabel={t('alerts.allSeverities')}
        onChange={(severity) => onChange({ severity })}
      />
      <FilterSelect
        label={t('alerts.field.status')}
        value={filter.status}
        options={ALERT_STATUSES}
        optionLabel={(s) => t(ALERT_STATUS_KEYS[s])}
        allLabel={t('alerts.allStatuses')}
        onChange={(status) => onChange({ status })}
      />
      <label>
        {t('alerts.search')}{' '}
        <input type="search" value={filter.q ?? ''} onChange={(e) => onChange({ q: e.target.value })} />
      </label>
      <span className="filters__count" role="status">
        {t('alerts.shownOf', { shown: formatNumber(shown), total: formatNumber(total) })}
      </span>
    </div>
  );
}
