import { useId, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useT } from '../../i18n/use-t';
import { downloadCsv, toCsv, type CsvColumn } from '../../lib/csv';
import { EChart } from './e-chart';

interface ChartFigureProps<T> {
  title: string;
  option: EChartsCoreOption;
  /** What the chart shows in words, with the current and peak values. */
  summary: string;
  /** The plotted data, as the table and the CSV give it. */
  columns: readonly CsvColumn<T>[];
  rows: readonly T[];
  fileName: string;
  className?: string;
}

/** A chart with its text alternatives: a summary, a data table on demand and a CSV of what is plotted. */
export function ChartFigure<T>({
  title,
  option,
  summary,
  columns,
  rows,
  fileName,
  className,
}: ChartFigureProps<T>) {
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const t = useT();
  const tableName = t('chart.tableName', { title });
  return (
    <figure className="chart-figure">
      <EChart option={option} label={`${title}. ${summary}`} className={className ?? 'chart-figure__chart'} />
      <figcaption className="chart-figure__summary">{summary}</figcaption>
      <div className="chart-figure__actions">
        <button
          type="button"
          className="button"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {t(showTable ? 'chart.hideTable' : 'chart.showTable')}
        </button>
        <button type="button" className="button" onClick={() => downloadCsv(fileName, toCsv(columns, rows))}>
          {t('chart.downloadCsv')}
        </button>
      </div>
      {showTable && (
        // Focusable, so the scrolling table can be read from the keyboard (it holds no controls).
        <div className="table-wrap" id={tableId} tabIndex={0} role="region" aria-label={tableName}>
          <table className="data-table">
            <caption className="visually-hidden">{tableName}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c.header}>{c.value(row) ?? '—'}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
