/**
 * The playlist's clock: which view is on, how much of its dwell is left, and since when it has
 * been counting down (null while held by a pause or an interruption).
 */
export interface PlaylistClock {
  index: number;
  remainingMs: number;
  runningSince: number | null;
}

export type ClockEvent =
  | { type: 'held'; at: number }
  | { type: 'released'; at: number }
  | { type: 'moved'; to: number; dwellMs: number; at: number };

export function playlistClock(clock: PlaylistClock, event: ClockEvent): PlaylistClock {
  switch (event.type) {
    case 'held':
      if (clock.runningSince === null) return clock;
      return {
        ...clock,
        remainingMs: Math.max(0, clock.remainingMs - (event.at - clock.runningSince)),
        runningSince: null,
      };
    case 'released':
      return clock.runningSince === null ? { ...clock, runningSince: event.at } : clock;
    case 'moved':
      return {
        index: event.to,
        remainingMs: event.dwellMs,
        runningSince: clock.runningSince === null ? null : event.at,
      };
  }
}

/** When the current view's dwell ends, or null while the clock is held. */
export const clockEndsAt = (clock: PlaylistClock) =>
  clock.runningSince === null ? null : clock.runningSince + clock.remainingMs;
