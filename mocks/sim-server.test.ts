// @vitest-environment node
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../src/api/schemas/security';
import { allowedHosts, hostAllowed, isPrivateBuildFile, networkWarning } from './server/http-policy';
import { DEV_ACCOUNTS } from './server/dev-accounts';
import { signInAs } from './server/sign-in-flow';
import { parseSimOptions, startSimServer, USAGE, type SimServer } from './sim-server';

const NOON = Date.parse('2026-11-25T11:00:00Z');
const SECRET = 'not for the screens';
const SOURCE_MAP = '{"version":3,"sources":["../src/main.ts"],"mappings":""}';
const MANIFEST = '{"index.html":{"file":"assets/main.js"}}';
/** An origin the server is told to let call its API, and one it is not. */
const FRIEND = 'http://laptop.example:4173';
const FOREIGN = 'http://evil.example';
const WALL = 'wall.example.org';

/** Written here as the build writes it into index.html (HTML-escaped quotes). */
const META_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self' https://tiles.example";
/** What the app's files must carry: computed here, not by the code under test. */
const APP_POLICY = `${META_POLICY}; frame-ancestors 'none'; require-trusted-types-for 'script'`;
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

let sim: SimServer;
/** The same app served with `--source-maps`. */
let withMaps: SimServer;
let appDir: string;
/** The development provider's operator, signed in: what every request below carries unless it says. */
let operatorToken: string;

beforeAll(async () => {
  // A built app to serve, and a file beside it that must never be served.
  const dir = await mkdtemp(join(tmpdir(), 'sim-server-'));
  appDir = join(dir, 'app');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await mkdir(join(appDir, '.vite'), { recursive: true });
  await writeFile(
    join(appDir, 'index.html'),
    `<!doctype html><meta http-equiv="Content-Security-Policy" content="${META_POLICY.replaceAll("'", '&#39;')}"><title>live</title>`,
  );
  await writeFile(join(appDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(appDir, 'assets', 'main.js.map'), SOURCE_MAP);
  await writeFile(join(appDir, '.vite', 'manifest.json'), MANIFEST);
  await writeFile(join(dir, 'secret.txt'), SECRET);
  const simulation = { sensorCount: 200, now: () => NOON };
  sim = await startSimServer({
    port: 0,
    appDir,
    simulation,
    faults: 'kpis:server-error',
    allowOrigins: [FRIEND],
    allowHosts: [WALL],
  });
  withMaps = await startSimServer({ port: 0, appDir, simulation, sourceMaps: true });
  operatorToken = (await signInAs(sim.origin, 'operator', DEV_ACCOUNTS.operator!.password)).access_token;
}, 60_000);

afterAll(async () => {
  await sim?.close();
  await withMaps?.close();
  if (appDir) await rm(join(appDir, '..'), { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw request, so that a path such as `/../x` reaches the server as written. */
function raw(
  method: string,
  path: string,
  body?: string,
  headers: OutgoingHttpHeaders = {},
  server: SimServer = sim,
) {
  return new Promise<RawResponse>((done, fail) => {
    const signedIn = { Authorization: `Bearer ${operatorToken}`, ...headers };
    const req = httpRequest(`${server.origin}${path}`, { method, path, headers: signedIn }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', fail);
    if (body !== undefined) {
      if (!('Content-Type' in headers)) req.setHeader('Content-Type', 'application/json');
      // Said outright: Node frames no body of its own on a DELETE or an OPTIONS.
      req.setHeader('Content-Length', Buffer.byteLength(body));
    }
    req.end(body);
  });
}

const port = () => new URL(sim.origin).port;

const alerts = async () => {
  const response = await raw('GET', '/api/v1/security/alerts');
  return (JSON.parse(response.text) as { items: Alert[] }).items;
};

const acknowledge = JSON.stringify({ status: 'acknowledged' });

/** The security headers every answer carries; `policy` is its Content-Security-Policy. */
function expectSecurityHeaders(response: RawResponse, policy: string, what: string) {
  expect(response.headers['content-security-policy'], what).toBe(policy);
  expect(response.headers, what).toMatchObject({
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  const permissions = String(response.headers['permissions-policy']);
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
    expect(permissions, what).toContain(`${feature}=()`);
}

describe('the simulated territory over HTTP', () => {
  it('keeps one state: a PATCH is seen by every later GET', async () => {
    const open = (await alerts()).find((a) => a.status === 'open')!;
    expect(open).toBeDefined();
    const patched = await raw('PATCH', `/api/v1/security/alerts/${open.id}`, acknowledge);
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text)).toMatchObject({ id: open.id, status: 'acknowledged' });
    const seen = (await alerts()).find((a) => a.id === open.id)!;
    expect(seen.status).toBe('acknowledged');
    expect(seen.audit.at(-1)).toMatchObject({
      actor: DEV_ACCOUNTS.operator!.name,
      from: 'open',
      to: 'acknowledged',
    });
  });

  it("compresses the API's answers for a browser that takes it, and says how long they are", async () => {
    const headers = { Authorization: `Bearer ${operatorToken}` };
    const plain = await fetch(`${sim.origin}/api/v1/sensors`, {
      headers: { ...headers, 'Accept-Encoding': 'identity' },
    });
    const plainBody = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    const gzip = await fetch(`${sim.origin}/api/v1/sensors`, {
      headers: { ...headers, 'Accept-Encoding': 'gzip' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toMatch(/\bAccept-Encoding\b/);
    expect(Number(gzip.headers.get('content-length'))).toBeLessThan(plainBody.length / 3);
    expect(JSON.parse(await gzip.text())).toEqual(JSON.parse(plainBody));
  });

  it("answers the handlers' own errors", async () => {
    const refused = await raw(
      'PATCH',
      '/api/v1/security/alerts/alr-none',
      '{"actor":"Wall","status":"closed"}',
    );
    expect(refused.status).toBe(404);
    const bad = await raw('PATCH', '/api/v1/security/alerts/alr-none', 'not json');
    expect(bad.status).toBe(400);
    const territory = await raw('GET', '/api/v1/territory');
    expect(territory.status).toBe(200);
    expect(territory.headers['content-type']).toMatch(/^application\/json/);
  });

  it('answers unknown paths with a 404 in JSON, whatever the method', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/nothing-here'],
      ['GET', '/api/v2/territory'],
      ['GET', '/nothing-here'],
      ['DELETE', '/api/v1/nothing-here'],
      ['TRACE', '/api/v1/nothing-here'],
    ]) {
      const response = await raw(method!, path!);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(JSON.parse(response.text), path).toHaveProperty('error');
    }
  });

  it("serves the app's files and nothing outside them", async () => {
    const index = await raw('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toContain('<title>live</title>');
    const script = await raw('GET', '/assets/main.js');
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const response = await raw('GET', path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain(SECRET);
    }
  });
});

describe('CORS', () => {
  it('gives another origin no CORS headers unless it is allowed', async () => {
    for (const headers of [{}, { Origin: FOREIGN }, { Origin: 'null' }]) {
      const response = await raw('GET', '/api/v1/territory', undefined, headers);
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin'], JSON.stringify(headers)).toBeUndefined();
      expect(response.headers.vary).toMatch(/\bOrigin\b/);
    }
  });

  it('echoes an allowed origin, on answers and on preflights', async () => {
    const response = await raw('GET', '/api/v1/territory', undefined, { Origin: FRIEND });
    expect(response.headers['access-control-allow-origin']).toBe(FRIEND);
    expect(response.headers.vary).toMatch(/\bOrigin\b/);
    const preflight = await raw('OPTIONS', '/api/v1/security/alerts/alr-1', undefined, {
      Origin: FRIEND,
      'Access-Control-Request-Method': 'PATCH',
      'Access-Control-Request-Headers': 'content-type, authorization',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': FRIEND,
      'access-control-allow-methods': 'GET, HEAD, PATCH, OPTIONS',
      'access-control-allow-headers': 'Content-Type, Accept, Authorization',
      vary: 'Origin',
    });
  });

  it("refuses another origin's preflight, with no CORS headers", async () => {
    const preflight = await raw('OPTIONS', '/api/v1/security/alerts/alr-1', undefined, {
      Origin: FOREIGN,
      'Access-Control-Request-Method': 'PATCH',
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('refuses a write from another origin before it changes anything', async () => {
    const open = (await alerts()).find((a) => a.status === 'open')!;
    const path = `/api/v1/security/alerts/${open.id}`;
    const attempts: [string, OutgoingHttpHeaders][] = [
      ['PATCH', { Origin: FOREIGN }],
      ['PATCH', { Origin: 'null' }],
      // A plain cross-site form post: no preflight in a browser, so refused here or nowhere.
      ['POST', { Origin: FOREIGN, 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['POST', { Origin: FOREIGN, 'Content-Type': 'text/plain' }],
      // A browser that sent no Origin still says where the request comes from.
      ['PATCH', { 'Sec-Fetch-Site': 'cross-site' }],
    ];
    for (const [method, headers] of attempts) {
      const response = await raw(method, path, acknowledge, headers);
      expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await alerts()).find((a) => a.id === open.id)!.status).toBe('open');
  });

  it('takes a write from its own origin and from an allowed one', async () => {
    const [first, second] = (await alerts()).filter((a) => a.status === 'open');
    const own = await raw('PATCH', `/api/v1/security/alerts/${first!.id}`, acknowledge, {
      Origin: sim.origin,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
    const friend = await raw('PATCH', `/api/v1/security/alerts/${second!.id}`, acknowledge, {
      Origin: FRIEND,
    });
    expect(friend.status).toBe(200);
    expect(friend.headers['access-control-allow-origin']).toBe(FRIEND);
  });
});

describe('Host names', () => {
  it('answers its own names and the allowed ones', async () => {
    for (const host of [
      `127.0.0.1:${port()}`,
      `localhost:${port()}`,
      `LOCALHOST:${port()}`,
      WALL,
      `${WALL}:443`,
    ]) {
      const response = await raw('GET', '/api/v1/territory', undefined, { Host: host });
      expect(response.status, host).toBe(200);
    }
  });

  it('refuses any other Host with 421, on the API and the app alike', async () => {
    for (const host of [
      `evil.example:${port()}`,
      `localhost:${Number(port()) + 1}`,
      'localhost',
      `evil@127.0.0.1:${port()}`,
      `wall.example.org.evil.example`,
    ]) {
      for (const path of ['/api/v1/territory', '/']) {
        const response = await raw('GET', path, undefined, { Host: host });
        expect(response.status, `${host} ${path}`).toBe(421);
        expect(response.text).not.toContain('<title>live</title>');
      }
    }
    const write = await raw('PATCH', '/api/v1/security/alerts/alr-1', acknowledge, {
      Host: `evil.example:${port()}`,
    });
    expect(write.status).toBe(421);
  });

  it('refuses a request that names no host', async () => {
    const response = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port()), '127.0.0.1', () =>
        socket.end('GET /api/v1/territory HTTP/1.0\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    expect(response).toMatch(/^HTTP\/1\.1 421 /);
  });

  it('knows its own names when it listens on every interface', () => {
    const allowed = allowedHosts('0.0.0.0', 8787, ['wall.example.org']);
    for (const host of [
      '127.0.0.1:8787',
      'localhost:8787',
      '[::1]:8787',
      'wall.example.org',
      'wall.example.org:8787',
    ])
      expect(hostAllowed(host, allowed), host).toBe(true);
    for (const host of ['0.0.0.0:8788', 'evil.example:8787', '', undefined, 'localhost:8787/x', 'a b'])
      expect(hostAllowed(host, allowed), String(host)).toBe(false);
  });
});

describe('security headers', () => {
  it('go on every kind of answer', async () => {
    const big = JSON.stringify({ actor: 'Wall', note: 'x'.repeat((1 << 20) + 1) });
    const answers: [string, string, string | undefined, OutgoingHttpHeaders, number, string][] = [
      ['GET', '/api/v1/territory', undefined, {}, 200, API_POLICY],
      ['HEAD', '/api/v1/territory', undefined, {}, 200, API_POLICY],
      ['GET', '/api/v1/kpis', undefined, {}, 500, API_POLICY],
      ['GET', '/api/v1/nothing-here', undefined, {}, 404, API_POLICY],
      ['PATCH', '/api/v1/security/alerts/alr-none', 'not json', {}, 400, API_POLICY],
      ['PATCH', '/api/v1/security/alerts/alr-1', big, {}, 413, API_POLICY],
      ['DELETE', '/api/v1/territory', undefined, {}, 405, API_POLICY],
      ['OPTIONS', '/api/v1/territory', undefined, { Origin: FRIEND }, 204, API_POLICY],
      ['OPTIONS', '/api/v1/territory', undefined, { Origin: FOREIGN }, 403, API_POLICY],
      ['GET', '/api/v1/territory', undefined, { Host: 'evil.example' }, 421, API_POLICY],
      ['GET', '/', undefined, {}, 200, APP_POLICY],
      ['GET', '/assets/main.js', undefined, {}, 200, APP_POLICY],
      ['GET', '/nothing-here', undefined, {}, 404, APP_POLICY],
      ['GET', '/assets/main.js.map', undefined, {}, 404, APP_POLICY],
      ['POST', '/', undefined, {}, 405, APP_POLICY],
      ['GET', '/', undefined, { Host: 'evil.example' }, 421, APP_POLICY],
    ];
    for (const [method, path, body, headers, status, policy] of answers) {
      const what = `${method} ${path} ${JSON.stringify(headers)}`;
      const response = await raw(method, path, body, headers);
      expect(response.status, what).toBe(status);
      expectSecurityHeaders(response, policy, what);
    }
  });

  it('go on the refusal of a CONNECT, which is no proxy', async () => {
    const response = await new Promise<string>((done, fail) => {
      const socket = connect(Number(port()), '127.0.0.1', () =>
        socket.write(`CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    expect(response).toMatch(/^HTTP\/1\.1 405 /);
    expect(response).toMatch(/\r\nAllow: GET, HEAD\r\n/);
    expect(response).toContain(`\r\nContent-Security-Policy: ${API_POLICY}\r\n`);
    expect(response).toContain('\r\nX-Frame-Options: DENY\r\n');
  });
});

describe('build files', () => {
  it('keeps source maps and the .vite manifest private', async () => {
    for (const path of [
      '/assets/main.js.map',
      '/assets/main.js.MAP',
      '/assets/main.js%2emap',
      '/assets/main.js.map/',
      '/assets//main.js.map',
      '/.vite/manifest.json',
      '//.vite/manifest.json',
      '/assets/../.vite/manifest.json',
      '/%2evite/manifest.json',
      '/.vite/',
    ]) {
      const response = await raw('GET', path);
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain('mappings');
      expect(response.text, path).not.toContain('assets/main.js"');
    }
    expect(isPrivateBuildFile('/assets/main.js')).toBe(false);
    expect(isPrivateBuildFile('/mapping.json')).toBe(false);
  });

  it('serves them with --source-maps', async () => {
    const map = await raw('GET', '/assets/main.js.map', undefined, {}, withMaps);
    expect(map.status).toBe(200);
    expect(map.text).toBe(SOURCE_MAP);
    const manifest = await raw('GET', '/.vite/manifest.json', undefined, {}, withMaps);
    expect(manifest.status).toBe(200);
    expect(manifest.text).toBe(MANIFEST);
  });
});

describe('methods', () => {
  it('answers TRACE with 405 and what the path takes', async () => {
    const api = await raw('TRACE', '/api/v1/territory', undefined, { 'X-Secret': SECRET });
    expect(api.status).toBe(405);
    expect(api.headers.allow).toBe('GET, HEAD, OPTIONS');
    expect(api.text).not.toContain(SECRET);
    const app = await raw('TRACE', '/');
    expect(app.status).toBe(405);
    expect(app.headers.allow).toBe('GET, HEAD');
  });

  it('answers a method an API path does not take with 405 and the ones it does', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/api/v1/security/alerts/alr-1', 'PATCH, OPTIONS'],
      ['GET', '/api/v1/security/alerts/alr-1', 'PATCH, OPTIONS'],
      ['PUT', '/api/v1/security/alerts', 'GET, HEAD, OPTIONS'],
      ['PATCH', '/api/v1/territory', 'GET, HEAD, OPTIONS'],
      ['POST', '/api/v1/readings', 'GET, HEAD, OPTIONS'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await raw(method, path, method === 'GET' ? undefined : '{}');
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow, `${method} ${path}`).toBe(allow);
      expect(JSON.parse(response.text)).toHaveProperty('error');
    }
    const options = await raw('OPTIONS', '/api/v1/territory');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, OPTIONS');
  });

  it('takes on each path of docs/openapi.json the methods listed there, HEAD where GET, and OPTIONS', async () => {
    const contract = JSON.parse(readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8')) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const methods = ['get', 'put', 'post', 'patch', 'delete'];
    for (const [path, item] of Object.entries(contract.paths)) {
      const listed = Object.keys(item)
        .filter((key) => methods.includes(key))
        .map((method) => method.toUpperCase());
      const expected = [...listed, ...(listed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
      const response = await raw('OPTIONS', `/api/v1${path.replace(/\{[^}]+\}/g, 'x')}`);
      expect(response.status, path).toBe(204);
      expect(String(response.headers.allow).split(', ').sort(), path).toEqual(expected.sort());
    }
  });

  it('answers a method other than GET and HEAD on the app with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const response = await raw(method, '/assets/main.js');
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
  });

  it('answers HEAD on every GET route with the headers of its GET and no body', async () => {
    for (const path of ['/api/v1/territory', '/api/v1/security/alerts', '/', '/assets/main.js']) {
      const [get, head] = [await raw('GET', path), await raw('HEAD', path)];
      expect(head.status, path).toBe(200);
      expect(head.text, path).toBe('');
      expect(get.text.length, path).toBeGreaterThan(0);
      for (const name of ['content-type', 'content-length', 'content-security-policy', 'cache-control'])
        expect(head.headers[name], `${path} ${name}`).toBe(get.headers[name]);
    }
  });
});

describe('the command line', () => {
  it('reads flags before the environment', () => {
    const options = parseSimOptions(['--port', '9000', '--sensors', '10000', '--allow-host', WALL], {
      SIM_PORT: '8000',
      SIM_SEED: 'another',
      SIM_APP: 'dist/live',
      SIM_ALLOW_HOSTS: 'other.example',
      SIM_ALLOW_ORIGINS: `${FRIEND}, https://ops.example.org/`,
    });
    expect(options).toMatchObject({
      port: 9000,
      simulation: { seed: 'another', sensorCount: 10000 },
      appDir: 'dist/live',
      allowHosts: [WALL],
      allowOrigins: [FRIEND, 'https://ops.example.org'],
      sourceMaps: false,
      help: false,
    });
    expect(parseSimOptions(['--source-maps'], {}).sourceMaps).toBe(true);
    expect(
      parseSimOptions(['--wall-acknowledges', '--token-seconds', '75', '--audience', 'urn:x'], {
        SIM_PUBLIC_URL: 'http://wall-server.example.org:8787',
        SIM_ISSUER: 'https://idp.example/realms/milano',
      }),
    ).toMatchObject({
      wallAcknowledges: true,
      tokenSeconds: 75,
      publicUrl: 'http://wall-server.example.org:8787',
      issuer: 'https://idp.example/realms/milano',
      audience: 'urn:x',
    });
    expect(parseSimOptions([], {})).toMatchObject({
      port: undefined,
      host: undefined,
      appDir: undefined,
      allowOrigins: [],
      allowHosts: [],
    });
  });

  it('names its development provider after the address the screens open', async () => {
    const behindProxy = await startSimServer({
      port: 0,
      publicUrl: 'http://wall-server.example.org:8787/',
      simulation: { sensorCount: 200, now: () => NOON },
    });
    try {
      expect(behindProxy.issuer).toBe('http://wall-server.example.org:8787/oidc');
      const discovery = await raw(
        'GET',
        '/oidc/.well-known/openid-configuration',
        undefined,
        {},
        behindProxy,
      );
      expect(JSON.parse(discovery.text)).toMatchObject({
        issuer: 'http://wall-server.example.org:8787/oidc',
        code_challenge_methods_supported: ['S256'],
        response_types_supported: ['code'],
      });
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses bad values', () => {
    expect(() => parseSimOptions(['--port', 'http'], {})).toThrow(/port/);
    expect(() => parseSimOptions([], { SIM_PORT: '70000' })).toThrow(/port/);
    expect(() => parseSimOptions(['--sensors', '-3'], {})).toThrow(/sensors/);
    expect(() => parseSimOptions(['--colour'], {})).toThrow();
    for (const origin of ['*', 'null', 'laptop.example', 'http://laptop.example/app', 'ftp://laptop.example'])
      expect(() => parseSimOptions(['--allow-origin', origin], {}), origin).toThrow(/origin/);
    for (const host of ['http://wall.example.org', 'wall.example.org/x', 'evil@wall.example.org'])
      expect(() => parseSimOptions(['--allow-host', host], {}), host).toThrow(/host/);
  });

  it('documents every option in its usage', () => {
    for (const option of [
      '--allow-origin',
      'SIM_ALLOW_ORIGINS',
      '--allow-host',
      'SIM_ALLOW_HOSTS',
      '--source-maps',
    ])
      expect(USAGE).toContain(option);
  });

  it('warns loudly when it listens beyond this machine', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'wall.example.org']) {
      const warning = networkWarning(host, 'http://0.0.0.0:8787');
      expect(warning, host).toMatch(/reachable from the network/);
      expect(warning, host).toMatch(/demonstration/);
      expect(warning, host).toMatch(/TLS/);
      expect(warning!.split('\n').length, host).toBeGreaterThan(3);
    }
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(networkWarning(host, ''), host).toBeNull();
  });
});
