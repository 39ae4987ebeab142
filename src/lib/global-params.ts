/** Parameters that belong to the whole screen, kept when moving between views. */
const GLOBAL_PARAMS = ['mode', 'lang', 'at', 'time', 'views'];

/** The query string of `search` reduced to the global parameters, with `extra` added. */
export function keepGlobalParams(search: string, extra: Record<string, string> = {}): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of GLOBAL_PARAMS) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) kept.set(key, value);
  const text = kept.toString();
  return text ? `?${text}` : '';
}
