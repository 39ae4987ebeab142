import { useCallback, useEffect, useEffectEvent, useReducer } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useUrlSearch } from '../../hooks/url-state';
import { keepGlobalParams } from '../../lib/global-params';
import type { PlaylistEntry } from './playlist';
import { clockEndsAt, playlistClock } from './playlist-clock';

export interface PlaylistState {
  entry: PlaylistEntry;
  index: number;
  /** When the current view's dwell ends, or null while held (paused or interrupted). */
  endsAt: number | null;
  /** What is left of the current view's dwell while held. */
  remainingMs: number;
  next: () => void;
  previous: () => void;
}

/**
 * Rotates the views of a playlist with one timer at a time. While `held` (paused, or interrupted
 * by a critical alert) the clock stops, and the view goes on with the time it had left.
 */
export function usePlaylist(entries: readonly PlaylistEntry[], held: boolean): PlaylistState {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const search = useUrlSearch();
  const [clock, dispatch] = useReducer(playlistClock, undefined, () => {
    const index = Math.max(
      0,
      entries.findIndex((e) => `/${e.view}` === pathname),
    );
    return { index, remainingMs: entries[index]!.dwellSeconds * 1000, runningSince: null };
  });
  const index = clock.index % entries.length;
  const entry = entries[index]!;

  const moveTo = useCallback(
    (to: number) => {
      const wrapped = (to + entries.length) % entries.length;
      dispatch({
        type: 'moved',
        to: wrapped,
        dwellMs: entries[wrapped]!.dwellSeconds * 1000,
        at: Date.now(),
      });
    },
    [entries],
  );

  useEffect(() => {
    dispatch({ type: held ? 'held' : 'released', at: Date.now() });
  }, [held]);

  const endsAt = clockEndsAt(clock);
  useEffect(() => {
    if (endsAt === null) return;
    const timer = setTimeout(() => moveTo(index + 1), Math.max(0, endsAt - Date.now()));
    return () => clearTimeout(timer);
  }, [endsAt, index, moveTo]);

  // Each view of the playlist in turn, keeping mode, language and playlist in the URL. Replacing
  // the history entry keeps days of rotation from piling up a history. Moving only when the
  // playlist does, a view opened from a link (a critical alert's) stays until the next turn.
  const show = useEffectEvent((view: string) => {
    if (pathname !== `/${view}`)
      void navigate({ pathname: `/${view}`, search: keepGlobalParams(search) }, { replace: true });
  });
  useEffect(() => show(entry.view), [entry]);

  return {
    entry,
    index,
    endsAt,
    remainingMs: clock.remainingMs,
    next: useCallback(() => moveTo(index + 1), [moveTo, index]),
    previous: useCallback(() => moveTo(index - 1), [moveTo, index]),
  };
}
