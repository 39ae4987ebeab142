import { z } from 'zod/mini';
import { kpisQuery } from '../../api/queries/kpis';
import { PERIODS, type Kpi, type Period } from '../../api/schemas/kpis';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { ToggleGroup } from '../../components/ui/toggle-group';
import { useSearchState } from '../../hooks/use-search-state';
import { useIsWall } from '../../hooks/use-screen-mode';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { downloadCsv, toCsv, type CsvColumn } from '../../lib/csv';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../i18n/language';
import { formatKpiValue, kpiAssessment } from './kpi-assessment';
import { KpiCard } from './kpi-card';

const searchSchema = z.object({ period: z.catch(z.enum(PERIODS), 'week') });
const PERIOD_LABEL: Record<Period, MessageKey> = {
  day: 'kpi.period.day',
  week: 'kpi.period.week',
  month: 'kpi.period.month',
  quarter: 'kpi.period.quarter',
};
const PANEL_TITLE: Record<Period, MessageKey> = {
  day: 'kpi.panel.day',
  week: 'kpi.panel.week',
  month: 'kpi.panel.month',
  quarter: 'kpi.panel.quarter',
};

/**
 * On a desk, the indicators' height once loaded (18 cards and their table), kept while they load
 * so the footer does not jump; a wall's panel fills the screen as it is.
 */
const DESK_PANEL_REM = 150;

export function KpisView() {
  const t = useT();
  const language = useLanguage();
  const [search, setSearch] = useSearchState(searchSchema);
  const kpisOptions = kpisQuery(search.period, language);
  const kpis = useLiveQuery(kpisOptions);
  // A wall shows the cards alone, for the period its link names.
  const wall = useIsWall();

  const columns: Column<Kpi>[] = [
    { key: 'label', header: t('kpi.indicator'), cell: (k) => k.label, sortValue: (k) => k.label },
    { key: 'value', header: t('kpi.value'), numeric: true, cell: (k) => formatKpiValue(k.value, k.unit) },
    { key: 'target', header: t('kpi.target'), numeric: true, cell: (k) => formatKpiValue(k.target, k.unit) },
    {
      key: 'assessment',
      header: t('kpi.againstTarget'),
      cell: (k) => {
        const a = kpiAssessment(k);
        return <Badge tone={a.tone} label={a.label} />;
      },
      sortValue: (k) => kpiAssessment(k).rank,
    },
    {
      key: 'previous',
      header: t('kpi.previous'),
      numeric: true,
      cell: (k) => formatKpiValue(k.previous, k.unit),
    },
    { key: 'change', header: t('kpi.change'), cell: (k) => kpiAssessment(k).change },
  ];
  // The CSV carries the numbers as the API gave them, for a spreadsheet to compute with.
  const csvColumns: CsvColumn<Kpi>[] = [
    { header: 'id', value: (k) => k.id },
    { header: t('kpi.indicator'), value: (k) => k.label },
    { header: t('kpi.unit'), value: (k) => k.unit },
    { header: t('kpi.value'), value: (k) => k.value },
    { header: t('kpi.target'), value: (k) => k.target },
    { header: t('kpi.previous'), value: (k) => k.previous },
    { header: t('kpi.change'), value: (k) => kpiAssessment(k).delta },
    { header: t('kpi.againstTarget'), value: (k) => kpiAssessment(k).label },
  ];

  return (
    <div className={`view kpis-view${wall ? ' view--wall' : ''}`}>
      <h1 className={wall ? 'visually-hidden' : 'view__title'}>{t('kpi.title')}</h1>
      {!wall && (
        <ToggleGroup
          label={t('kpi.periodChoice')}
          className="kpis-view__controls"
          options={PERIODS}
          value={search.period}
          onChange={(p) => setSearch({ period: p })}
          optionLabel={(p) => t(PERIOD_LABEL[p])}
        >
          <button type="button" className="button" onClick={() => window.print()}>
            {t('kpi.print')}
          </button>
        </ToggleGroup>
      )}
      <QueryPanel
        title={t(PANEL_TITLE[search.period])}
        query={kpis}
        options={kpisOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('kpi.empty')}
        className="panel--fill"
        reserve={wall ? undefined : DESK_PANEL_REM}
      >
        {(data) => {
          const fromMs = Date.parse(data.from);
          const toMs = Date.parse(data.to);
          return (
            <>
              {!wall && (
                <p className="panel__note">
                  {t('kpi.window', { from: formatDateTime(fromMs), to: formatDateTime(toMs) })}
                </p>
              )}
              <div className="kpi-grid">
                {data.items.map((k) => (
                  <KpiCard key={k.id} kpi={k} fromMs={fromMs} toMs={toMs} />
                ))}
              </div>
              {!wall && (
                <>
                  <DataTable
                    caption={t('kpi.tableCaption')}
                    columns={columns}
                    rows={data.items}
                    rowKey={(k) => k.id}
                  />
                  <button
                    type="button"
                    className="button kpis-view__csv"
                    onClick={() =>
                      downloadCsv(
                        `territorio-kpis-${data.period}-${data.to.slice(0, 10)}.csv`,
                        toCsv(csvColumns, data.items),
                      )
                    }
                  >
                    {t('kpi.downloadCsv')}
                  </button>
                </>
              )}
            </>
          );
        }}
      </QueryPanel>
    </div>
  );
}
