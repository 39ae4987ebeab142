import type { Page } from '@playwright/test';
import { mapCanvas } from './fixtures';

/**
 * What the map canvas shows, measured from element screenshots (what the user sees, composited,
 * overlays included) decoded in the page: reading the WebGL buffer back would need
 * `preserveDrawingBuffer`, which the app rightly does not set.
 */

export type Rgb = readonly [number, number, number];

export interface Picture {
  width: number;
  height: number;
  /** Distinct colours at 5 bits a channel, over every 7th pixel (a blank canvas shows one or two). */
  colours: number;
  /** For each colour asked about, how many pixels are within a small distance of it. */
  near: number[];
}

/** Hex colour (#rrggbb) to RGB. */
export const rgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/** A screenshot of the map canvas, as PNG. */
export const mapShot = (page: Page) => mapCanvas(page).screenshot({ animations: 'disabled' });

export async function measure(page: Page, png: Buffer, colours: readonly Rgb[] = []): Promise<Picture> {
  return page.evaluate(
    async ({ b64, targets }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(img, 0, 0);
      const d = context.getImageData(0, 0, img.width, img.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 28)
        seen.add(((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3));
      const near = targets.map(() => 0);
      for (let i = 0; i < d.length; i += 4) {
        targets.forEach(([r, g, b], t) => {
          if (Math.abs(d[i]! - r) + Math.abs(d[i + 1]! - g) + Math.abs(d[i + 2]! - b) <= 24) near[t]!++;
        });
      }
      return { width: img.width, height: img.height, colours: seen.size, near };
    },
    { b64: png.toString('base64'), targets: colours.map(([r, g, b]): [number, number, number] => [r, g, b]) },
  );
}

/** Share of pixels (0–1) that differ noticeably between two screenshots of the same size. */
export async function difference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  if (a.equals(b)) return 0;
  return page.evaluate(
    async ([first, second]) => {
      const pixels = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(img, 0, 0);
        return context.getImageData(0, 0, img.width, img.height);
      };
      const [x, y] = await Promise.all([pixels(first), pixels(second)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let changed = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const delta =
          Math.abs(x.data[i]! - y.data[i]!) +
          Math.abs(x.data[i + 1]! - y.data[i + 1]!) +
          Math.abs(x.data[i + 2]! - y.data[i + 2]!);
        if (delta > 24) changed++;
      }
      return changed / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/**
 * Waits until the map stops changing (style, data, tiles of labels and any camera move done) and
 * returns its screenshot. Live sensor polls may recolour a few markers meanwhile, so "settled"
 * means two shots in a row differ in at most `tolerance` of their pixels.
 */
export async function settledMapShot(page: Page, { tolerance = 0.001, timeout = 20_000 } = {}) {
  const deadline = Date.now() + timeout;
  let previous = await mapShot(page);
  for (;;) {
    await page.waitForTimeout(300);
    const next = await mapShot(page);
    if ((await difference(page, previous, next)) <= tolerance) return next;
    if (Date.now() > deadline) throw new Error(`the map was still changing after ${timeout} ms`);
    previous = next;
  }
}

/** A rectangle of a picture, in its pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * As `measure`, counting only part of the picture: less a margin of `inset` pixels along its edges
 * and less the `exclude` rectangles (overlays on the map such as a badge, or the inside of the
 * picture to look at its edges alone). `colours` is then over the pixels counted.
 */
export async function measureWithin(
  page: Page,
  png: Buffer,
  colours: readonly Rgb[],
  { inset = 0, exclude = [] }: { inset?: number; exclude?: readonly Rect[] },
): Promise<Picture> {
  return page.evaluate(
    async ({ b64, targets, inset, exclude }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(img, 0, 0);
      const d = context.getImageData(0, 0, img.width, img.height).data;
      const excluded = (x: number, y: number) =>
        exclude.some((r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height);
      const seen = new Set<number>();
      const near = targets.map(() => 0);
      let counted = 0;
      for (let y = inset; y < img.height - inset; y++) {
        for (let x = inset; x < img.width - inset; x++) {
          if (excluded(x, y)) continue;
          const i = (y * img.width + x) * 4;
          if (counted++ % 7 === 0)
            seen.add(((d[i]! >> 3) << 10) | ((d[i + 1]! >> 3) << 5) | (d[i + 2]! >> 3));
          targets.forEach(([r, g, b], t) => {
            if (Math.abs(d[i]! - r) + Math.abs(d[i + 1]! - g) + Math.abs(d[i + 2]! - b) <= 24) near[t]!++;
          });
        }
      }
      return { width: img.width, height: img.height, colours: seen.size, near };
    },
    {
      b64: png.toString('base64'),
      targets: colours.map(([r, g, b]): [number, number, number] => [r, g, b]),
      inset,
      exclude: exclude.map(({ x, y, width, height }) => ({ x, y, width, height })),
    },
  );
}
