import { BURN_IN_STEP_MS, burnInOffset } from './burn-in';

describe('burn-in shift', () => {
  it('moves the picture every few minutes, at most 4 px either way, and comes round again', () => {
    const steps = Array.from({ length: 16 }, (_, i) => burnInOffset(i * BURN_IN_STEP_MS + 1));
    for (const [x, y] of steps) expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(4);
    for (let i = 1; i < steps.length; i++) expect(steps[i]).not.toEqual(steps[i - 1]);
    expect(new Set(steps.map(String)).size).toBe(8);
    expect(steps[8]).toEqual(steps[0]);
    // It holds still within a step.
    expect(burnInOffset(BURN_IN_STEP_MS - 1)).toEqual(burnInOffset(0));
  });
});
