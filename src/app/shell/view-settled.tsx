import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** However slow the view's data, the map waits no longer than this for it. */
const LONGEST_WAIT_MS = 2500;

/**
 * Whether the view's first data has arrived: the map's code (MapLibre, about 300 KiB) and its
 * drawing then start without competing with it for the network and the main thread. Rendered
 * after the view inside its Suspense, so it mounts once the view has, when its requests are out.
 */
export function useViewSettled() {
  const [settled, setSettled] = useState(false);
  const [shown, setShown] = useState(false);
  const client = useQueryClient();
  useEffect(() => {
    if (!shown || settled) return;
    const settle = () => setSettled(true);
    if (client.isFetching() === 0) return settle();
    const timer = setTimeout(settle, LONGEST_WAIT_MS);
    const unsubscribe = client.getQueryCache().subscribe(() => {
      if (client.isFetching() === 0) settle();
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
