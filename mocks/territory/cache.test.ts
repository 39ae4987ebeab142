import { boundedCache } from './cache';

describe('a bounded cache', () => {
  it('computes a key once, and keeps a null result too', () => {
    const cached = boundedCache<number | null>(10);
    let computed = 0;
    const compute = () => (computed++, null);
    expect(cached('a', compute)).toBeNull();
    expect(cached('a', compute)).toBeNull();
    expect(computed).toBe(1);
  });

  it('starts afresh when full, and computes again what it no longer holds', () => {
    const cached = boundedCache<string>(2);
    let computed = 0;
    const compute = (key: string) => () => (computed++, key.toUpperCase());
    cached('a', compute('a'));
    cached('b', compute('b'));
    expect(cached('c', compute('c'))).toBe('C');
    expect(cached('c', compute('c'))).toBe('C');
    expect(cached('a', compute('a'))).toBe('A');
    expect(computed).toBe(4);
  });
});
