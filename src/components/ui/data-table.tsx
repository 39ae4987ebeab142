import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';
import { formatNumber } from '../../lib/format';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: T) => string | number | null;
  numeric?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The column whose cell selects the row when activated. */
  selectColumn?: string;
  selectedKey?: string | null;
  onSelect?: (row: T) => void;
  initialSort?: { key: string; descending?: boolean };
  /** Rows beyond this are summarised, not rendered, to keep long-running screens light. */
  maxRows?: number;
  /** Marks rows whose data is out of date. */
  isStale?: (row: T) => boolean;
  /** An extra class for a row (e.g. to highlight what is new). */
  rowClass?: (row: T) => string | undefined;
}

/** Orders two sort values; a missing value goes last whichever way the column is sorted. */
function compare(a: string | number | null, b: string | number | null, descending: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return descending ? -order : order;
}

/** A sortable table: the text alternative for every map and chart, and a view in its own right. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  selectColumn,
  selectedKey,
  onSelect,
  initialSort,
  maxRows = 200,
  isStale,
  rowClass,
}: DataTableProps<T>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const t = useT();

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue) return rows;
    const value = column.sortValue;
    const descending = sort?.descending ?? false;
    return [...rows].sort((a, b) => compare(value(a), value(b), descending));
  }, [rows, columns, sort]);

  const shown = sorted.slice(0, maxRows);

  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={ariaSort}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() =>
                        setSort({ key: column.key, descending: active ? !sort.descending : false })
                      }
                    >
                      {column.header}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const key = rowKey(row);
            const selected = key === selectedKey;
            return (
              <tr
                key={key}
                className={
                  [selected && 'is-selected', isStale?.(row) && 'is-stale', rowClass?.(row)]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
              >
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.key === selectColumn && onSelect ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={selected}
                        onClick={() => onSelect(row)}
                      >
                        {column.cell(row)}
                      </button>
                    ) : (
                      column.cell(row)
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {sorted.length > shown.length && (
        <p className="table-note">
          {t('table.showing', { shown: formatNumber(shown.length), total: formatNumber(sorted.length) })}
        </p>
      )}
    </div>
  );
}
