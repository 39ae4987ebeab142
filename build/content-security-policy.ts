/**
 * The Content-Security-Policy both builds run under, written into index.html as a `<meta>` tag:
 * scripts and workers only from the app's own origin (no inline script, no eval), data only from
 * the app's origin and the API's and basemap's origins named at build time.
 */
export function contentSecurityPolicy(env: Record<string, string | undefined>): string {
  const connect = new Set(["'self'"]);
  for (const url of [env.VITE_API_BASE_URL, env.VITE_MAP_STYLE_URL]) {
    const origin = originOf(url);
    if (origin) connect.add(origin);
  }
  // A basemap's tiles and glyphs may live on further hosts, which only its operator knows.
  for (const source of (env.VITE_CSP_CONNECT_SRC ?? '').split(/\s+/).filter(Boolean)) connect.add(source);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    `connect-src ${[...connect].join(' ')}`,
    "img-src 'self' data: blob:",
    "style-src 'self'",
    // ECharts writes its tooltip as HTML with style attributes.
    "style-src-attr 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The origin of an absolute http(s) URL; nothing for a relative one (it is 'self'). */
function originOf(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  return new URL(url).origin;
}
