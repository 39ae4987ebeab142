import type { Page } from '@playwright/test';

/** The page's WebGL contexts and ECharts instances, as counted by `watchGraphics`. */
export interface GraphicsCount {
  /** WebGL contexts created since the page opened. */
  created: number;
  /** Contexts whose canvas is still in the document and which are not lost. */
  live: number;
  /** ECharts instances on their containers in the document. */
  charts: number;
}

/** Counts every WebGL context the page creates, from before its first script runs. */
export async function watchGraphics(page: Page) {
  await page.addInitScript(() => {
    const contexts: { canvas: HTMLCanvasElement; gl: WebGLRenderingContext | WebGL2RenderingContext }[] = [];
    Object.assign(window, { __webglContexts: contexts });
    const getContext = HTMLCanvasElement.prototype.getContext as (
      this: HTMLCanvasElement,
      id: string,
      options?: unknown,
    ) => RenderingContext | null;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      id: string,
      options?: unknown,
    ) {
      const context = getContext.call(this, id, options);
      const webgl = id === 'webgl' || id === 'webgl2' || id === 'experimental-webgl';
      if (webgl && context && !contexts.some((c) => c.gl === context))
        contexts.push({ canvas: this, gl: context as WebGL2RenderingContext });
      return context;
    } as typeof HTMLCanvasElement.prototype.getContext;
  });
}

export function graphicsCount(page: Page): Promise<GraphicsCount> {
  return page.evaluate(() => {
    const contexts = (
      window as unknown as {
        __webglContexts: { canvas: HTMLCanvasElement; gl: WebGL2RenderingContext }[];
      }
    ).__webglContexts;
    return {
      created: contexts.length,
      live: contexts.filter((c) => c.canvas.isConnected && !c.gl.isContextLost()).length,
      charts: document.querySelectorAll('[_echarts_instance_]').length,
    };
  });
}

/** Takes the map's WebGL context away as a GPU reset would; returns a function that gives it back. */
export async function loseMapContext(page: Page) {
  await page.evaluate(() => {
    const contexts = (
      window as unknown as {
        __webglContexts: { canvas: HTMLCanvasElement; gl: WebGL2RenderingContext }[];
      }
    ).__webglContexts;
    const map = contexts.find((c) => c.canvas.isConnected && c.canvas.matches('canvas.maplibregl-canvas'))!;
    const extension = map.gl.getExtension('WEBGL_lose_context')!;
    Object.assign(window, { __lostMapContext: extension });
    extension.loseContext();
  });
  return () =>
    page.evaluate(() =>
      (window as unknown as { __lostMapContext: WEBGL_lose_context }).__lostMapContext.restoreContext(),
    );
}
