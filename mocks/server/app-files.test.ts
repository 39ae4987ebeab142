import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding, appFiles } from './app-files';

let dir: string;
let serve: ReturnType<typeof appFiles>['serve'];
const SCRIPT = `export const sites = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `site-${i}`))};`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'app-files-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), `<!doctype html><title>app</title>${' '.repeat(2000)}`);
  await writeFile(join(dir, 'assets', 'main-Bx3kQ9_a.js'), SCRIPT);
  await writeFile(join(dir, 'assets', 'tiny-Cq81LmZ0.js'), 'export {};');
  await writeFile(join(dir, 'assets', 'logo-A1b2C3d4.png'), Buffer.alloc(4000, 7));
  serve = appFiles(dir).serve;
});

afterAll(() => rm(dir, { recursive: true, force: true }));

const request = (acceptEncoding?: string) =>
  ({ headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }) as never;

async function get(path: string, acceptEncoding?: string) {
  const response = (await serve(request(acceptEncoding), path))!;
  return { headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

describe("the app's files", () => {
  it('are sent in brotli when the browser takes it, gzip when it takes only that, else as they are', async () => {
    const br = await get('/assets/main-Bx3kQ9_a.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 3);

    const gzip = await get('/assets/main-Bx3kQ9_a.js', 'gzip, br;q=0');
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    for (const refused of [undefined, 'identity', 'br;q=0, gzip;q=0', '*;q=0']) {
      const plain = await get('/assets/main-Bx3kQ9_a.js', refused);
      expect(plain.headers.get('Content-Encoding'), String(refused)).toBeNull();
      expect(plain.body.toString()).toBe(SCRIPT);
    }
    for (const file of ['/assets/main-Bx3kQ9_a.js', '/index.html'])
      expect((await get(file, 'br')).headers.get('Vary')).toBe('Accept-Encoding');
  });

  it('leave small files and images as they are', async () => {
    expect((await get('/assets/tiny-Cq81LmZ0.js', 'br')).headers.get('Content-Encoding')).toBeNull();
    const png = await get('/assets/logo-A1b2C3d4.png', 'br');
    expect(png.headers.get('Content-Encoding')).toBeNull();
    expect(png.body.length).toBe(4000);
  });

  it('are cached for a year when their name carries a hash, and revalidated otherwise', async () => {
    expect((await get('/assets/main-Bx3kQ9_a.js')).headers.get('Cache-Control')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/index.html', '/'])
      expect((await get(path)).headers.get('Cache-Control'), path).toBe('no-cache');
  });

  it('are read again when they change', async () => {
    await writeFile(join(dir, 'index.html'), `<!doctype html><title>new build</title>${' '.repeat(2000)}`);
    const { body } = await get('/index.html', 'br');
    expect(brotliDecompressSync(body).toString()).toContain('new build');
  });
});

describe('Accept-Encoding', () => {
  it('refuses what q=0 refuses, and prefers brotli', () => {
    expect(acceptedEncoding(request('gzip, deflate, br'))).toBe('br');
    expect(acceptedEncoding(request('br;q=0.1, gzip;q=0.9'))).toBe('br');
    expect(acceptedEncoding(request('BR;Q=0, gzip'))).toBe('gzip');
    expect(acceptedEncoding(request('*'))).toBe('br');
    expect(acceptedEncoding(request('deflate'))).toBeNull();
    expect(acceptedEncoding(request(''))).toBeNull();
  });
});
