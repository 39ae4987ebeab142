import { useSyncExternalStore } from 'react';
import { useIsWall } from './use-screen-mode';

/**
 * The screen against 1920×1080, by its tighter side, in quarter steps from 1 to 2.5: a 4K wall reads
 * 2, and a 5120×1440 one 1.25, as its height allows no more.
 */
function screenScale(): number {
  const ratio = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
  return Math.min(2.5, Math.max(1, Math.round(ratio * 4) / 4));
}

function subscribe(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/**
 * For drawing done outside CSS (the map's marks and labels, the charts), which the rem scale does
 * not reach; half as large again on a wall, read from across the room.
 */
export function useScreenScale(): number {
  const wall = useIsWall();
  return useSyncExternalStore(subscribe, screenScale) * (wall ? 1.5 : 1);
}
