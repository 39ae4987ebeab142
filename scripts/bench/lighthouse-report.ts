/** Lighthouse's figures as printed: a table per view (median and range) and rows of the summary. */
import { count, fmt, table } from './figures.ts';
import type { LighthouseFigure, LighthouseFigures, LighthouseView } from './lighthouse.ts';
import type { SummaryRow } from './measure.ts';

/** The targets the figures are reported against; never asserted. */
export const TARGETS = { lcpMs: 1000, score: 90, tbtMs: 300, cls: 0.1 };

export const against = (value: number, target: number, label: string, higherIsBetter = false) =>
  `${label}: ${(higherIsBetter ? value >= target : value <= target) ? 'met' : 'MISSED'}`;

const ms = (value: number) => `${fmt(value)} ms`;
const kib = (bytes: number) => `${count(Math.round(bytes / 1024))} KiB`;

const ROWS: readonly [label: string, figure: LighthouseFigure, show: (value: number) => string][] = [
  ['Performance score', 'score', String],
  ['First Contentful Paint', 'fcpMs', ms],
  ['Largest Contentful Paint', 'lcpMs', ms],
  ['LCP as observed (unthrottled)', 'observedLcpMs', ms],
  ['Total Blocking Time', 'tbtMs', ms],
  ['Cumulative Layout Shift', 'cls', (value) => value.toFixed(3)],
  ['Bytes transferred', 'bytes', kib],
  ['Map chunk boot-up (bootup-time)', 'mapBootupMs', ms],
];

const { row, heading, rule } = table([
  ['figure', 32, true],
  ['median', 10],
  ['range', 22],
]);

const mapNote = (view: LighthouseView) => (view.runs.every((run) => !run.mapChunkLoaded) ? 'not loaded' : '');

export function printLighthouseTable({ lighthouse, settings, views }: LighthouseFigures) {
  console.log('');
  console.log(
    `Lighthouse ${lighthouse}, performance, ${settings.formFactor} preset (throttling: ${settings.throttlingMethod}), ` +
      `${views[0]?.runs.length ?? 0} cold runs per view, signed in as the wall account`,
  );
  for (const view of views) {
    console.log(`\n${view.name}: ${view.url}`);
    console.log(heading());
    console.log(rule());
    for (const [label, figure, show] of ROWS) {
      const range = `${show(view.min[figure])} – ${show(view.max[figure])}`;
      const loaded = figure === 'mapBootupMs' ? mapNote(view) : '';
      console.log(row([label, show(view.median[figure]), loaded || range]));
    }
  }
  console.log(
    '\nMap chunk boot-up: its CPU time as Lighthouse attributes it (0 under its 50 ms threshold). Bytes: both',
  );
  console.log('loads of the app (before and after the sign-in redirect), the API answers included.');
}

export function lighthouseSummaryRows({ views }: LighthouseFigures): SummaryRow[] {
  return views.flatMap(({ name, median, runs }) => {
    const label = `Lighthouse, ${name}, median of ${runs.length}`;
    return [
      [`${label}: score`, String(median.score), '', '', against(median.score, TARGETS.score, '≥ 90', true)],
      [`${label}: LCP`, ms(median.lcpMs), '', '', against(median.lcpMs, TARGETS.lcpMs, '≤ 1.0 s')],
      [`${label}: TBT`, ms(median.tbtMs), '', '', against(median.tbtMs, TARGETS.tbtMs, '≤ 300 ms')],
      [`${label}: CLS`, median.cls.toFixed(3), '', '', against(median.cls, TARGETS.cls, '≤ 0.1')],
    ];
  });
}
