import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Where the page runs under Trusted Types (`require-trusted-types-for 'script'`, which
 * `npm run serve:sim` sends with the app), a string reaches an HTML or script-URL sink only through
 * a policy. The app's own code writes to none; two libraries do, each with one string of its own,
 * and cannot be handed a trusted value instead. The default policy lets exactly those two through
 * and refuses everything else (the sink then throws and the browser reports the violation):
 * - zrender (under ECharts) empties a chart's container with `innerHTML = ''` when the chart is
 *   made and when it is disposed;
 * - MapLibre starts its workers with `new Worker(url)` from the URL given to `setWorkerUrl`.
 */

/** The part of the Trusted Types API this uses (TypeScript's DOM library does not declare it). */
interface TrustedTypePolicyFactory {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string) => string | null;
      createScriptURL?: (input: string) => string | null;
    },
  ): unknown;
}

/** The HTML a library may write: only the empty string, which clears an element. */
export const allowedHtml = (input: string): string | null => (input === '' ? '' : null);

/** The script URL a library may load: only MapLibre's worker, as the build emitted it. */
export function allowedScriptUrl(input: string, base: string): string | null {
  if (!URL.canParse(input, base)) return null;
  return new URL(input, base).href === new URL(maplibreWorkerUrl, base).href ? input : null;
}

/** Creates the default policy, where the browser has Trusted Types; elsewhere there is nothing to do. */
export function installTrustedTypesPolicy(
  factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes,
  base = globalThis.document?.baseURI,
) {
  if (!factory || !base) return;
  factory.createPolicy('default', {
    createHTML: allowedHtml,
    createScriptURL: (input) => allowedScriptUrl(input, base),
  });
}
