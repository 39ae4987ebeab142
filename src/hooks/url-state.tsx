import { useMemo, useSyncExternalStore } from 'react';
import { useLocation } from 'react-router';
import {
  renderQueryString,
  unstable_createAdapterProvider as createAdapterProvider,
  type unstable_AdapterInterface as AdapterInterface,
} from 'nuqs/adapters/custom';

/*
 * What is on screen lives in the search part of the hash (`#/network?sel=site:s-01`). The router
 * owns the path, that is which view is shown; the search is written here with
 * `history.replaceState`, so a write never starts, cancels or overtakes a navigation. nuqs queues
 * and merges the writes of all components within a tick.
 */

const listeners = new Set<() => void>();

function hashParts(): { path: string; search: string } {
  const hash = window.location.hash.slice(1);
  const at = hash.indexOf('?');
  if (at < 0) return { path: hash || '/', search: '' };
  return { path: hash.slice(0, at) || '/', search: hash.slice(at) };
}

const currentSearch = () => hashParts().search;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function writeSearch(search: URLSearchParams) {
  window.history.replaceState(window.history.state, '', `#${hashParts().path}${renderQueryString(search)}`);
  for (const listener of listeners) listener();
}

/** The URL's search (`?…`, or '') as it is now, following writes and the router's navigations. */
export function useUrlSearch(): string {
  // The router writes the history itself when it navigates: its location tells us when.
  useLocation();
  return useSyncExternalStore(subscribe, currentSearch);
}

function useHashAdapter(): AdapterInterface {
  const search = useUrlSearch();
  const { pathname } = useLocation();
  const searchParams = useMemo(() => new URLSearchParams(search), [search]);
  return {
    searchParams,
    pathname,
    updateUrl: writeSearch,
    getSearchParamsSnapshot: () => new URLSearchParams(currentSearch()),
  };
}

/** Gives every `useQueryStates` below it the hash URL's search; place it inside the router. */
export const UrlStateAdapter = createAdapterProvider(useHashAdapter);
