import { vi } from 'vitest';
import { loadLanguage } from './src/i18n/i18n';

// jsdom has no WebGL or canvas: the map and chart wrappers are stood in for here and tested for
// real in Chromium by the end-to-end suite.
vi.mock('./src/components/map/map-view', async () => {
  const { createElement } = await import('react');
  return { MapView: () => createElement('div', { 'data-testid': 'map-view' }) };
});
vi.mock('./src/components/chart/e-chart', async () => {
  const { createElement } = await import('react');
  return {
    EChart: ({ label }: { label: string }) => createElement('div', { role: 'img', 'aria-label': label }),
  };
});

// The app loads the rest of English beside its first screen; components under test speak all of it.
await loadLanguage('en');
