import { useEffect } from 'react';
import type { Query, QueryClient } from '@tanstack/react-query';
import {
  persistQueryClient,
  type PersistedClient,
  type Persister,
} from '@tanstack/query-persist-client-core';
import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * A screen's last-known state: what its cache held, kept in the browser's IndexedDB per identity
 * and projection, so that a screen switched on again or reloaded paints it at once, each panel
 * saying how old it is, while the first answers are on their way (or while the backend is down).
 */

/** Older than a day, a picture is history rather than the last-known state. */
export const LAST_KNOWN_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** At most one write in this time: a screen's cache changes several times a second as it polls. */
export const LAST_KNOWN_WRITE_MS = 10_000;

const lastKnownStore = (): UseStore => createStore('territorio', 'last-known');

/** Where a screen's last-known state is kept; IndexedDB (structured clone keeps Maps) by default. */
export interface LastKnownStorage {
  read: (key: string) => Promise<PersistedClient | undefined>;
  write: (key: string, client: PersistedClient) => Promise<void>;
  remove: (key: string) => Promise<void>;
  removeAll: () => Promise<void>;
}

const indexedDbStorage = (store = lastKnownStore()): LastKnownStorage => ({
  read: (key) => get<PersistedClient>(key, store),
  write: (key, client) => set(key, client, store),
  remove: (key) => del(key, store),
  removeAll: () => clear(store),
});

/** False once someone has signed out on this page: nothing is written after that. */
let keeping = true;

/** A persister that writes the latest state at most once per LAST_KNOWN_WRITE_MS. */
function throttledPersister(storage: LastKnownStorage, key: string): Persister & { flush: () => void } {
  let pending: PersistedClient | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending && keeping) void storage.write(key, pending).catch(() => undefined);
    pending = null;
  };
  return {
    persistClient: (client) => {
      pending = client;
      timer ??= setTimeout(flush, LAST_KNOWN_WRITE_MS);
    },
    restoreClient: () => storage.read(key),
    removeClient: () => storage.remove(key),
    flush,
  };
}

/** Kept: what was answered, unless its query says otherwise (`meta: { lastKnown: false }`). */
const keepsLastKnown = (query: Query) => query.state.status === 'success' && query.meta?.lastKnown !== false;

/**
 * Restores the last-known state of `key` into `client` and keeps it up to date. `version` is the
 * build's: a state written by another build, whose answers may have another shape, is dropped.
 */
export function useLastKnownState(
  client: QueryClient,
  key: string,
  version: string,
  storage: LastKnownStorage = defaultStorage(),
) {
  useEffect(() => {
    const persister = throttledPersister(storage, key);
    const [stop, restored] = persistQueryClient({
      queryClient: client,
      persister,
      maxAge: LAST_KNOWN_MAX_AGE_MS,
      buster: version,
      dehydrateOptions: { shouldDehydrateQuery: keepsLastKnown },
    });
    // A state that cannot be read (storage refused, a private window) is dropped: the screen starts empty.
    restored.catch(() => undefined);
    return () => {
      stop();
      persister.flush();
    };
  }, [client, key, version, storage]);
}

let indexedDb: LastKnownStorage | null = null;
/** The browser's IndexedDB store, or none where there is no IndexedDB (private modes, tests). */
function defaultStorage(): LastKnownStorage {
  indexedDb ??= typeof indexedDB === 'undefined' ? nowhere : indexedDbStorage();
  return indexedDb;
}

const nowhere: LastKnownStorage = {
  read: async () => undefined,
  write: async () => undefined,
  remove: async () => undefined,
  removeAll: async () => undefined,
};

/** Forgets one screen's last-known state. */
export const forgetLastKnownState = (key: string) => defaultStorage().remove(key);

/** Forgets every screen's last-known state on this browser: whoever signs out takes theirs along. */
export function forgetLastKnownStates() {
  keeping = false;
  return defaultStorage().removeAll();
}
