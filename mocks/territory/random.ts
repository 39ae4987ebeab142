/** Deterministic randomness: every value is a pure function of the seed and a key. */

function hashString(text: string): number {
  // cyrb53-style mixing, reduced to 32 bits.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0) ^ (h1 >>> 0);
}

/** A uniform number in [0, 1) for the given key parts. */
export function rand(...parts: (string | number)[]): number {
  return (hashString(parts.join('|')) >>> 0) / 4294967296;
}

/** A standard normal number for the given key parts (Box–Muller). */
export function gauss(...parts: (string | number)[]): number {
  const u = Math.max(rand(...parts, 'u'), 1e-12);
  const v = rand(...parts, 'v');
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Smooth noise in [-1, 1] over time: cosine interpolation between random knots `periodMs` apart. */
export function smoothNoise(timeMs: number, periodMs: number, ...parts: (string | number)[]): number {
  const x = timeMs / periodMs;
  const k = Math.floor(x);
  const f = (1 - Math.cos((x - k) * Math.PI)) / 2;
  const a = rand(...parts, k) * 2 - 1;
  const b = rand(...parts, k + 1) * 2 - 1;
  return a + (b - a) * f;
}

/** A seeded generator for building static inventories in order. */
export function sequence(seed: string | number) {
  let counter = 0;
  return () => rand(seed, 'seq', counter++);
}

export function pick<T>(items: readonly T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(r * items.length))] as T;
}
