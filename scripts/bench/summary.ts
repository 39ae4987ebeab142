/** The one table that closes `npm run bench`: every figure of the run and those of the last `npm run soak`. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_KIB } from '../bundle-budget.mjs';
import type { FirstPaint, Lcp } from './first-paint.ts';
import { count, fmt, median, table } from './figures.ts';
import { against, lighthouseSummaryRows, TARGETS } from './lighthouse-report.ts';
import type { LighthouseFigures } from './lighthouse.ts';
import type { SummaryRow } from './measure.ts';

/** What e2e/soak.spec.ts writes to bench-results/soak.json (the figures read here). */
interface Soak {
  measuredAt: string;
  cycles: number;
  heapGrowthMB: number;
  start: { domNodes: number; charts: number };
  end: { domNodes: number; charts: number; live: number; created: number };
}

/** The figures of the last `npm run soak`, or null when it has not been run here. */
export function readSoak(root: string): Soak | null {
  const file = join(root, 'bench-results', 'soak.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Soak) : null;
}

const { row, heading, rule } = table([
  ['measure', 52, true],
  ['Territorio', 11],
  ['naive', 9],
  ['ratio', 6],
  ['budget', 20, true],
]);

function soakRows(soak: Soak | null): SummaryRow[] {
  if (!soak) return [['Soak: not run on this machine yet (npm run soak)', '', '', '', '']];
  const { start, end } = soak;
  const when = `${count(soak.cycles)} cycles, ${soak.measuredAt.slice(0, 10)}`;
  return [
    [`Soak (${when}): post-GC heap growth`, `${soak.heapGrowthMB.toFixed(1)} MB`, '', '', '≤ 5 MB'],
    ['Soak: DOM nodes, start → end', `${start.domNodes} → ${end.domNodes}`, '', '', 'flat'],
    ['Soak: WebGL contexts live / created', `${end.live} / ${end.created}`, '', '', '1 per map'],
    ['Soak: chart instances, start → end', `${start.charts} → ${end.charts}`, '', '', 'constant'],
  ];
}

const lcpRow = (measure: string, lcp: Lcp): SummaryRow => [
  `${measure}, cold (median of ${lcp.runsMs.length})`,
  `${fmt(lcp.medianMs)} ms`,
  '',
  '',
  against(lcp.medianMs, TARGETS.lcpMs, '≤ 1.0 s'),
];

/** One table of every figure of the run (medians; map and chart: the longest main-thread task). */
export function printSummary(
  firstPaint: FirstPaint | null,
  lighthouse: LighthouseFigures | null,
  measured: readonly SummaryRow[],
  soak: Soak | null,
) {
  const rows: SummaryRow[] = [];
  if (firstPaint) {
    const { bundle, lcp, liveLcp } = firstPaint;
    const met = bundle.kib <= BUDGET_KIB ? 'met' : 'MISSED';
    rows.push(
      [
        'JavaScript before the first paint, gzip',
        `${bundle.kib.toFixed(1)} KiB`,
        '',
        '',
        `≤ ${BUDGET_KIB} KiB: ${met}`,
      ],
      lcpRow('LCP, demo build on localhost', lcp),
      lcpRow('LCP, live build on serve:sim', liveLcp),
    );
  }
  if (lighthouse) rows.push(...lighthouseSummaryRows(lighthouse));
  console.log('\nSummary');
  console.log(heading());
  console.log(rule());
  for (const cells of [...rows, ...measured, ...soakRows(soak)]) console.log(row(cells));
  console.log(
    'Map: the longest main-thread task from the update call until drawn. naive: a full setData of a new',
  );
  console.log('FeatureCollection (map), a fresh option of [time, value] pairs without sampling (chart).');
  if (firstPaint) {
    const redirected = fmt(median(firstPaint.liveLcp.redirectedMs));
    console.log(
      `LCP, live: signed in as the wall account, from opening #/overview with only the provider's session\n` +
        `to the LCP of the signed-in Overview, its sign-in redirects included (${redirected} ms, median).`,
    );
  }
  if (lighthouse)
    console.log(
      'Lighthouse: desktop preset, simulated throttling; "map not drawn": the same Overview without WebGL.',
    );
}
