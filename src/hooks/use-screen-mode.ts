import { useUrlSearch } from './url-state';

/** The screen's mode from `?mode=`: 'wall', 'presentation', 'public', or null for the desk. */
export function useScreenMode(): string | null {
  return new URLSearchParams(useUrlSearch()).get('mode');
}

/** Whether the screen is a wall: watched from across the room, never operated. */
export function useIsWall(): boolean {
  return useScreenMode() === 'wall';
}
