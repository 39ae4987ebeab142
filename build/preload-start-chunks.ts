import type { Plugin } from 'vite';

/**
 * Modules every start loads beside the entry, whatever the view: the identity (the sign-in, or the
 * demo's) and, in the demo, the simulated territory.
 */
const startModules = (mode: string) =>
  mode === 'demo'
    ? ['src/app/identity/demo-identity.tsx', 'mocks/browser.ts']
    : ['src/app/identity/oidc-identity.tsx'];

/**
 * Names those modules' chunks in index.html as `modulepreload` links, so the browser fetches and
 * compiles them while the entry loads, rather than once the entry has run and asked for them.
 */
export function preloadStartChunks(mode: string): Plugin {
  return {
    name: 'territorio:preload-start-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry);
        const preloaded = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        const files: string[] = [];
        const visit = (file: string) => {
          if (preloaded.has(file)) return;
          preloaded.add(file);
          files.push(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        for (const module of startModules(mode)) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(`/${module}`));
          if (!chunk) throw new Error(`${module} has no chunk of its own to preload`);
          visit(chunk.fileName);
        }
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
