/**
 * The builds the benchmark measures and the servers it opens them from: Vite's own build and
 * preview server, as `npm run build`, `npm run build:demo` and `npm run preview` use them.
 */
import { join } from 'node:path';
import { build, preview, type InlineConfig } from 'vite';

/** The benchmark pages (bench/*.html): their own config, apart from the app, built to dist/bench. */
const benchPages = (root: string): InlineConfig => ({
  root,
  configFile: join(root, 'bench', 'vite.config.ts'),
});

/** The app in a mode (live: what users download; demo: runs without a backend), built to dist/<mode>. */
const app = (root: string, mode: 'live' | 'demo'): InlineConfig => ({
  root,
  mode,
  logLevel: 'warn',
  build: { outDir: `dist/${mode}` },
});

export async function buildBenchPages(root: string) {
  await build(benchPages(root));
}

export async function buildApps(root: string) {
  for (const mode of ['live', 'demo'] as const) await build(app(root, mode));
}

/** A preview server on a free port of 127.0.0.1, beside any other (the e2e tests' takes 4173). */
async function serve(config: InlineConfig) {
  const server = await preview({
    ...config,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0 },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

export type Served = Awaited<ReturnType<typeof serve>>;

export const serveBenchPages = (root: string) => serve(benchPages(root));
export const serveDemo = (root: string) => serve(app(root, 'demo'));
