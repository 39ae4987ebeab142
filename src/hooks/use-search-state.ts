import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

type SearchValue = string | number | boolean | null | undefined;

/**
 * What is on screen (selection, filters) read from and written to the URL, validated by a
 * schema whose fields fall back (`.catch`) so a stale or hand-edited link still opens.
 */
export function useSearchState<S extends z.ZodObject>(schema: S) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => schema.parse(Object.fromEntries(params)) as z.infer<S>, [schema, params]);
  const update = useCallback(
    (patch: Partial<Record<keyof z.infer<S>, SearchValue>>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [state, update] as const;
}
