/** Answers broken in the ways a backend can break the API's schemas (for the `?faults=` scenarios). */

/** Breaks the first field of the first listed item (or of the root) so validation must refuse it. */
function violated(json: unknown): unknown {
  if (!json || typeof json !== 'object') return null;
  const root = { ...(json as Record<string, unknown>) };
  const listKey = Object.keys(root).find((k) => Array.isArray(root[k]) && (root[k] as unknown[]).length > 0);
  if (!listKey) return { ...root, [Object.keys(root)[0] ?? 'id']: null };
  const [first, ...rest] = root[listKey] as Record<string, unknown>[];
  const field = Object.keys(first ?? {})[0] ?? 'id';
  return { ...root, [listKey]: [{ ...first, [field]: null }, ...rest] };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isLonLat = (value: unknown) =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
/** Fields that hold one of a fixed set of values in the API's schemas. */
const ENUM_KEYS = new Set([
  'kind',
  'status',
  'severity',
  'state',
  'band',
  'period',
  'direction',
  'pollutant',
]);

/**
 * A copy of `json` with the first value (depth first) for which `match` holds replaced by
 * `replace(value)`, or null when none matches.
 */
function replaceFirst(
  json: unknown,
  match: (key: string, value: unknown) => boolean,
  replace: (value: unknown) => unknown,
): unknown {
  let done = false;
  const walk = (value: unknown): unknown => {
    if (done) return value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (!isObject(value)) return value;
    const copy: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (!done && match(k, v)) {
        copy[k] = replace(v);
        done = true;
      } else copy[k] = walk(v);
    }
    return copy;
  };
  const result = walk(json);
  return done ? result : null;
}

/** The first list of objects in an answer (the items it lists), by its key. */
function firstList(root: Json): string | undefined {
  return Object.keys(root).find((k) => {
    const value = root[k];
    return Array.isArray(value) && isObject(value[0]);
  });
}

/** Applies `change` to the first listed item, or to the root when it lists nothing (or it does not apply). */
function inFirstItem(json: unknown, change: (target: unknown) => unknown): unknown {
  if (!isObject(json)) return json;
  const listKey = firstList(json);
  if (listKey) {
    const [first, ...rest] = json[listKey] as unknown[];
    const changed = change(first);
    if (changed !== null) return { ...json, [listKey]: [changed, ...rest] };
  }
  return change(json) ?? json;
}

/** Each way an answer can break the API's schemas, applied to the real answer. */
export const VIOLATIONS = {
  'schema-violation': violated,
  // A number sent as a string or, in an item without numbers, a string sent as a number.
  'wrong-type': (json) =>
    inFirstItem(
      json,
      (t) =>
        replaceFirst(
          t,
          (_k, v) => typeof v === 'number',
          (v) => String(v),
        ) ??
        replaceFirst(
          t,
          (_k, v) => typeof v === 'string',
          () => 42,
        ),
    ),
  'nan-string': (json) =>
    inFirstItem(json, (t) =>
      replaceFirst(
        t,
        (_k, v) => typeof v === 'number',
        () => 'NaN',
      ),
    ),
  'bad-coordinates': (json) =>
    inFirstItem(json, (t) =>
      replaceFirst(
        t,
        (_k, v) => isLonLat(v),
        () => [200, 100],
      ),
    ),
  'unknown-enum': (json) =>
    inFirstItem(json, (t) =>
      replaceFirst(
        t,
        (k, v) => ENUM_KEYS.has(k) && typeof v === 'string',
        () => 'not-a-known-value',
      ),
    ),
  'empty-string': (json) =>
    inFirstItem(json, (t) =>
      replaceFirst(
        t,
        (_k, v) => typeof v === 'string' && v !== '',
        () => '',
      ),
    ),
  'duplicate-ids': (json) => {
    if (!isObject(json)) return json;
    const listKey = firstList(json);
    if (!listKey) return json;
    const [first, ...rest] = json[listKey] as unknown[];
    return { ...json, [listKey]: [first, first, ...rest] };
  },
} satisfies Record<string, (json: unknown) => unknown>;
