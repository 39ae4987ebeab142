/**
 * Map peers (bench/map-peers.html): Territorio's map refresh beside two other stacks on the same
 * feed and the same polls: deck.gl's ScatterplotLayer over a maplibre-gl map (MapboxOverlay, the engine
 * of kepler.gl) and Leaflet's circle markers on a canvas (the stack of sensor.community's map).
 * Each peer's figure is divided by Territorio's from the same page: above 1× Territorio blocks less.
 */
import type { PeerBlock, PeerResults, StackName } from '../../bench/map-peers/results.ts';
import type { CaseName } from '../../bench/map-refresh/results.ts';
import type { BrowserMode } from './browser.ts';
import { count, fmt, median, printSizeTable, ratio, table } from './figures.ts';
import { frameLeft } from './frame-budget.ts';
import { blockFigures, defineMeasure, viewportName, type SizeResults, type SummaryRow } from './measure.ts';
import type { RefreshTasks, TraceFigure } from './trace.ts';

const WALL_4K = { width: 3840, height: 2160 };
/**
 * Fewer refreshes than the map refresh page, as three stacks take turns and the whole run should
 * stay within about a quarter of an hour: 6 at 10,000 sensors, 4 at 50,000 and at 4K.
 */
const PLAN = [
  { size: 10_000, refreshes: 6, warmup: 2 },
  { size: 50_000, refreshes: 4, warmup: 1 },
  { size: 10_000, refreshes: 4, warmup: 1, viewport: WALL_4K },
];
const TRACE_FIGURES: TraceFigure[] = [
  'callTaskMs',
  'longestTaskMs',
  'longestTaskCpuMs',
  'mainBusyMs',
  'frames',
  'longestFrameMs',
  'blockingMs',
  'gpuWaitMs',
];
const CASES: CaseName[] = ['delta', 'all'];
const CASE_LABEL: Record<CaseName, string> = { delta: '3 % delta', all: 'all changed' };
const PEERS = ['deck', 'leaflet'] as const;
const STACK_LABEL: Record<StackName, string> = {
  territorio: 'Territorio',
  deck: 'deck.gl',
  leaflet: 'Leaflet',
};
/** Why a peer can block less than Territorio, said wherever it does. */
const WHY_FASTER: Record<(typeof PEERS)[number], string> = {
  deck: 'deck.gl: attributes straight to the GPU, no worker clone',
  leaflet: 'Leaflet: markers restyled in place, canvas redrawn, no worker',
};

function summariseBlock(block: PeerBlock, traced: readonly RefreshTasks[]) {
  return {
    case: block.case,
    stack: block.stack,
    changedShare: median(block.samples.map((s) => s.changedShare)),
    ...blockFigures(block.samples, traced, ['syncMs', 'drawnMs', 'restyled'], TRACE_FIGURES),
  };
}

type PeerSize = SizeResults<PeerResults, ReturnType<typeof summariseBlock>>;
type PeerSizeBlock = PeerSize['blocks'][number];

const findBlock = (size: PeerSize, kase: CaseName, stack: StackName) =>
  size.blocks.find((b) => b.case === kase && b.stack === stack);

const where = (size: PeerSize) =>
  `${count(size.sensors)}${size.map.width > 1920 ? ` ${size.map.width}×${size.map.height}` : ''}`;

const TABLE = table([
  ['sensors', 16, true],
  ['case', 11, true],
  ['stack', 10, true],
  ['changed', 7],
  ['restyled', 8],
  ['sync', 5],
  ['call task', 9],
  ['blocking', 8],
  ['(CPU)', 6],
  ['main busy', 9],
  ['frames', 6],
  ['drawn', 6],
  ['peer/T blocking', 15],
  ['peer/T drawn', 12],
]);

function blockRow(size: PeerSize, b: PeerSizeBlock, territorio: PeerSizeBlock | undefined) {
  const vsT = territorio && b.stack !== 'territorio';
  return TABLE.row([
    where(size),
    CASE_LABEL[b.case],
    STACK_LABEL[b.stack],
    `${(b.changedShare * 100).toFixed(1)} %`,
    b.restyled < 0 ? '' : count(Math.round(b.restyled)),
    fmt(b.syncMs),
    fmt(b.callTaskMs),
    fmt(b.longestTaskMs),
    fmt(b.longestTaskCpuMs),
    fmt(b.mainBusyMs),
    fmt(b.frames),
    fmt(b.drawnMs),
    vsT ? ratio(b.longestTaskMs, territorio.longestTaskMs) : '',
    vsT ? ratio(b.drawnMs, territorio.drawnMs) : '',
  ]);
}

const LEGEND = [
  'Each stack on the same page, feed and polls, taking turns; from the Chromium trace, main thread:',
  '  restyled      marks the peer restyled (those whose colour changed; Territorio sends MapLibre a diff)',
  '  sync          the update call;  call task: its whole task',
  '  blocking      the longest main-thread task from the call until drawn;  (CPU): by CPU time',
  '  main busy     all main-thread task time in that span;  frames: frame tasks in it',
  '  drawn         from the call until the new colours are drawn (MapLibre: idle after the render)',
  "  peer/T        the peer value divided by Territorio's: above 1× Territorio is faster",
];

function sizeNote(size: PeerSize) {
  const mismatches = Object.entries(size.mismatches)
    .map(([stack, n]) => `${STACK_LABEL[stack as StackName]} ${n === 0 ? 'exact' : `${n} marks DIFFER`}`)
    .join(', ');
  return (
    `${where(size)} sensors: ${size.air} air + ${size.traffic} traffic, map ${size.map.width}×${size.map.height} ` +
    `at zoom ${size.map.zoom.toFixed(2)}, marks ×${size.map.scale}; Territorio ${size.clustered ? 'clusters them (the peers draw every sensor)' : 'draws every sensor'}; ` +
    `${size.refreshes} refreshes per row after ${size.warmup} warm-up; colours after the last poll against a full recomputation: ${mismatches}.`
  );
}

function printTable(all: readonly PeerSize[], mode: BrowserMode) {
  printSizeTable(all, mode, {
    name: 'Map peers',
    table: TABLE,
    rows: (size) =>
      CASES.flatMap((kase) => {
        const territorio = findBlock(size, kase, 'territorio');
        return size.blocks.filter((x) => x.case === kase).map((b) => blockRow(size, b, territorio));
      }),
    legend: LEGEND,
    note: sizeNote,
  });
  console.log(
    'deck.gl: MapboxOverlay, overlaid (its own canvas above the map: interleaving reads map.transform, gone in MapLibre 6), ' +
      'a new data array each refresh with updateTriggers for the colour; Leaflet: preferCanvas, setStyle of the restyled circleMarkers.',
  );
}

function summaryRows(all: readonly PeerSize[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const faster = new Set<(typeof PEERS)[number]>();
  for (const size of all) {
    const at = `${count(size.sensors)}${size.map.width > 1920 ? ' on 4K' : ''}`;
    for (const kase of CASES) {
      const t = findBlock(size, kase, 'territorio');
      for (const peer of PEERS) {
        const p = findBlock(size, kase, peer);
        if (!t || !p) continue;
        if (p.longestTaskMs < t.longestTaskMs) faster.add(peer);
        rows.push([
          `Peer ${STACK_LABEL[peer]}, ${at}, ${kase === 'delta' ? '3 %' : 'all'} changed: blocking`,
          `${fmt(t.longestTaskMs)} ms`,
          `${fmt(p.longestTaskMs)} ms`,
          ratio(p.longestTaskMs, t.longestTaskMs, ''),
          `60 Hz: ${frameLeft(t.longestTaskMs)} / ${frameLeft(p.longestTaskMs)}`,
        ]);
      }
    }
  }
  const notes: SummaryRow[] = [...faster].map((peer) => [`  below 1×, ${WHY_FASTER[peer]}`, '', '', '', '']);
  const clustered = all.some((s) => s.clustered);
  return [
    ...rows,
    ...notes,
    ...(rows.length > 0
      ? [
          [
            '  Peer rows: naive column = the peer, ratio = peer ÷ T' + (clustered ? '; T clusters' : ''),
            '',
            '',
            '',
            '',
          ] as const,
        ]
      : []),
  ];
}

export const mapPeers = defineMeasure({
  part: 'map',
  page: 'map-peers',
  sizeParam: 'sensors',
  plan: PLAN,
  env: { sizes: 'BENCH_SENSORS', refreshes: 'BENCH_PEER_REFRESHES' },
  resultsFile: 'map-peers.json',
  aim: {
    peers: [
      'deck.gl 9.4 ScatterplotLayer over maplibre-gl (MapboxOverlay, overlaid)',
      'Leaflet 1.9 circleMarker, canvas',
    ],
  },
  heading: ({ size, refreshes, warmup, viewport }) =>
    `Map peers, ${count(size)} sensors${viewport ? ` at ${viewportName(viewport)}` : ''}: ` +
    `${refreshes} refreshes per stack and case after ${warmup} warm-up`,
  traceLabel: (block: PeerBlock, i) => `${block.case}:${block.stack}:run:${i}`,
  summariseBlock,
  printTable,
  summaryRows,
});
