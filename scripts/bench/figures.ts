/** Figures: medians, ratios and the fixed-width tables the benchmark prints them in. */

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
