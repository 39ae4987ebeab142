import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getResponse, type RequestHandler } from 'msw';
import { appHeaderPolicy, contentSecurityPolicy, policyInIndexHtml } from '../build/content-security-policy';
import type { Authenticate } from './handlers/access';
import { createHandlers } from './handlers/index';
import { appFiles as appFilesOf, encodeFor } from './server/app-files';
import { bearerAuthenticator, providerKeys } from './server/bearer';
import { createDevProvider, DEV_PROVIDER_PATH } from './server/dev-provider';
import {
  API_PREFIX,
  APP_METHODS,
  createHttpPolicy,
  networkWarning,
  parseHostList,
  parseOriginList,
  refuseConnect,
} from './server/http-policy';
import { applyFaultList } from './scenarios';
import { DEFAULT_SEED, type SimulationOptions } from './territory/simulation';

/**
 * The simulated territory over real HTTP, so that several screens (a wall, a laptop, a presenter's
 * screen running the live build) share one state: the same MSW handlers as the demo and the unit
 * tests, over ONE simulation for the life of the process, answered through msw's `getResponse`.
 * Started by `npm run serve:sim` (scripts/serve-sim.mjs); it may also serve a built app.
 */

export const DEFAULT_SIM_PORT = 8787;
export const DEFAULT_SIM_HOST = '127.0.0.1';
export const DEFAULT_TOKEN_SECONDS = 300;
const MAX_BODY_BYTES = 1 << 20;

export interface SimServerOptions {
  port?: number;
  host?: string;
  /** Seed, sensor count (and, for tests, the clock) of the one simulation. */
  simulation?: SimulationOptions;
  /** Faults switched on for the process life, as the demo's `?faults=` list. */
  faults?: string;
  /** A built app (e.g. dist/live) to serve on the same origin, so one URL is enough. */
  appDir?: string;
  /** Other origins whose pages may call the API (CORS); none by default. */
  allowOrigins?: string[];
  /** Host names answered besides this machine's own (e.g. a wall's DNS name). */
  allowHosts?: string[];
  /** Serve the app's source maps and `.vite/` manifest too. */
  sourceMaps?: boolean;
  /** The origin screens open it at (the issuer's origin); `http://<host>:<port>` by default. */
  publicUrl?: string;
  /** An outside OpenID provider's issuer: its tokens are checked, and no provider runs here. */
  issuer?: string;
  /** The API's audience in that provider's access tokens. */
  audience?: string;
  /** Whether the development provider's wall account may acknowledge alerts. */
  wallAcknowledges?: boolean;
  /** How long the development provider's access tokens last, in seconds. */
  tokenSeconds?: number;
}

export interface SimServer {
  server: Server;
  /** The origin it listens on, e.g. http://127.0.0.1:8787 */
  origin: string;
  /** The OpenID provider whose tokens it accepts. */
  issuer: string;
  close(): Promise<void>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers },
  });

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The Node request as a Fetch `Request` (hop-by-hop headers left out). */
async function toFetchRequest(req: IncomingMessage, url: URL): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || ['host', 'connection', 'content-length', 'transfer-encoding'].includes(name))
      continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // A HEAD is answered as the GET it stands for; the body is left out when it is sent.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const body = method === 'GET' ? undefined : new Uint8Array(await readBody(req));
  return new Request(url, { method, headers, body });
}

/**
 * Answers one request: `/api/v1/*` from the handlers, anything else from the app's files when
 * there are some; the rest is a 404 in JSON. What the HTTP policy (server/http-policy.ts) decides
 * by itself has been answered before, and its headers go on whatever this answers.
 */
export async function answer(
  handlers: readonly RequestHandler[],
  req: IncomingMessage,
  appFiles: ReturnType<typeof appFilesOf>['serve'] | null,
): Promise<Response> {
  const url = new URL(req.url ?? '/', 'http://simulated-territory.localhost');
  const method = req.method ?? 'GET';
  if (url.pathname.startsWith(API_PREFIX)) {
    let response: Response | undefined;
    try {
      response = await getResponse([...handlers], await toFetchRequest(req, url));
    } catch (error) {
      if (error instanceof BodyTooLarge) return json(413, { error: 'request body too large' });
      throw error;
    }
    if (!response) return json(404, { error: `no such endpoint: ${method} ${url.pathname}` });
    if (response.type === 'error') return response;
    const headers = new Headers(response.headers);
    headers.set('Cache-Control', 'no-store');
    return new Response(response.body, { status: response.status, headers });
  }
  if (appFiles && !(APP_METHODS as readonly string[]).includes(method))
    return json(405, { error: `${method} is not supported here` }, { Allow: APP_METHODS.join(', ') });
  return (await appFiles?.(req, url.pathname)) ?? json(404, { error: `not found: ${url.pathname}` });
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response) {
  // A simulated network error (the `network-error` fault): the connection just drops.
  if (response.type === 'error') return void res.destroy();
  res.statusCode = response.status;
  let body: Uint8Array = new Uint8Array(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  // The API's answers are compressed here, the app's files once when first served.
  if (!headers.has('Content-Encoding')) {
    const encoded = await encodeFor(req, body, headers.get('Content-Type') ?? '');
    body = encoded.body;
    for (const [name, value] of Object.entries(encoded.headers)) headers.set(name, value);
  }
  // The HTTP policy's Vary (Origin) is kept beside the answer's own.
  const vary = [res.getHeader('Vary'), headers.get('Vary')].filter(Boolean).join(', ');
  headers.forEach((value, name) => res.setHeader(name, value));
  if (vary) res.setHeader('Vary', vary);
  // Said outright, so that a HEAD carries the length its GET would.
  if (response.status !== 204 && response.status !== 304) res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

const randomKey = () => crypto.getRandomValues(new Uint8Array(32));

const isProviderPath = (req: IncomingMessage) => {
  const path = new URL(req.url ?? '/', 'http://sim.localhost').pathname;
  return path === DEV_PROVIDER_PATH || path.startsWith(`${DEV_PROVIDER_PATH}/`);
};

/**
 * How people sign in: at an outside provider when one is named (its tokens checked against its
 * published keys), else at the development provider this server runs at DEV_PROVIDER_PATH.
 */
async function signInFor(options: SimServerOptions, publicUrl: string, appOrigins: readonly string[]) {
  if (options.issuer) {
    if (!options.audience) throw new Error('--issuer needs --audience: the API in its access tokens');
    return {
      issuer: options.issuer,
      authenticate: bearerAuthenticator({
        issuer: options.issuer,
        audience: options.audience,
        keys: await providerKeys(options.issuer),
      }),
      handle: null,
    };
  }
  const issuer = `${publicUrl}${DEV_PROVIDER_PATH}`;
  const dev = await createDevProvider({
    issuer,
    redirectUris: [...new Set(appOrigins)].map((origin) => `${origin}/`),
    wallAcknowledges: options.wallAcknowledges ?? false,
    accessTokenSeconds: options.tokenSeconds ?? DEFAULT_TOKEN_SECONDS,
  });
  return { issuer, authenticate: dev.authenticate, handle: dev.handle };
}

/** Starts the server over one simulation; resolves once it listens. */
export async function startSimServer(options: SimServerOptions = {}): Promise<SimServer> {
  const { port = DEFAULT_SIM_PORT, host = DEFAULT_SIM_HOST, simulation = {}, faults, appDir } = options;
  const appRoot = appDir ? await realpath(resolve(appDir)).catch(() => null) : null;
  const index = appRoot ? await readFile(join(appRoot, 'index.html'), 'utf8').catch(() => null) : null;
  if (appDir && index === null)
    throw new Error(`${appDir} has no index.html: build the app first (npm run build)`);
  const files = appRoot ? appFilesOf(appRoot) : null;
  void files?.prepare().catch((error: unknown) => console.error('Compressing the app failed:', error));
  applyFaultList(faults ?? null);
  // Who a request comes from is known once the provider runs, which needs the port it got.
  let authenticate: Authenticate = async () => null;
  const handlers = createHandlers(simulation, {
    authenticate: (request) => authenticate(request),
    publicIdKey: randomKey(),
  });
  // The app's files carry, as a header, the policy its build wrote into index.html.
  const appPolicy =
    index === null ? null : appHeaderPolicy(policyInIndexHtml(index) ?? contentSecurityPolicy({}));

  const server = createServer();
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => refuseConnect(socket));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // Made once it listens, as the Host names it answers carry the port it got; no request is
  // read before this runs.
  const policy = createHttpPolicy({
    handlers,
    address: address.address,
    port: address.port,
    allowHosts: options.allowHosts,
    allowOrigins: options.allowOrigins,
    appPolicy,
    sourceMaps: options.sourceMaps,
  });

  const origin = `http://${shownHost}:${address.port}`;
  const publicUrl = new URL(options.publicUrl ?? origin).origin;
  const signIn = await signInFor(options, publicUrl, [origin, publicUrl, ...(options.allowOrigins ?? [])]);
  authenticate = signIn.authenticate;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(policy.headers(req))) res.setHeader(name, value);
    const screened = policy.screen(req);
    // The development provider writes its own answers.
    const provider = !screened && signIn.handle && isProviderPath(req) ? signIn.handle : null;
    (provider
      ? provider(req, res).then(() => null)
      : screened
        ? Promise.resolve(screened)
        : answer(handlers, req, files?.serve ?? null)
    )
      .then((response) => response && send(req, res, response))
      .catch((error: unknown) => {
        console.error(`${req.method} ${req.url}:`, error);
        if (!res.headersSent) void send(req, res, json(500, { error: 'internal error' }));
        else res.destroy();
      });
  });
  return {
    server,
    origin,
    issuer: signIn.issuer,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Requests held by a `hang` fault, and idle keep-alive connections, would keep it open.
        server.closeAllConnections();
      }),
  };
}

const positiveInteger = (name: string, value: string | undefined, min = 1) => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}: ${value}`);
  return n;
};

export const USAGE = `Usage: npm run serve:sim -- [options]

  --port <n>              port (env SIM_PORT, default ${DEFAULT_SIM_PORT}; 0 picks a free one)
  --host <addr>           address to listen on (env SIM_HOST, default ${DEFAULT_SIM_HOST}); anything
                          but loopback makes it reachable from the network (a warning says so)
  --seed <text>           another deterministic territory (env SIM_SEED, default ${DEFAULT_SEED})
  --sensors <n>           number of sensors, e.g. 10000 (env SIM_SENSORS, default about 1,500)
  --faults <list>         e.g. alerts:server-error,readings:slow (env SIM_FAULTS)
  --app <dir>             also serve a built app on the same origin, e.g. dist/live (env SIM_APP)
  --allow-origin <list>   other origins whose pages may call the API, comma-separated and exact,
                          e.g. http://localhost:4173 (env SIM_ALLOW_ORIGINS; default none: same
                          origin only, and a write from any other origin is refused)
  --allow-host <list>     Host names answered besides localhost, 127.0.0.1, [::1] and the listening
                          address, e.g. wall.example.org or wall.example.org:8787 (env
                          SIM_ALLOW_HOSTS); any other Host gets 421, against DNS rebinding
  --source-maps           also serve the app's *.map files and .vite/ manifest (private by default)
  --public-url <url>      the address screens open, e.g. http://wall-server.example.org:8787: the
                          development provider's issuer (env SIM_PUBLIC_URL; default the listening one)
  --wall-acknowledges     the development provider's wall account may acknowledge alerts
  --token-seconds <n>     how long its access tokens last (env SIM_TOKEN_SECONDS, default ${DEFAULT_TOKEN_SECONDS})
  --issuer <url>          sign in at this OpenID provider instead (env SIM_ISSUER): its access
                          tokens, JWTs for --audience <id> (env SIM_AUDIENCE), are checked`;

/** Options from the command line, then the environment. Throws on a bad value. */
export function parseSimOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): SimServerOptions & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      sensors: { type: 'string' },
      faults: { type: 'string' },
      app: { type: 'string' },
      'allow-origin': { type: 'string' },
      'allow-host': { type: 'string' },
      'source-maps': { type: 'boolean' },
      'public-url': { type: 'string' },
      'wall-acknowledges': { type: 'boolean' },
      'token-seconds': { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const port = positiveInteger('port', values.port ?? env.SIM_PORT, 0);
  if (port !== undefined && port > 65535) throw new Error(`port must be at most 65535: ${port}`);
  return {
    help: values.help ?? false,
    port,
    host: values.host || env.SIM_HOST || undefined,
    simulation: {
      seed: values.seed || env.SIM_SEED || undefined,
      sensorCount: positiveInteger('sensors', values.sensors ?? env.SIM_SENSORS),
    },
    faults: values.faults ?? env.SIM_FAULTS,
    appDir: values.app || env.SIM_APP || undefined,
    allowOrigins: parseOriginList(values['allow-origin'] ?? env.SIM_ALLOW_ORIGINS),
    allowHosts: parseHostList(values['allow-host'] ?? env.SIM_ALLOW_HOSTS),
    sourceMaps: values['source-maps'] ?? false,
    publicUrl: values['public-url'] || env.SIM_PUBLIC_URL || undefined,
    wallAcknowledges: values['wall-acknowledges'] ?? false,
    tokenSeconds: positiveInteger('token-seconds', values['token-seconds'] ?? env.SIM_TOKEN_SECONDS),
    issuer: values.issuer || env.SIM_ISSUER || undefined,
    audience: values.audience || env.SIM_AUDIENCE || undefined,
  };
}

/** The command: parses the options, serves until SIGINT or SIGTERM. */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const { help, ...options } = parseSimOptions(argv, env);
  if (help) return void console.log(USAGE);
  const sim = await startSimServer(options);
  const warning = networkWarning(options.host ?? DEFAULT_SIM_HOST, sim.origin);
  if (warning) console.error(warning);
  const { seed = DEFAULT_SEED, sensorCount } = options.simulation ?? {};
  console.log(
    `Simulated territory (seed ${seed}${sensorCount ? `, ${sensorCount} sensors` : ''}${
      options.faults ? `, faults ${options.faults}` : ''
    }) at ${sim.origin}/api/v1${options.appDir ? `, app ${options.appDir} at ${sim.origin}/` : ''}`,
  );
  console.log(
    options.issuer
      ? `Sign-in at ${sim.issuer}`
      : `Sign-in at the development provider ${sim.issuer}: accounts operator, manager, wall and public (README, "Security model")`,
  );
  const stop = (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping`);
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
