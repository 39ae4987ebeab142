import { useCallback, useMemo } from 'react';
import { createParser, useQueryStates, type Options } from 'nuqs';
import type { z } from 'zod/mini';

type SearchValue = string | number | boolean | null | undefined;
type Patch<S extends z.ZodMiniObject> = Partial<Record<keyof z.infer<S>, SearchValue>>;
type Raw = Record<string, string | null>;

// nuqs carries the raw strings; the view's zod schema types them and gives each its fallback.
const text = createParser({ parse: (value: string) => value, serialize: (value: string) => value });
const rawParsers = new WeakMap<z.ZodMiniObject, Record<string, typeof text>>();

function parsersFor(schema: z.ZodMiniObject) {
  let parsers = rawParsers.get(schema);
  if (!parsers) {
    parsers = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, text]));
    rawParsers.set(schema, parsers);
  }
  return parsers;
}

const present = (raw: Raw) => Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null));

/**
 * What is on screen (selection, filters, the map's camera) read from and written to the URL,
 * validated by a schema whose fields fall back (`.catch`) so a stale or hand-edited link still
 * opens. A write is a patch, or a function of the state including writes not yet in the URL, so two
 * writers in one tick never undo each other. An empty value removes the parameter.
 */
export function useSearchState<S extends z.ZodMiniObject>(schema: S) {
  const [raw, setRaw] = useQueryStates(parsersFor(schema));
  const state = useMemo(() => schema.parse(present(raw)) as z.infer<S>, [schema, raw]);
  const update = useCallback(
    (patch: Patch<S> | ((state: z.infer<S>) => Patch<S>), options?: Options) =>
      void setRaw((current) => {
        const changes =
          typeof patch === 'function' ? patch(schema.parse(present(current)) as z.infer<S>) : patch;
        return Object.fromEntries(
          Object.entries(changes as Record<string, SearchValue>).map(([key, value]) => [
            key,
            value === undefined || value === null || value === '' ? null : String(value),
          ]),
        );
      }, options),
    [schema, setRaw],
  );
  return [state, update] as const;
}
