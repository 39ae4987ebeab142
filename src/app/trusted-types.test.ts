import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { allowedHtml, allowedScriptUrl, installTrustedTypesPolicy } from './trusted-types';

const BASE = 'http://127.0.0.1:8787/index.html';

type Rules = {
  createHTML: (input: string) => string | null;
  createScriptURL: (input: string) => string | null;
};

describe('the Trusted Types default policy', () => {
  it('lets only an empty string into an HTML sink', () => {
    expect(allowedHtml('')).toBe('');
    for (const html of ['<img src=x onerror=alert(1)>', ' ', 'text', '<svg></svg>'])
      expect(allowedHtml(html)).toBeNull();
  });

  it("lets only MapLibre's worker into a script-URL sink, however its URL is written", () => {
    const absolute = new URL(maplibreWorkerUrl, BASE).href;
    expect(allowedScriptUrl(maplibreWorkerUrl, BASE)).toBe(maplibreWorkerUrl);
    expect(allowedScriptUrl(absolute, BASE)).toBe(absolute);
    for (const url of [
      'http://127.0.0.1:8787/assets/other.js',
      `https://evil.example${new URL(absolute).pathname}`,
      `${absolute}?x=1`,
      'data:text/javascript,alert(1)',
      'blob:http://127.0.0.1:8787/1b2c',
      'javascript:alert(1)',
    ])
      expect(allowedScriptUrl(url, BASE), url).toBeNull();
  });

  it('is created as the default policy where the browser has Trusted Types, and not elsewhere', () => {
    const created: { name: string; rules: Rules }[] = [];
    const factory = { createPolicy: (name: string, rules: Rules) => created.push({ name, rules }) };
    installTrustedTypesPolicy(factory, BASE);
    expect(created.map((p) => p.name)).toEqual(['default']);
    expect(created[0]!.rules.createHTML('<b>x</b>')).toBeNull();
    expect(created[0]!.rules.createScriptURL(maplibreWorkerUrl)).toBe(maplibreWorkerUrl);
    expect(() => installTrustedTypesPolicy(undefined, BASE)).not.toThrow();
  });
});
