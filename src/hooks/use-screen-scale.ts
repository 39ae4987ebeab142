import { useSyncExternalStore } from 'react';

/** The screen's width against 1920 pixels, in quarter steps from 1 to 2.5 (a 4K wall reads 2). */
function screenScale(): number {
  return Math.min(2.5, Math.max(1, Math.round((window.innerWidth / 1920) * 4) / 4));
}

function subscribe(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** For drawing done outside CSS (the map's marks and labels), which the rem scale does not reach. */
export function useScreenScale(): number {
  return useSyncExternalStore(subscribe, screenScale);
}
