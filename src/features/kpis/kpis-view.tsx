import { z } from 'zod';
import { REFRESH_MS } from '../../api/queries/intervals';
import { kpisQuery } from '../../api/queries/kpis';
import { PERIODS, type Kpi } from '../../api/schemas/kpis';
import { useLiveQuery } from '../../api/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { useSearchState } from '../../hooks/use-search-state';
import { formatDateTime } from '../../lib/format';
import { formatKpiValue, kpiAssessment } from './kpi-assessment';

const searchSchema = z.object({ period: z.enum(PERIODS).catch('week') });
const PERIOD_LABEL = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' } as const;

export function KpisView() {
  const [search, setSearch] = useSearchState(searchSchema);
  const kpis = useLiveQuery(kpisQuery(search.period));

  const columns: Column<Kpi>[] = [
    { key: 'label', header: 'Indicator', cell: (k) => k.label, sortValue: (k) => k.label },
    { key: 'value', header: 'Value', numeric: true, cell: (k) => formatKpiValue(k.value, k.unit) },
    { key: 'target', header: 'Target', numeric: true, cell: (k) => formatKpiValue(k.target, k.unit) },
    {
      key: 'assessment',
      header: 'Against target',
      cell: (k) => {
        const a = kpiAssessment(k);
        return <Badge tone={a.tone} label={a.label} />;
      },
      sortValue: (k) => kpiAssessment(k).rank,
    },
    {
      key: 'previous',
      header: 'Previous period',
      numeric: true,
      cell: (k) => formatKpiValue(k.previous, k.unit),
    },
    { key: 'change', header: 'Change', cell: (k) => kpiAssessment(k).change },
  ];

  return (
    <div className="view">
      <h1 className="view__title">Key performance indicators</h1>
      <div className="filters" role="group" aria-label="Period">
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            className="button"
            aria-pressed={p === search.period}
            onClick={() => setSearch({ period: p })}
          >
            {PERIOD_LABEL[p]}
          </button>
        ))}
      </div>
      <QueryPanel
        title={`Indicators, last ${search.period}`}
        query={kpis}
        refreshMs={REFRESH_MS.kpis}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No indicators for this period."
      >
        {(data) => (
          <>
            <p className="panel__note">
              From {formatDateTime(Date.parse(data.from))} to {formatDateTime(Date.parse(data.to))}.
            </p>
            <DataTable
              caption="Key performance indicators"
              columns={columns}
              rows={data.items}
              rowKey={(k) => k.id}
            />
          </>
        )}
      </QueryPanel>
    </div>
  );
}
