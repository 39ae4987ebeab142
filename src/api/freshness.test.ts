import { panelState } from './freshness';

const NOW = 1_000_000;

describe('panelState', () => {
  it('is loading before the first answer and error when that fails', () => {
    expect(panelState({ data: undefined, isError: false, dataUpdatedAt: 0 }, 10_000, NOW)).toBe('loading');
    expect(panelState({ data: undefined, isError: true, dataUpdatedAt: 0 }, 10_000, NOW)).toBe('error');
  });

  it('marks data stale when a refresh failed or it is older than two intervals', () => {
    expect(panelState({ data: {}, isError: true, dataUpdatedAt: NOW }, 10_000, NOW)).toBe('stale');
    expect(panelState({ data: {}, isError: false, dataUpdatedAt: NOW - 20_001 }, 10_000, NOW)).toBe('stale');
    expect(panelState({ data: {}, isError: false, dataUpdatedAt: NOW - 19_000 }, 10_000, NOW)).toBe('ready');
  });

  it('reports an empty answer', () => {
    const isEmpty = (d: { items: unknown[] }) => d.items.length === 0;
    expect(
      panelState({ data: { items: [] }, isError: false, dataUpdatedAt: NOW }, 10_000, NOW, isEmpty),
    ).toBe('empty');
  });
});
