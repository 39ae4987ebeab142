/** Figures: medians, ratios and the fixed-width tables the benchmark prints them in. */
import type { BrowserMode } from './browser.ts';

/** Milliseconds to a short figure: whole above 100, one decimal below. */
export const fmt = (ms: number) =>
  Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : 'n/a';

/** How many times `a` is `b`, as `2.5×`. */
export const ratio = (a: number, b: number, otherwise = 'n/a') =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : otherwise;

export const pad = (text: string | number, width: number, left = false) =>
  left ? String(text).padEnd(width) : String(text).padStart(width);

export const count = (n: number) => n.toLocaleString('en');

/** Heading, width, and whether the column is aligned left (figures align right). */
export type Column = readonly [heading: string, width: number, left?: boolean];

export type Table = ReturnType<typeof table>;

export function table(columns: readonly Column[]) {
  const row = (cells: readonly (string | number)[]) =>
    columns.map(([, width, left], i) => pad(cells[i] ?? '', width, left)).join(' │ ');
  return {
    row,
    heading: () => row(columns.map(([heading]) => heading)),
    rule: () => columns.map(([, width]) => '─'.repeat(width)).join('─┼─'),
  };
}

/** The middle value of the finite ones (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]) {
  const sorted = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The legend line of the columns that compare a path with the naive one. */
export const NAIVE_RATIO_LEGEND =
  "  naive/T       the naive value divided by this path's: above 1× the path is faster than naive";

/** How a page measure prints its table: each size's rows between rules, the legend, then a note per size. */
export interface SizeTable<S> {
  name: string;
  table: Table;
  rows(size: S): string[];
  legend: readonly string[];
  note(size: S): string;
}

export function printSizeTable<S>(sizes: readonly S[], mode: BrowserMode, layout: SizeTable<S>) {
  console.log('');
  console.log(`${layout.name}: medians in ms. Chromium ${mode.browser}, ${mode.label}.`);
  console.log(layout.table.heading());
  console.log(layout.table.rule());
  for (const size of sizes) {
    for (const row of layout.rows(size)) console.log(row);
    console.log(layout.table.rule());
  }
  console.log(layout.legend.join('\n'));
  console.log('');
  for (const size of sizes) console.log(layout.note(size));
}
