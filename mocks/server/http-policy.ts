import type { IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { posix } from 'node:path';
import type { Duplex } from 'node:stream';
import { HttpHandler, matchRequestUrl, type RequestHandler } from 'msw';
import { API_CONTENT_SECURITY_POLICY } from '../../build/content-security-policy';

/**
 * What the reference server lets through and what every answer carries: which Host names it
 * answers (against DNS rebinding), which other origins may call the API (CORS), which writes it
 * refuses before they reach a handler (cross-site requests), which methods each path takes, which
 * build files stay private, and the security headers. Decisions over a request, which the server
 * (mocks/sim-server.ts) applies. The methods an API path takes come from the msw handlers: a route
 * the server answers outside them is not known here.
 */

export const API_PREFIX = '/api/v1/';

/** The methods a file of the served app takes. */
export const APP_METHODS = ['GET', 'HEAD'] as const;

/** What an allowed origin may do across origins. */
const CORS_METHODS = 'GET, HEAD, PATCH, OPTIONS';
const CORS_HEADERS = 'Content-Type, Accept, Authorization';

/** Methods that change nothing, so a cross-site request with one is harmless. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Methods a fetch `Request` cannot carry: never passed to the handlers. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Powerful features no screen of the dashboard uses, denied to the page and anything it embeds.
 * Fullscreen stays allowed: a wall screen asks for it.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

const COMMON_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  // Screen URLs carry what is on screen (view, selection, filters): they leave with no request.
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': DENIED_FEATURES.map((feature) => `${feature}=()`).join(', '),
};

/** The security headers of an API answer, or of a file of an app whose policy is `appPolicy`. */
export function securityHeaders(appPolicy: string | null): Record<string, string> {
  return { 'Content-Security-Policy': appPolicy ?? API_CONTENT_SECURITY_POLICY, ...COMMON_HEADERS };
}

// --- Host names -----------------------------------------------------------------------------

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Whether listening on `host` keeps the server to this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The warning to print when the server listens beyond this machine, or null when it does not. */
export function networkWarning(host: string, origin: string): string | null {
  if (isLoopback(host)) return null;
  return [
    '',
    '  !  WARNING: the simulated territory is now reachable from the network',
    `  !  (${origin} listens on ${host}, beyond this machine).`,
    '  !  Anyone who can reach it can read the territory and change its alerts.',
    '  !  Its data and dev accounts are for demonstration only: never use real credentials or data.',
    '  !  It speaks plain HTTP: put it behind TLS (a TLS-terminating proxy, named with',
    '  !  --allow-host) before screens use it over a network you do not control.',
    '',
  ].join('\n');
}

/** `name`, `name:port`, `[v6]` or `[v6]:port` as a lower-case name and a port (null: any). */
function splitHost(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9.-]*)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!match) return null;
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && port > 65535) return null;
  return { name: match[1]!.toLowerCase(), port };
}

/** A host as a `Host` header names it (IPv6 in brackets). */
const bracketed = (address: string) => (address.includes(':') ? `[${address}]` : address);

/** Parses a comma-separated `--allow-host` list; throws on an entry that is not a host name. */
export function parseHostList(list: string | undefined): string[] {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) if (!splitHost(entry)) throw new Error(`not a host name: ${entry}`);
  return entries;
}

/** Parses a comma-separated `--allow-origin` list of exact http(s) origins; throws on anything else. */
export function parseOriginList(list: string | undefined): string[] {
  return (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : null;
      const origin = url && /^https?:$/.test(url.protocol) ? url.origin : null;
      if (!origin || origin !== entry.replace(/\/$/, '').toLowerCase())
        throw new Error(`not an origin (scheme://host[:port]): ${entry}`);
      return origin;
    });
}

/** The addresses of this machine's interfaces, for a server listening on all of them. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).map((entry) => entry.address.replace(/%.*$/, '')),
  );
}

/**
 * The Host values the server answers: the address it listens on (every interface's when that is
 * a wildcard), `localhost`, `127.0.0.1` and `[::1]`, all with its port; and the `--allow-host`
 * names, on any port unless one is given (a TLS proxy in front forwards `Host: wall.example.org`).
 */
export function allowedHosts(address: string, port: number, extra: readonly string[] = []) {
  const names = ['localhost', '127.0.0.1', '::1', address];
  if (WILDCARD.has(address)) names.push(...interfaceAddresses());
  const exact = new Set(names.map((name) => `${bracketed(name).toLowerCase()}:${port}`));
  const anyPort = new Set<string>();
  for (const entry of extra) {
    const host = splitHost(entry)!;
    if (host.port === null) anyPort.add(host.name);
    else exact.add(`${host.name}:${host.port}`);
  }
  return { exact, anyPort };
}

/** Whether a `Host` header names this server (a request without one names nothing). */
export function hostAllowed(header: string | undefined, allowed: ReturnType<typeof allowedHosts>): boolean {
  const host = header === undefined ? null : splitHost(header);
  if (!host) return false;
  return allowed.anyPort.has(host.name) || allowed.exact.has(`${host.name}:${host.port ?? 80}`);
}

// --- Origins --------------------------------------------------------------------------------

/** Whether an `Origin` header names the host the request was sent to (the scheme aside: a TLS proxy may be in front). */
function sameOrigin(origin: string, host: string | undefined): boolean {
  return !!host && URL.canParse(origin) && new URL(origin).host === host.toLowerCase();
}

// --- Methods --------------------------------------------------------------------------------

/**
 * The methods an API path takes, from the handlers that serve it (HEAD wherever GET, OPTIONS
 * everywhere), or null when no handler serves it (a 404). A handler of every method (`http.all`,
 * the access guard) serves no path of its own: it only refuses.
 */
export function apiMethods(handlers: readonly RequestHandler[], url: URL): string[] | null {
  const methods = new Set<string>();
  for (const handler of handlers) {
    if (!(handler instanceof HttpHandler)) continue;
    const { method, path } = handler.info;
    if (typeof path === 'function' || typeof method !== 'string' || method === 'ALL') continue;
    if (!matchRequestUrl(url, path).matches) continue;
    methods.add(method.toUpperCase());
  }
  if (methods.size === 0) return null;
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods];
}

// --- The policy -----------------------------------------------------------------------------

export interface HttpPolicyOptions {
  /** The handlers the API is answered from: they tell which methods each API path takes. */
  handlers: readonly RequestHandler[];
  /** The address and port the server listens on. */
  address: string;
  port: number;
  /** Further Host names it answers (`--allow-host`). */
  allowHosts?: readonly string[];
  /** Other origins whose pages may call the API (`--allow-origin`), as `parseOriginList` gives them. */
  allowOrigins?: readonly string[];
  /** The Content-Security-Policy of the served app's files, or null when no app is served. */
  appPolicy: string | null;
  /** Serve the build's source maps and `.vite/` manifest (private otherwise). */
  sourceMaps?: boolean;
}

export interface HttpPolicy {
  /** The headers every answer to this request carries, whoever writes it: security headers, CORS. */
  headers(req: IncomingMessage): Record<string, string>;
  /** The answer the policy gives by itself (421, 403, 405, 404, a preflight's 204), or null. */
  screen(req: IncomingMessage): Response | null;
}

const refusal = (status: number, error: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error }), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });

const methodNotAllowed = (method: string, allow: readonly string[]) =>
  refusal(405, `${method} is not supported here`, { Allow: allow.join(', ') });

/** Build files that stay private unless asked for: source maps and Vite's `.vite/` manifest. */
export function isPrivateBuildFile(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname).replaceAll('\\', '/');
  } catch {
    return false;
  }
  // As the file server resolves it: `.`, `..`, `//` and a trailing `/` folded away.
  const path = posix.resolve('/', `.${decoded}`);
  return /\.map$/i.test(path) || /\/\.vite(\/|$)/i.test(path);
}

export function createHttpPolicy(options: HttpPolicyOptions): HttpPolicy {
  const hosts = allowedHosts(options.address, options.port, options.allowHosts);
  const origins = new Set(options.allowOrigins);
  const urlOf = (req: IncomingMessage) => new URL(req.url ?? '/', 'http://simulated-territory.localhost');
  const isApi = (req: IncomingMessage) => urlOf(req).pathname.startsWith(API_PREFIX);

  return {
    headers(req) {
      if (!isApi(req)) return securityHeaders(options.appPolicy);
      const headers = { ...securityHeaders(null), Vary: 'Origin' };
      const origin = req.headers.origin;
      if (origin === undefined || !origins.has(origin)) return headers;
      return {
        ...headers,
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': CORS_METHODS,
        'Access-Control-Allow-Headers': CORS_HEADERS,
        'Access-Control-Max-Age': '600',
      };
    },

    screen(req) {
      const method = (req.method ?? 'GET').toUpperCase();
      const host = req.headers.host;
      // 421 Misdirected Request (RFC 9110 §7.4, §15.5.20): the Host names a server this is not,
      // as it does when a name an attacker controls is made to resolve to this address.
      if (!hostAllowed(host, hosts)) return refusal(421, 'this server does not answer for that Host');

      // A page under `Referrer-Policy: no-referrer` (the app, the sign-in page) posts with
      // `Origin: null`; Sec-Fetch-Site then tells where the request comes from.
      const origin = req.headers.origin === 'null' ? undefined : req.headers.origin;
      const foreign = origin !== undefined && !sameOrigin(origin, host) && !origins.has(origin);
      const site = req.headers['sec-fetch-site'];
      const unplaced = req.headers.origin === 'null' && site !== 'same-origin';
      const crossSite =
        foreign || unplaced || (origin === undefined && (site === 'cross-site' || site === 'same-site'));
      if (!SAFE_METHODS.has(method) && crossSite)
        return refusal(403, `a ${method} from another origin is refused: allow it with --allow-origin`);

      const url = urlOf(req);
      if (url.pathname.startsWith(API_PREFIX)) {
        const allow = apiMethods(options.handlers, url);
        if (!allow)
          return FORBIDDEN_METHODS.has(method) ? refusal(404, `no such endpoint: ${url.pathname}`) : null;
        if (!allow.includes(method)) return methodNotAllowed(method, allow);
        if (method !== 'OPTIONS') return null;
        if (foreign) return refusal(403, 'this origin may not call the API: allow it with --allow-origin');
        return new Response(null, { status: 204, headers: { Allow: allow.join(', ') } });
      }
      if (!options.sourceMaps && isPrivateBuildFile(url.pathname))
        return refusal(404, `not found: ${url.pathname}`);
      return null;
    },
  };
}

/** Answers a CONNECT, which Node hands to the server's `connect` event: a 405, as this is no proxy. */
export function refuseConnect(socket: Duplex) {
  const body = JSON.stringify({ error: 'CONNECT is not supported: this is not a proxy' });
  const headers = {
    ...securityHeaders(null),
    Allow: APP_METHODS.join(', '),
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${head.join('')}\r\n${body}`);
}
