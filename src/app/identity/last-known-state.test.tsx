import { QueryClient } from '@tanstack/react-query';
import type { PersistedClient } from '@tanstack/query-persist-client-core';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LAST_KNOWN_MAX_AGE_MS,
  LAST_KNOWN_WRITE_MS,
  useLastKnownState,
  type LastKnownStorage,
} from './last-known-state';

afterEach(() => vi.useRealTimers());

/** IndexedDB's behaviour as far as the screen relies on it: values are structured clones. */
function memoryStorage() {
  const kept = new Map<string, PersistedClient>();
  const writes: string[] = [];
  const storage: LastKnownStorage = {
    read: async (key) => (kept.has(key) ? structuredClone(kept.get(key)) : undefined),
    write: async (key, client) => {
      writes.push(key);
      kept.set(key, structuredClone(client));
    },
    remove: async (key) => void kept.delete(key),
    removeAll: async () => kept.clear(),
  };
  return { storage, kept, writes };
}

const READINGS = ['sensors', 'readings'];
const readings = () => ({ generatedAt: '2026-12-04T08:00:00Z', bySensor: new Map([['air-1', { no2: 41 }]]) });

/** A screen's cache kept under `key` by build `version`; unmount it to switch the screen off. */
function screenWith(storage: LastKnownStorage, key = 'operator:full', version = 'build-1') {
  const client = new QueryClient();
  const hook = renderHook(() => useLastKnownState(client, key, version, storage));
  return { client, unmount: hook.unmount };
}

/** Lets the restore's promises settle (it reads asynchronously, as IndexedDB does). */
const settle = () => act(() => vi.advanceTimersByTimeAsync(0));

describe("a screen's last-known state", () => {
  it('is written at most once per interval, and on the way out', async () => {
    vi.useFakeTimers();
    const { storage, kept, writes } = memoryStorage();
    const screen = screenWith(storage);
    await settle();
    act(() => screen.client.setQueryData(READINGS, readings()));
    act(() => screen.client.setQueryData(['territory'], { name: 'Milano' }));
    await act(() => vi.advanceTimersByTimeAsync(LAST_KNOWN_WRITE_MS - 1));
    expect(writes).toEqual([]);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(writes).toEqual(['operator:full']);
    act(() => screen.client.setQueryData(['territory'], { name: 'Milano, renamed' }));
    screen.unmount();
    expect(writes).toEqual(['operator:full', 'operator:full']);
    const queries = kept.get('operator:full')!.clientState.queries;
    expect(queries.map((q) => q.state.data)).toEqual([readings(), { name: 'Milano, renamed' }]);
  });

  it('paints on the next start with its own age, not the age of the start', async () => {
    vi.useFakeTimers();
    const { storage } = memoryStorage();
    const before = screenWith(storage);
    await settle();
    act(() => before.client.setQueryData(READINGS, readings()));
    const answeredAt = before.client.getQueryState(READINGS)!.dataUpdatedAt;
    before.unmount();
    await act(() => vi.advanceTimersByTimeAsync(60 * 60 * 1000));
    const after = screenWith(storage);
    await settle();
    expect(after.client.getQueryData(READINGS)).toEqual(readings());
    expect(after.client.getQueryState(READINGS)!.dataUpdatedAt).toBe(answeredAt);
    expect(Date.now() - answeredAt).toBe(60 * 60 * 1000);
  });

  it("is not another identity's or projection's, another build's, nor over a day old", async () => {
    vi.useFakeTimers();
    const { storage, kept } = memoryStorage();
    const before = screenWith(storage);
    await settle();
    act(() => before.client.setQueryData(READINGS, readings()));
    before.unmount();
    for (const [key, version] of [
      ['manager:full', 'build-1'],
      ['operator:public', 'build-1'],
    ]) {
      const other = screenWith(storage, key, version);
      await settle();
      expect(other.client.getQueryData(READINGS), key).toBeUndefined();
      other.unmount();
    }
    const nextBuild = screenWith(storage, 'operator:full', 'build-2');
    await settle();
    expect(nextBuild.client.getQueryData(READINGS)).toBeUndefined();
    expect(kept.has('operator:full')).toBe(false);
    nextBuild.unmount();

    const again = screenWith(storage);
    await settle();
    act(() => again.client.setQueryData(READINGS, readings()));
    again.unmount();
    await act(() => vi.advanceTimersByTimeAsync(LAST_KNOWN_MAX_AGE_MS + 1));
    const dayLater = screenWith(storage);
    await settle();
    expect(dayLater.client.getQueryData(READINGS)).toBeUndefined();
  });

  it('leaves out what failed and what its query keeps out (alerts)', async () => {
    vi.useFakeTimers();
    const { storage, kept } = memoryStorage();
    const screen = screenWith(storage);
    await settle();
    await act(async () => {
      await screen.client.prefetchQuery({
        queryKey: ['alerts'],
        queryFn: () => [],
        meta: { lastKnown: false },
      });
      await screen.client.prefetchQuery({
        queryKey: ['sites'],
        queryFn: () => Promise.reject(new Error('503')),
        retry: false,
      });
      await screen.client.prefetchQuery({ queryKey: ['territory'], queryFn: () => ({ name: 'Milano' }) });
    });
    screen.unmount();
    expect(kept.get('operator:full')!.clientState.queries.map((q) => q.queryKey)).toEqual([['territory']]);
  });
});
