import { useSyncExternalStore } from 'react';

interface Clock {
  now: number;
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

/** One shared ticking clock per interval, so many age labels cost one timer. */
const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const clock: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      if (!timer) {
        clock.now = Date.now();
        timer = setInterval(() => {
          clock.now = Date.now();
          listeners.forEach((l) => l());
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    getSnapshot: () => clock.now,
  };
  clocks.set(intervalMs, clock);
  return clock;
}

/** The current time, updated every `intervalMs` while anything on screen shows it. */
export function useNow(intervalMs = 1000): number {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot);
}
