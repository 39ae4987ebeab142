import type { IncomingMessage } from 'node:http';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * The built app's files as a screen should get them: compressed when the browser accepts it
 * (brotli, else gzip), and the hashed files under `assets/` cached for a year, since a new build
 * gives them new names. The rest (index.html above all) is revalidated on every load, so a screen
 * picks up a new build at its next reload.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
};

/** Below this, compressing saves less than its headers cost. */
const MIN_COMPRESSED_BYTES = 1024;
/** Vite names every file under assets/ by a hash of its content. */
const HASHED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';

type Encoding = 'br' | 'gzip';

const compressible = (contentType: string) =>
  /^(text\/|application\/(json|javascript|wasm|x-protobuf)|image\/svg)/.test(contentType);

/** The best encoding the request accepts (q=0 refuses one), or null for none. */
export function acceptedEncoding(req: Pick<IncomingMessage, 'headers'>): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (req.headers['accept-encoding'] ?? '').toString().split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: Encoding) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return allows('br') ? 'br' : allows('gzip') ? 'gzip' : null;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
/**
 * Compressed off the event loop: hard for a file, compressed once and kept; fast for an answer
 * made per request.
 */
const compress = (body: Uint8Array, encoding: Encoding, kept: boolean) =>
  encoding === 'br'
    ? brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: kept ? 11 : 4 } })
    : gzipAsync(body, { level: kept ? 9 : 6 });

/**
 * A body compressed for the request when that is worth it, with the headers that say so. `Vary`
 * is set on anything that could be compressed, so a cache never hands gzip to a browser without it.
 */
export async function encodeFor(
  req: Pick<IncomingMessage, 'headers'>,
  body: Uint8Array,
  contentType: string,
  kept?: (encoding: Encoding) => Promise<Uint8Array>,
): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  if (!compressible(contentType)) return { body, headers: {} };
  const encoding = body.length >= MIN_COMPRESSED_BYTES ? acceptedEncoding(req) : null;
  if (!encoding) return { body, headers: { Vary: 'Accept-Encoding' } };
  return {
    body: await (kept ? kept(encoding) : compress(body, encoding, false)),
    headers: { 'Content-Encoding': encoding, Vary: 'Accept-Encoding' },
  };
}

/** A file of the app under `root`, or null; never anything outside it (`..`, symlinks). */
export async function appFile(root: string, pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    const real = await realpath(path);
    if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

interface Kept {
  modifiedMs: number;
  body: Uint8Array;
  encoded: Partial<Record<Encoding, Promise<Uint8Array>>>;
}

/** Serves one app directory, keeping each file's compressed forms until the file changes. */
export function appFiles(root: string) {
  const kept = new Map<string, Kept>();

  async function read(file: string): Promise<Kept> {
    const { mtimeMs } = await stat(file);
    const known = kept.get(file);
    if (known && known.modifiedMs === mtimeMs) return known;
    const fresh: Kept = { modifiedMs: mtimeMs, body: new Uint8Array(await readFile(file)), encoded: {} };
    kept.set(file, fresh);
    return fresh;
  }

  const contentTypeOf = (file: string) =>
    CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const encoded = (entry: Kept, encoding: Encoding) =>
    (entry.encoded[encoding] ??= compress(entry.body, encoding, true));

  /** The file at the URL's path as a response, or null when there is none. */
  async function serve(req: IncomingMessage, pathname: string): Promise<Response | null> {
    const file = await appFile(root, pathname);
    if (!file) return null;
    const entry = await read(file);
    const contentType = contentTypeOf(file);
    const { body, headers } = await encodeFor(req, entry.body, contentType, (encoding) =>
      encoded(entry, encoding),
    );
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': contentType,
        'Cache-Control': HASHED.test(pathname) ? IMMUTABLE : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      },
    });
  }

  /** Compresses every file ahead of the first screen, so none waits for it. */
  async function prepare() {
    const files = await readdir(root, { recursive: true });
    for (const name of files) {
      const file = join(root, name);
      // Source maps are private unless asked for, and the largest files by far: left to a request.
      if (file.endsWith('.map') || !compressible(contentTypeOf(file)) || !(await stat(file)).isFile())
        continue;
      const entry = await read(file);
      if (entry.body.length >= MIN_COMPRESSED_BYTES)
        await Promise.all([encoded(entry, 'br'), encoded(entry, 'gzip')]);
    }
  }

  return { serve, prepare };
}
