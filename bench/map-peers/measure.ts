/** One peer refresh timed: the update call, and the wait until the peer has drawn the new colours. */
import { drawnWithin, longTasksBetween, sleep } from '../harness';
import type { PeerSample } from './results';

/** As the map refresh page: a quiet moment before each refresh. */
const SETTLE_MS = 150;

/** What a peer's update returns: how many marks it restyled and when they are drawn (null: nothing to draw). */
export interface PeerUpdate {
  restyled: number;
  drawn: Promise<void> | null;
}

export async function measurePeer(
  label: string,
  update: () => PeerUpdate,
): Promise<Omit<PeerSample, 'changedShare'>> {
  await sleep(SETTLE_MS);
  // Start in a task of its own, as a poll's answer would.
  await sleep(0);
  performance.mark(`bench:${label}:start`);
  const t0 = performance.now();
  const { restyled, drawn } = update();
  const t1 = performance.now();
  const end = () => {
    const t = performance.now();
    performance.mark(`bench:${label}:end`);
    return t;
  };
  const t2 = drawn ? await drawnWithin(drawn.then(end), label) : end();
  return { restyled, syncMs: t1 - t0, drawnMs: t2 - t0, longTasksMs: await longTasksBetween(t0, t2) };
}
