#!/usr/bin/env node
/**
 * The JavaScript a screen must download before its first meaningful paint: the entry script, what
 * it imports statically, the sign-in (a live build signs in before it shows anything) and the
 * default view (Overview) with their static imports — the map and the charts load lazily and are
 * left out. Fails when their gzip size is over the budget.
 *
 * Reads the build's Vite manifest (`build.manifest`), so it measures what the build really links.
 *
 * Usage: node scripts/bundle-budget.mjs [build directory, default dist/live]
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 150 KiB for the dashboard, and about 20 for OpenID Connect sign-in (oidc-client-ts). */
export const BUDGET_KIB = 170;
const ENTRY = 'index.html';
const SIGN_IN = 'src/app/identity/oidc-identity.tsx';
const FIRST_VIEW = 'src/features/overview/overview-view.tsx';

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
  visit(SIGN_IN);
  visit(FIRST_VIEW);
  return [...needed]
    .map((key) => manifest[key].file)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(buildDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kib = (bytes) => bytes / 1024;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..');
  const buildDir = resolve(root, process.argv[2] ?? 'dist/live');
  const scripts = firstPaintScripts(buildDir);
  const total = kib(scripts.reduce((sum, s) => sum + s.gzipBytes, 0));
  console.log(`JavaScript before the first paint of ${relative(root, buildDir)} (gzip):`);
  for (const s of scripts) console.log(`  ${kib(s.gzipBytes).toFixed(1).padStart(6)} KiB  ${s.file}`);
  console.log(`  ${total.toFixed(1).padStart(6)} KiB  in all; budget ${BUDGET_KIB} KiB`);
  if (total > BUDGET_KIB) {
    console.error(`✗ ${(total - BUDGET_KIB).toFixed(1)} KiB over the budget: load more lazily.`);
    process.exit(1);
  }
  console.log('✓ within the budget');
}
