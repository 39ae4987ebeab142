#!/usr/bin/env node
/**
 * The JavaScript a screen must download before its first meaningful paint: the entry script, what
 * it imports statically, the sign-in (a live build signs in before it shows anything) and the
 * default view (Overview) with their static imports — the map and the charts load lazily and are
 * left out. Fails when their gzip size is over the budget.
 *
 * Reads the build's Vite manifest (`build.manifest`), so it measures what the build really links.
 *
 * Also fails when that code names a message that is not in the built-in English (en-first.ts).
 *
 * Usage: node scripts/bundle-budget.mjs [build directory; default dist/live, and dist/demo for its messages]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KIB = 150;
const ENTRY = 'index.html';
/** A live build signs in through OpenID Connect; the demo has its own identity. */
const SIGN_IN = ['src/app/identity/oidc-identity.tsx', 'src/app/identity/demo-identity.tsx'];
const FIRST_VIEW = 'src/features/overview/overview-view.tsx';
const CATALOGUE = 'src/i18n/catalogues/en.ts';
const FIRST_CATALOGUE = 'src/i18n/catalogues/en-first.ts';

/** Every chunk needed before the first paint of the default view, with its gzip size in bytes. */
export function firstPaintScripts(buildDir) {
  const manifest = JSON.parse(readFileSync(join(buildDir, '.vite', 'manifest.json'), 'utf8'));
  const needed = new Set();
  const visit = (key) => {
    if (needed.has(key)) return;
    if (!manifest[key]) throw new Error(`${key} is not in the build's manifest`);
    needed.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(ENTRY);
  for (const key of SIGN_IN) if (manifest[key]) visit(key);
  visit(FIRST_VIEW);
  return [...needed]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(buildDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kib = (bytes) => bytes / 1024;

const catalogueKeys = (root, file) =>
  new Set([...readFileSync(join(root, file), 'utf8').matchAll(/^ {2}'([\w.-]+)':/gm)].map((m) => m[1]));

/**
 * The message keys the first screen's code names (read from the sources in its chunks' source
 * maps) that are not in the built-in English (en-first.ts): they would show as bare keys until
 * the rest of English arrives. The code names keys only as literals, never by composing them.
 */
export function keysMissingFromFirstScreen(root, buildDir, scripts) {
  const first = catalogueKeys(root, FIRST_CATALOGUE);
  const later = catalogueKeys(root, CATALOGUE);
  const missing = new Set();
  for (const { file } of scripts) {
    const mapFile = join(buildDir, `${file}.map`);
    if (!existsSync(mapFile)) continue;
    const map = JSON.parse(readFileSync(mapFile, 'utf8'));
    map.sources.forEach((source, i) => {
      if (source.includes('i18n/catalogues/')) return;
      for (const [, literal] of (map.sourcesContent?.[i] ?? '').matchAll(/['"`]([\w.-]+)['"`]/g))
        if (later.has(literal) && !first.has(literal)) missing.add(literal);
    });
  }
  return [...missing].sort();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  let failed = false;
  // The budget is the live build's: the demo carries its simulated territory by design.
  const builds = process.argv[2]
    ? [[process.argv[2], true]]
    : [
        ['dist/live', true],
        ['dist/demo', false],
      ];
  for (const [dir, budgeted] of builds) {
    const buildDir = resolve(root, dir);
    const scripts = firstPaintScripts(buildDir);
    const total = kib(scripts.reduce((sum, s) => sum + s.gzipBytes, 0));
    console.log(`JavaScript before the first paint of ${relative(root, buildDir)} (gzip):`);
    for (const s of scripts) console.log(`  ${kib(s.gzipBytes).toFixed(1).padStart(6)} KiB  ${s.file}`);
    console.log(
      `  ${total.toFixed(1).padStart(6)} KiB  in all${budgeted ? `; budget ${BUDGET_KIB} KiB` : ''}`,
    );
    if (budgeted && total > BUDGET_KIB) {
      console.error(`✗ ${(total - BUDGET_KIB).toFixed(1)} KiB over the budget: load more lazily.`);
      failed = true;
    } else if (budgeted) console.log('✓ within the budget');
    const missing = keysMissingFromFirstScreen(root, buildDir, scripts);
    if (missing.length > 0) {
      console.error(`✗ the first screen names messages outside ${FIRST_CATALOGUE}: ${missing.join(', ')}`);
      failed = true;
    } else console.log(`✓ the first screen speaks from ${FIRST_CATALOGUE} alone`);
  }
  if (failed) process.exit(1);
}
