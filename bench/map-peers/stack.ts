/** A map stack the peers page measures: it draws the sensors of both layers and refreshes them per poll. */
import type { SensorLayerData } from '../../src/components/map/sensor-source-diff';
import type { SensorFeed } from '../map-refresh/feed';
import type { PeerSample, StackName } from './results';

export interface Stack {
  name: StackName;
  /** The element the stack draws in, shown while it takes its turn. */
  container: HTMLElement;
  /** One measured refresh with what useSensorLayer would hand the map, one entry per layer. */
  refresh(label: string, data: SensorLayerData[]): Promise<Omit<PeerSample, 'changedShare'>>;
  /** For a peer: the marks whose colour differs from a full recomputation of the feed's current poll. */
  mismatches?(feed: SensorFeed): number;
}

/** Waits for the next animation frame. */
export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
