import { resolve } from 'node:path';
/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { contentSecurityPolicy } from './build/content-security-policy.ts';
import { preloadStartChunks } from './build/preload-start-chunks.ts';

const require = createRequire(import.meta.url);
const WORKER_FILE = 'mockServiceWorker.js';

/**
 * Serves and emits MSW's service worker in demo mode only, so the live build never carries it
 * and `public/` stays free of mock code.
 */
function mockServiceWorker(): Plugin {
  const source = () => readFileSync(require.resolve(`msw/${WORKER_FILE}`), 'utf8');
  return {
    name: 'territorio:mock-service-worker',
    configureServer(server) {
      server.middlewares.use(`/${WORKER_FILE}`, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_FILE, source: source() });
    },
  };
}

/** Puts the Content-Security-Policy into the built index.html (the dev server's React refresh needs inline script). */
function contentSecurityPolicyMeta(mode: string): Plugin {
  return {
    name: 'territorio:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy(loadEnv(mode, process.cwd(), 'VITE_')),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Names the build: a screen's last-known state written by another build is not restored. */
const BUILD_ID = Date.now().toString(36);

export default defineConfig(({ command, mode }) => ({
  define: { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(BUILD_ID) },
  // Relative asset paths let the demo build run from any static file server and sub-path.
  base: './',
  // React Router's package exports only its development build (checks and warnings included);
  // a build takes the production one it ships beside it.
  resolve: {
    alias:
      command === 'build'
        ? [
            {
              find: /^react-router$/,
              replacement: resolve('node_modules/react-router/dist/production/index.mjs'),
            },
          ]
        : [],
  },
  plugins: [
    react(),
    contentSecurityPolicyMeta(mode),
    preloadStartChunks(mode),
    ...(mode === 'demo' ? [mockServiceWorker()] : []),
  ],
  build: {
    sourcemap: true,
    // Read by scripts/bundle-budget.mjs.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    globals: true,
    setupFiles: ['./vitest.setup.ts'],
    restoreMocks: true,
    // Vitest leaves a core to its main process by default, which is idle while files run: on a
    // 2-core machine that halves the pace.
    maxWorkers: 2,
    // A jsdom window costs seconds per file: pure code runs in Node, components in jsdom (a `.ts`
    // test that needs a DOM says so with a `@vitest-environment jsdom` comment).
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./vitest.setup-dom.ts'],
        },
      },
    ],
  },
}));
