import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** However slow the view's first answers, the map waits no longer than this for them. */
export const LONGEST_WAIT_MS = 2500;

/**
 * Whether the view's first requests have been answered (with data or an error: a failing one goes
 * on retrying): the map's code (MapLibre, about 300 KiB) and its drawing then start without
 * competing with them for the network and the main thread. The map's own queries then join
 * requests in flight rather than asking again. Rendered after the view inside its Suspense, the
 * marker mounts once the view has, when its requests are out.
 */
export function useViewSettled() {
  const [settled, setSettled] = useState(false);
  const [shown, setShown] = useState(false);
  const client = useQueryClient();
  useEffect(() => {
    if (!shown || settled) return;
    const cache = client.getQueryCache();
    // No query is still on its very first attempt.
    const answered = () =>
      !cache
        .getAll()
        .some(
          ({ state }) =>
            state.status === 'pending' && state.fetchStatus === 'fetching' && state.fetchFailureCount === 0,
        );
    const settle = () => setSettled(true);
    if (answered()) return settle();
    const timer = setTimeout(settle, LONGEST_WAIT_MS);
    const unsubscribe = cache.subscribe(() => {
      if (answered()) settle();
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [client, shown, settled]);
  return { settled, viewShownMarker: shown ? null : <Shown onShown={() => setShown(true)} /> };
}

function Shown({ onShown }: { onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return null;
}
