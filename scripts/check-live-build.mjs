#!/usr/bin/env node
/**
 * Fails when the live build carries the simulated territory: MSW's service worker file, or MSW
 * code or the demo's identity in any emitted file (scripts, styles, source maps, HTML). The demo build has both, so
 * `node scripts/check-live-build.mjs dist/demo` must fail: that is how the check itself is checked.
 *
 * Usage: node scripts/check-live-build.mjs [build directory, default dist/live]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const buildDir = resolve(root, process.argv[2] ?? 'dist/live');
const shown = relative(root, buildDir) || '.';
const WORKER_FILE = 'mockServiceWorker.js';

/**
 * Strings found in the demo build's MSW chunk (minified or in its source map) and in no live
 * file. Each one alone marks MSW code; several are checked so that a change in MSW's minified
 * output does not silently blind the check.
 */
const MARKERS = [
  'mockServiceWorker', // the worker's file name, registered by setupWorker
  '[MSW]', // prefix of every MSW log line
  'MOCKING_ENABLED', // message between the page and the worker
  'setupWorker', // msw/browser's entry point
  'onUnhandledRequest', // an option every MSW setup reads
  'node_modules/msw/', // MSW sources, named in source maps
  'territorioScenarios', // mocks/browser.ts: the scenario switches put on window
  'territorio-demo-role', // app/identity/demo-identity.tsx: the demo's role, remembered
  'Demo operator', // mocks/demo-identity.ts: the demo identity's names
];

const problems = [];
const fail = (message) => problems.push(message);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

console.log(`Checking that ${shown} carries no mock code (MSW)…`);

if (!existsSync(buildDir) || !statSync(buildDir).isDirectory()) {
  console.error(`✗ ${shown} does not exist: run \`npm run build\` first.`);
  process.exit(1);
}

const files = filesUnder(buildDir);
const assets = files.filter((f) => relative(buildDir, f).startsWith('assets'));
const scripts = assets.filter((f) => f.endsWith('.js'));
if (!files.some((f) => relative(buildDir, f) === 'index.html')) fail(`${shown}/index.html is missing.`);
if (scripts.length === 0) fail(`${shown}/assets holds no JavaScript: the build looks incomplete.`);

const workers = files.filter((f) => f.endsWith(WORKER_FILE));
for (const worker of workers) fail(`${relative(root, worker)} is there: the MSW worker must not ship.`);
console.log(`  ${WORKER_FILE}: ${workers.length ? 'PRESENT' : 'absent'}`);

let scanned = 0;
for (const file of files) {
  if (!/\.(m?js|css|html|map|json|txt|webmanifest)$/.test(file)) continue;
  scanned++;
  const text = readFileSync(file, 'utf8');
  const found = MARKERS.filter((marker) => text.includes(marker));
  if (found.length)
    fail(`${relative(root, file)} contains mock code: ${found.map((m) => `"${m}"`).join(', ')}.`);
}
console.log(
  `  scanned ${scanned} files (${scripts.length} scripts in assets/, source maps, HTML) for: ${MARKERS.join(', ')}`,
);

if (problems.length) {
  console.error(`✗ ${shown} is not a clean live build:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(
  `✓ ${shown} is free of mock code: no ${WORKER_FILE}, no MSW or demo identity in ${scanned} files.`,
);
