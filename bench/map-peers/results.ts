/** What the map peers page reports to the runner (scripts/bench/map-peers.ts reads it). */
import type { CaseName } from '../map-refresh/results';

/** Territorio's map, deck.gl's ScatterplotLayer over MapLibre, Leaflet's circle markers on a canvas. */
export type StackName = 'territorio' | 'deck' | 'leaflet';

export interface PeerSample {
  /** Share of the map's sensors whose reading the poll changed. */
  changedShare: number;
  /** Marks the stack was asked to change: features in Territorio's diff are not counted (-1). */
  restyled: number;
  /** The update call itself. */
  syncMs: number;
  /** From the update call until the stack has drawn the new colours. */
  drawnMs: number;
  /** Long tasks (> 50 ms) between the call and the drawing, as the page's PerformanceObserver saw them. */
  longTasksMs: number[];
}

export interface PeerBlock {
  case: CaseName;
  stack: StackName;
  warmup: number;
  samples: PeerSample[];
}

export interface PeerResults {
  sensors: number;
  air: number;
  traffic: number;
  /** Whether Territorio's map clusters the sensors (the peers draw every one). */
  clustered: boolean;
  refreshes: number;
  warmup: number;
  map: { width: number; height: number; zoom: number; scale: number };
  stacks: StackName[];
  /** Marks of each peer whose colour differed from a full recomputation after its last turn, both cases summed. */
  mismatches: Partial<Record<StackName, number>>;
  blocks: PeerBlock[];
  totalMs: number;
}
