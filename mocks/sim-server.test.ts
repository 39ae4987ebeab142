// @vitest-environment node
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../src/api/schemas/security';
import { parseSimOptions, startSimServer, type SimServer } from './sim-server';

const NOON = Date.parse('2026-11-25T11:00:00Z');
const SECRET = 'not for the screens';

let sim: SimServer;
let appDir: string;

beforeAll(async () => {
  // A built app to serve, and a file beside it that must never be served.
  const dir = await mkdtemp(join(tmpdir(), 'sim-server-'));
  appDir = join(dir, 'app');
  await mkdir(join(appDir, 'assets'), { recursive: true });
  await writeFile(join(appDir, 'index.html'), '<!doctype html><title>live</title>');
  await writeFile(join(appDir, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), SECRET);
  sim = await startSimServer({ port: 0, appDir, simulation: { sensorCount: 200, now: () => NOON } });
}, 60_000);

afterAll(async () => {
  await sim?.close();
  if (appDir) await rm(join(appDir, '..'), { recursive: true, force: true });
});

/** A raw request, so that a path such as `/../x` reaches the server as written. */
function raw(method: string, path: string, body?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; text: string }>((done, fail) => {
    const req = httpRequest(`${sim.origin}${path}`, { method, path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', fail);
    if (body !== undefined) req.setHeader('Content-Type', 'application/json');
    req.end(body);
  });
}

const alerts = async () => {
  const response = await raw('GET', '/api/v1/security/alerts');
  return (JSON.parse(response.text) as { items: Alert[] }).items;
};

describe('the simulated territory over HTTP', () => {
  it('keeps one state: a PATCH is seen by every later GET', async () => {
    const open = (await alerts()).find((a) => a.status === 'open')!;
    expect(open).toBeDefined();
    const patched = await raw(
      'PATCH',
      `/api/v1/security/alerts/${open.id}`,
      JSON.stringify({ actor: 'Wall', status: 'acknowledged' }),
    );
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text)).toMatchObject({ id: open.id, status: 'acknowledged' });
    const seen = (await alerts()).find((a) => a.id === open.id)!;
    expect(seen.status).toBe('acknowledged');
    expect(seen.audit.at(-1)).toMatchObject({ actor: 'Wall', from: 'open', to: 'acknowledged' });
  });

  it("answers the handlers' own errors and CORS on every API response", async () => {
    const refused = await raw(
      'PATCH',
      '/api/v1/security/alerts/alr-none',
      '{"actor":"Wall","status":"closed"}',
    );
    expect(refused.status).toBe(404);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    const bad = await raw('PATCH', '/api/v1/security/alerts/alr-none', 'not json');
    expect(bad.status).toBe(400);
    const territory = await raw('GET', '/api/v1/territory');
    expect(territory.status).toBe(200);
    expect(territory.headers['content-type']).toMatch(/^application\/json/);
    expect(territory.headers['access-control-allow-origin']).toBe('*');
  });

  it('answers a CORS preflight', async () => {
    const preflight = await raw('OPTIONS', '/api/v1/security/alerts/alr-1');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, PATCH, OPTIONS',
      'access-control-allow-headers': expect.stringContaining('Content-Type'),
    });
  });

  it('answers unknown paths with a 404 in JSON', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/territory', '/nothing-here']) {
      const response = await raw('GET', path);
      expect(response.status, path).toBe(404);
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
    expect((await raw('POST', '/')).status).toBe(404);
  });
});

describe('the command line', () => {
  it('reads flags before the environment', () => {
    const options = parseSimOptions(['--port', '9000', '--sensors', '10000'], {
      SIM_PORT: '8000',
      SIM_SEED: 'another',
      SIM_APP: 'dist/live',
    });
    expect(options).toMatchObject({
      port: 9000,
      simulation: { seed: 'another', sensorCount: 10000 },
      appDir: 'dist/live',
      help: false,
    });
    expect(parseSimOptions([], {})).toMatchObject({ port: undefined, host: undefined, appDir: undefined });
  });

  it('refuses bad values', () => {
    expect(() => parseSimOptions(['--port', 'http'], {})).toThrow(/port/);
    expect(() => parseSimOptions([], { SIM_PORT: '70000' })).toThrow(/port/);
    expect(() => parseSimOptions(['--sensors', '-3'], {})).toThrow(/sensors/);
    expect(() => parseSimOptions(['--colour'], {})).toThrow();
  });
});
