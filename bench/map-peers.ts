/**
 * Map peers benchmark page (`npm run bench` builds it, serves it and reads `window.benchResults`).
 *
 * The same refreshes as the map refresh page, on the same feed (same sensors, same polls: a `since=`
 * delta in which about 3 % of the sensors reported, and a poll in which every one did), through
 * three stacks on one page, taking turns:
 * - territorio: Territorio's map (`MapController.setSensors`, as in the map refresh page);
 * - deck: deck.gl's ScatterplotLayer in a MapboxOverlay on a maplibre-gl map (map-peers/deck-stack.ts);
 * - leaflet: Leaflet's circle markers on a canvas renderer (map-peers/leaflet-stack.ts).
 * Every stack gets what useSensorLayer would hand the map; the peers find the sensors whose colour
 * changed as Territorio's diff does, so only the maps' own work differs. The stacks lie on one
 * another; only the one taking its turn is visible. `performance.mark`s around each refresh let the
 * runner read every main-thread task from a Chromium trace.
 *
 * Query: ?sensors=10000&refreshes=10&warmup=2&stacks=territorio,deck,leaflet&map=3840x2160
 */
import { log, median, numParam, REFRESHES, runPage, takeTurns, textParam, WARMUP } from './harness';
import { SensorFeed } from './map-refresh/feed';
import { sizeContainer } from './map-refresh/map';
import { deckStack } from './map-peers/deck-stack';
import { leafletStack } from './map-peers/leaflet-stack';
import type { PeerBlock, PeerResults, StackName } from './map-peers/results';
import type { Stack } from './map-peers/stack';
import { territorioStack } from './map-peers/territorio-stack';

const SENSORS = numParam('sensors', 10_000);
/** As the map refresh page: 2 s of simulated time bring a new reading from about 3 % of the sensors. */
const DELTA_MS = numParam('deltaMs', 2_000);
const STACKS = (textParam('stacks') ?? 'territorio,deck,leaflet').split(',') as StackName[];

const feed = new SensorFeed(SENSORS, DELTA_MS);
const [air = 0, traffic = 0] = feed.layers.map((layer) => layer.sensors.length);

function show(stack: Stack, all: readonly Stack[]) {
  for (const s of all) s.container.style.visibility = s === stack ? 'visible' : 'hidden';
}

async function run(): Promise<Omit<PeerResults, 'totalMs'>> {
  log(`${SENSORS} sensors: ${air} air, ${traffic} traffic; stacks ${STACKS.join(', ')}`);
  sizeContainer(document.getElementById('maps')!);
  // Territorio's map comes first: the others take its zoom and scale.
  const territorio = await territorioStack(feed, SENSORS);
  const { map } = territorio;
  const stacks: Stack[] = [];
  for (const name of STACKS) {
    log(`opening ${name}…`);
    if (name === 'territorio') stacks.push(territorio.stack);
    if (name === 'deck') stacks.push(await deckStack(feed, SENSORS));
    if (name === 'leaflet') stacks.push(await leafletStack(feed, territorio.scale));
  }
  if (!STACKS.includes('territorio')) map.remove();
  const byName = new Map(stacks.map((s) => [s.name, s]));

  const blocks: PeerBlock[] = [];
  const mismatches: PeerResults['mismatches'] = {};
  for (const kase of ['delta', 'all'] as const) {
    const caseBlocks = stacks.map((s): PeerBlock => ({
      case: kase,
      stack: s.name,
      warmup: WARMUP,
      samples: [],
    }));
    await takeTurns(caseBlocks, {
      labelOf: (block) => `${kase}:${block.stack}`,
      refresh: async (block, { label, index }) => {
        const stack = byName.get(block.stack)!;
        if (index === 0) show(stack, stacks);
        feed.poll(kase);
        // A turn starts from a full update: the stack has missed the polls of the others' turns.
        const data = feed.layers.map((l) =>
          index === 0 ? { ...feed.layerData(l), changed: null } : feed.layerData(l),
        );
        const changedShare =
          data.reduce((n, d) => n + (d.changed?.length ?? d.sensors.length), 0) / feed.mapSensorCount;
        return { ...(await stack.refresh(label, data)), changedShare };
      },
      // Checked at the end of the stack's own turn: the others' turns poll on without it.
      afterTurn: (block, lastRound) => {
        const stack = byName.get(block.stack)!;
        if (lastRound && stack.mismatches)
          mismatches[stack.name] = (mismatches[stack.name] ?? 0) + stack.mismatches(feed);
      },
      caption: `${kase}: `,
    });
    for (const block of caseBlocks) {
      const s = block.samples;
      log(
        `${kase} ${block.stack}: sync ${median(s.map((x) => x.syncMs)).toFixed(1)} ms, drawn ` +
          `${median(s.map((x) => x.drawnMs)).toFixed(0)} ms (median of ${s.length})`,
      );
    }
    blocks.push(...caseBlocks);
  }
  return {
    sensors: SENSORS,
    air,
    traffic,
    clustered: territorio.clusterSensors,
    refreshes: REFRESHES,
    warmup: WARMUP,
    map: {
      width: map.getContainer().clientWidth,
      height: map.getContainer().clientHeight,
      zoom: map.getZoom(),
      scale: territorio.scale,
    },
    stacks: STACKS,
    mismatches,
    blocks,
  };
}

runPage<PeerResults>(run);
