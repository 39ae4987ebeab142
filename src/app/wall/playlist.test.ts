import { DEFAULT_PLAYLIST, formatPlaylist, parsePlaylist } from './playlist';

describe('wall playlist from the URL', () => {
  it('reads views with their dwell times, in order', () => {
    expect(parsePlaylist('overview:60,network:30,security:30')).toEqual({
      ok: true,
      entries: [
        { view: 'overview', dwellSeconds: 60 },
        { view: 'network', dwellSeconds: 30 },
        { view: 'security', dwellSeconds: 30 },
      ],
    });
  });

  it('gives a view without a time the default dwell, and tolerates spaces and capitals', () => {
    expect(parsePlaylist(' KPIs , mobility:10 ')).toEqual({
      ok: true,
      entries: [
        { view: 'kpis', dwellSeconds: 30 },
        { view: 'mobility', dwellSeconds: 10 },
      ],
    });
  });

  it('may show a view more than once', () => {
    const result = parsePlaylist('overview:20,security:10,overview:20');
    expect(result.ok && result.entries.map((e) => e.view)).toEqual(['overview', 'security', 'overview']);
  });

  it('without a playlist shows every view', () => {
    expect(parsePlaylist(null)).toEqual({ ok: true, entries: DEFAULT_PLAYLIST });
    expect(parsePlaylist('')).toEqual({ ok: true, entries: DEFAULT_PLAYLIST });
    expect(DEFAULT_PLAYLIST.map((e) => e.view)).toEqual([
      'overview',
      'network',
      'environment',
      'mobility',
      'security',
      'health',
      'kpis',
    ]);
  });

  it.each([
    ['overview:60,weather:30', { kind: 'unknown-view', item: 'weather:30', view: 'weather' }],
    ['overview:abc', { kind: 'bad-dwell', item: 'overview:abc' }],
    ['overview:-5', { kind: 'bad-dwell', item: 'overview:-5' }],
    ['overview:2.5', { kind: 'bad-dwell', item: 'overview:2.5' }],
    ['overview:4', { kind: 'bad-dwell', item: 'overview:4' }],
    ['overview:3601', { kind: 'bad-dwell', item: 'overview:3601' }],
    ['overview:30:10', { kind: 'bad-dwell', item: 'overview:30:10' }],
    ['overview:30,,network:30', { kind: 'empty-item' }],
    [':30', { kind: 'unknown-view', item: ':30', view: '' }],
  ])('refuses %j, saying why, and falls back to every view', (text, problem) => {
    expect(parsePlaylist(text)).toEqual({ ok: false, problem, entries: DEFAULT_PLAYLIST });
  });

  it('accepts the shortest and longest dwell times', () => {
    expect(parsePlaylist('overview:5,network:3600').ok).toBe(true);
  });

  it('writes a playlist back as it reads it', () => {
    const text = 'overview:60,network:30,security:30';
    const result = parsePlaylist(text);
    expect(result.ok && formatPlaylist(result.entries)).toBe(text);
  });
});
