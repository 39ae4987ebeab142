import { RECHECK_AFTER_ERROR_EVERY_MS, REFRESH_EVERY_MS } from '../schedule';

/**
 * Demo builds may run every refresh faster (`?refresh-scale=0.01` before the `#`), so a day on a
 * wall can be replayed in minutes; the live build always refreshes at the real pace.
 */
function demoRefreshScale(): number {
  if (import.meta.env.VITE_DEMO !== 'true' || typeof window === 'undefined') return 1;
  const scale = Number(new URLSearchParams(window.location.search).get('refresh-scale'));
  return Number.isFinite(scale) && scale > 0 && scale < 1 ? scale : 1;
}

const scale = demoRefreshScale();
const every = (ms: number) => Math.max(10, Math.round(ms * scale));

/** How often each resource is refreshed, in milliseconds, chosen by how fast it changes. */
export const REFRESH_MS = Object.fromEntries(
  Object.entries(REFRESH_EVERY_MS).map(([resource, ms]) => [resource, every(ms)]),
) as { readonly [R in keyof typeof REFRESH_EVERY_MS]: number };

/**
 * A resource whose last fetch failed is asked again at least this often, so a rarely refreshed
 * panel recovers soon after its backend does.
 */
export const RECHECK_AFTER_ERROR_MS = every(RECHECK_AFTER_ERROR_EVERY_MS);

/** For a resource fetched once: asked again every recheck interval until it has loaded. */
export const recheckUntilLoaded = (query: { state: { data: unknown } }) =>
  query.state.data === undefined ? RECHECK_AFTER_ERROR_MS : false;
