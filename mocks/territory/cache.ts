/**
 * Results of a pure computation kept for reuse by key, as the endpoints that need them are polled.
 * Up to `limit` are kept; when full it starts afresh, which only costs recomputing what is in use.
 */
export function boundedCache<T>(limit: number): (key: string, compute: () => T) => T {
  const kept = new Map<string, T>();
  return (key, compute) => {
    const hit = kept.get(key);
    if (hit !== undefined) return hit;
    const value = compute();
    if (kept.size >= limit) kept.clear();
    kept.set(key, value);
    return value;
  };
}
