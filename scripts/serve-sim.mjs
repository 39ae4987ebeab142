#!/usr/bin/env node
/**
 * `npm run serve:sim`: serves the simulated territory over HTTP (mocks/sim-server.ts) so several
 * screens share one state. The handlers are TypeScript, which Node 20 cannot run: Vite's module
 * runner (`runnerImport`, the way Vite loads TypeScript config files) transforms them in process
 * on start, with no build step and nothing written to disk. Packages (msw, zod) load as Node's own.
 *
 * Options: npm run serve:sim -- --help
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const root = resolve(import.meta.dirname, '..');

try {
  const { module } = await runnerImport(resolve(root, 'mocks/sim-server.ts'), { root, logLevel: 'error' });
  await module.main(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`serve:sim: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
