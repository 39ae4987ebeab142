import { clockEndsAt, playlistClock, type PlaylistClock } from './playlist-clock';

describe('playlist clock', () => {
  const start: PlaylistClock = { index: 0, remainingMs: 30_000, runningSince: null };

  it('counts down from when it is released, and keeps what was left when held', () => {
    const running = playlistClock(start, { type: 'released', at: 1_000 });
    expect(clockEndsAt(running)).toBe(31_000);
    const held = playlistClock(running, { type: 'held', at: 11_000 });
    expect(held).toEqual({ index: 0, remainingMs: 20_000, runningSince: null });
    expect(clockEndsAt(held)).toBeNull();
    expect(clockEndsAt(playlistClock(held, { type: 'released', at: 50_000 }))).toBe(70_000);
  });

  it('starts the next view with its whole dwell, running or held as before', () => {
    const running = playlistClock(start, { type: 'released', at: 0 });
    expect(playlistClock(running, { type: 'moved', to: 1, dwellMs: 10_000, at: 5_000 })).toEqual({
      index: 1,
      remainingMs: 10_000,
      runningSince: 5_000,
    });
    expect(
      playlistClock(start, { type: 'moved', to: 2, dwellMs: 10_000, at: 5_000 }).runningSince,
    ).toBeNull();
  });

  it('ignores a second hold or release', () => {
    const running = playlistClock(start, { type: 'released', at: 0 });
    expect(playlistClock(running, { type: 'released', at: 9_000 })).toBe(running);
    const held = playlistClock(running, { type: 'held', at: 1_000 });
    expect(playlistClock(held, { type: 'held', at: 9_000 })).toBe(held);
  });
});
