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

/**
 * What a server adds to the build's policy when it sends it as a header: `frame-ancestors` (which
 * a `<meta>` policy cannot carry) so no other site frames a screen, and Trusted Types, so that no
 * string ever reaches an HTML or script sink (innerHTML, a worker's URL) unchecked.
 */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'", "require-trusted-types-for 'script'"];

/** The policy of an API's answers: JSON loads nothing, runs nothing and is framed by no one. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The header policy of a built app: its own `<meta>` policy and the header-only directives. */
export function appHeaderPolicy(metaPolicy: string): string {
  return [metaPolicy, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' };

/**
 * The policy in a built index.html's `<meta http-equiv="Content-Security-Policy">` (as
 * `contentSecurityPolicy` wrote it there at build time), or null when it has none.
 */
export function policyInIndexHtml(html: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (!/\bhttp-equiv\s*=\s*["']?Content-Security-Policy["'\s>]/i.test(tag)) continue;
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value) return value.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, name: string) => ENTITIES[name]!);
  }
  return null;
}
