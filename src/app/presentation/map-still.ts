import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** The map has drawn its last frame when none has come for this long. */
const QUIET_MS = 700;
/** A change that draws nothing new (the map already showed it) keeps the picture before it. */
const NO_CHANGE_MS = 4_000;
/** Checked this often while a picture is awaited. */
const CHECK_MS = 200;

export interface MapStill {
  /** The key the picture was taken for. */
  key: string;
  /** A PNG data URL, or null when no picture could be taken. */
  url: string | null;
}

const mapCanvas = () => document.querySelector<HTMLCanvasElement>('.shell__map canvas.maplibregl-canvas');

const mapReady = () => document.querySelector('.shell__map [data-map-ready="true"]') !== null;

/**
 * A picture of the page's map as it stands once it has settled after `key` changed (a scene shown),
 * for printing: a WebGL canvas keeps its picture only until it is on screen (the map does not
 * preserve its drawing buffer, for speed), so its frames are taken as they are drawn, through the
 * canvas's capture stream, and the last one is kept once the screen has nothing left to fetch. The
 * stream runs only while a picture is awaited.
 */
export function useMapStill(key: string | null): MapStill | null {
  const [still, setStill] = useState<MapStill | null>(null);
  const settled = useIsFetching() === 0;
  const [capture, setCapture] = useState<FrameCapture | null>(null);

  useEffect(() => {
    if (!key) return;
    let current: FrameCapture | null = null;
    // At once, before the map draws the change; the map's canvas may not be there yet (it loads on
    // its own), then it is looked for until it is.
    const start = () => {
      const canvas = mapCanvas();
      if (!canvas || !supportsCapture(canvas)) return false;
      current = new FrameCapture(canvas, key);
      setCapture(current);
      return true;
    };
    const find = start() ? undefined : setInterval(() => start() && clearInterval(find), CHECK_MS);
    return () => {
      clearInterval(find);
      current?.stop();
      setCapture(null);
    };
  }, [key]);

  useEffect(() => {
    if (!capture || capture.stopped || !settled) return;
    let checkedAt = performance.now();
    const check = setInterval(() => {
      const now = performance.now();
      // A long task keeps frames back too: quiet counts only while the page was free to draw.
      if (now - checkedAt > 2 * CHECK_MS || !mapReady()) capture.lastFrameAt = now;
      checkedAt = now;
      const quiet = now - capture.lastFrameAt;
      if (capture.frames > 0 && quiet >= QUIET_MS) {
        setStill({ key: capture.key, url: capture.picture() });
      } else if (capture.frames === 0 && quiet >= NO_CHANGE_MS) {
        setStill((previous) => ({ key: capture.key, url: previous?.url ?? null }));
      } else return;
      capture.stop();
      clearInterval(check);
    }, CHECK_MS);
    return () => clearInterval(check);
  }, [capture, settled]);

  return still;
}

const supportsCapture = (canvas: HTMLCanvasElement) =>
  typeof canvas.captureStream === 'function' && 'requestVideoFrameCallback' in HTMLVideoElement.prototype;

/** The frames a canvas draws, as a muted video kept out of the page: the latest one is at hand. */
class FrameCapture {
  frames = 0;
  lastFrameAt = performance.now();
  private readonly stream: MediaStream;
  private readonly video = document.createElement('video');
  stopped = false;

  constructor(
    canvas: HTMLCanvasElement,
    readonly key: string,
  ) {
    this.stream = canvas.captureStream();
    this.video.muted = true;
    this.video.srcObject = this.stream;
    const onFrame = () => {
      if (this.stopped) return;
      this.frames++;
      this.lastFrameAt = performance.now();
      this.video.requestVideoFrameCallback(onFrame);
    };
    this.video.requestVideoFrameCallback(onFrame);
    void this.video.play().catch(() => undefined);
  }

  picture(): string | null {
    const { videoWidth: width, videoHeight: height } = this.video;
    if (!width || !height) return null;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(this.video, 0, 0);
    return canvas.toDataURL('image/png');
  }

  stop() {
    this.stopped = true;
    for (const track of this.stream.getTracks()) track.stop();
    this.video.srcObject = null;
  }
}
