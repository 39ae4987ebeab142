import { useEffect } from 'react';
import { useNow } from '../../hooks/use-now';

/** How long the wall's picture stays put before it moves on by a few pixels. */
export const BURN_IN_STEP_MS = 3 * 60_000;

/** A slow walk round a small square, in CSS pixels: at most 4 px either way. */
const OFFSETS: readonly (readonly [number, number])[] = [
  [0, 0],
  [3, 1],
  [4, -2],
  [1, -4],
  [-2, -3],
  [-4, 0],
  [-3, 3],
  [0, 4],
];

/** Where the wall's picture sits at `ms`: a new offset every BURN_IN_STEP_MS, the cycle repeating. */
export function burnInOffset(ms: number): readonly [number, number] {
  return OFFSETS[Math.floor(ms / BURN_IN_STEP_MS) % OFFSETS.length]!;
}

/**
 * A wall runs for days: moving the whole picture by a few pixels every few minutes keeps a static
 * edge, a label or a strip off the same pixels for hours, against burn-in on OLED and plasma panels.
 */
export function useBurnInShift() {
  const [x, y] = burnInOffset(useNow(BURN_IN_STEP_MS));
  useEffect(() => {
    const root = document.documentElement.style;
    root.setProperty('--burn-in-x', `${x}px`);
    root.setProperty('--burn-in-y', `${y}px`);
    return () => {
      root.removeProperty('--burn-in-x');
      root.removeProperty('--burn-in-y');
    };
  }, [x, y]);
}
