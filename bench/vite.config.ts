import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Builds the benchmark pages (`npm run bench`), apart from the app: the project is the root so the
 * pages import the real map and chart code, and the output goes to dist/bench with relative paths.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  base: './',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // BENCH_MINIFY=0 keeps names readable in CPU profiles.
    minify: process.env.BENCH_MINIFY !== '0',
    rolldownOptions: {
      input: ['map-refresh', 'map-peers', 'chart-update'].map((page) =>
        fileURLToPath(new URL(`./${page}.html`, import.meta.url)),
      ),
    },
  },
});
