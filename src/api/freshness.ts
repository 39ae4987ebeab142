import type { UseQueryResult } from '@tanstack/react-query';

export type PanelState = 'loading' | 'error' | 'empty' | 'stale' | 'ready';

/** Data older than this many refresh intervals is shown as stale. */
export const STALE_AFTER_INTERVALS = 2;

/** What a panel should show for a query: its data's state, judged at `now`. */
export function panelState(
  query: Pick<UseQueryResult<unknown, unknown>, 'data' | 'isError' | 'dataUpdatedAt'>,
  refreshMs: number,
  now: number,
  isEmpty: (data: never) => boolean = () => false,
): PanelState {
  if (query.data === undefined) return query.isError ? 'error' : 'loading';
  if (query.isError || now - query.dataUpdatedAt > STALE_AFTER_INTERVALS * refreshMs) return 'stale';
  return isEmpty(query.data as never) ? 'empty' : 'ready';
}
