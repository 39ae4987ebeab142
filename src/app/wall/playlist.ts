import { VIEWS, type ViewPath } from '../views';

export interface PlaylistEntry {
  view: ViewPath;
  /** How long the view stays on screen, in seconds. */
  dwellSeconds: number;
}

export type PlaylistProblem =
  | { kind: 'unknown-view'; item: string; view: string }
  | { kind: 'bad-dwell'; item: string }
  | { kind: 'empty-item' };

export type PlaylistResult =
  { ok: true; entries: PlaylistEntry[] } | { ok: false; problem: PlaylistProblem; entries: PlaylistEntry[] };

export const MIN_DWELL_SECONDS = 5;
export const MAX_DWELL_SECONDS = 3600;
export const DEFAULT_DWELL_SECONDS = 30;

/** Every view in navigation order, each for the default dwell time: what a wall shows unless told. */
export const DEFAULT_PLAYLIST: readonly PlaylistEntry[] = VIEWS.map((v) => ({
  view: v.path,
  dwellSeconds: DEFAULT_DWELL_SECONDS,
}));

const VIEW_PATHS = new Set<string>(VIEWS.map((v) => v.path));
const isView = (name: string): name is ViewPath => VIEW_PATHS.has(name);

/**
 * Reads `views=overview:60,network:30,security` (seconds; the default dwell when left out).
 * A link that cannot be read yields its first problem and the default playlist, so a wall still
 * rotates and can say what is wrong with its link.
 */
export function parsePlaylist(text: string | null | undefined): PlaylistResult {
  if (!text?.trim()) return { ok: true, entries: [...DEFAULT_PLAYLIST] };
  const entries: PlaylistEntry[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    const fail = (problem: PlaylistProblem): PlaylistResult => ({
      ok: false,
      problem,
      entries: [...DEFAULT_PLAYLIST],
    });
    if (!item) return fail({ kind: 'empty-item' });
    const [name = '', dwell, ...rest] = item.split(':').map((p) => p.trim());
    const view = name.toLowerCase();
    if (!isView(view)) return fail({ kind: 'unknown-view', item, view: name });
    if (rest.length > 0) return fail({ kind: 'bad-dwell', item });
    let dwellSeconds = DEFAULT_DWELL_SECONDS;
    if (dwell !== undefined) {
      if (!/^\d+$/.test(dwell)) return fail({ kind: 'bad-dwell', item });
      dwellSeconds = Number(dwell);
      if (dwellSeconds < MIN_DWELL_SECONDS || dwellSeconds > MAX_DWELL_SECONDS)
        return fail({ kind: 'bad-dwell', item });
    }
    entries.push({ view, dwellSeconds });
  }
  return { ok: true, entries };
}

/** The playlist written back as a `views=` value. */
export const formatPlaylist = (entries: readonly PlaylistEntry[]) =>
  entries.map((e) => `${e.view}:${e.dwellSeconds}`).join(',');
