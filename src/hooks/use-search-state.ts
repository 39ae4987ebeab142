import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod/mini';

type SearchValue = string | number | boolean | null | undefined;

/**
 * The search last written but not rendered yet. The router applies a change later, so two
 * writes in one tick (a pick and the camera move it causes) must build on each other, not both
 * on the last render's URL, or the second undoes the first.
 */
let pendingSearch: string | null = null;

/**
 * What is on screen (selection, filters) read from and written to the URL, validated by a
 * schema whose fields fall back (`.catch`) so a stale or hand-edited link still opens.
 */
export function useSearchState<S extends z.ZodMiniObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const rendered = useRef(params);
  useLayoutEffect(() => {
    rendered.current = params;
    pendingSearch = null;
  }, [params]);
  const state = useMemo(() => schema.parse(Object.fromEntries(params)) as z.infer<S>, [schema, params]);
  const update = useCallback(
    (patch: Partial<Record<keyof z.infer<S>, SearchValue>>) => {
      const next = new URLSearchParams(pendingSearch ?? rendered.current);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      pendingSearch = next.toString();
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [state, update] as const;
}
