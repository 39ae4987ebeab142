/** What a refresh leaves of one frame at 60 Hz, for the summary's budget column. */
import { fmt } from './figures.ts';

export const FRAME_MS_60HZ = 1000 / 60;

/** `11.2 ms left` of a 60 Hz frame after a task of `blockingMs`, or `exceeds one frame`. */
export const frameLeft = (blockingMs: number) =>
  !Number.isFinite(blockingMs)
    ? 'n/a'
    : blockingMs <= FRAME_MS_60HZ
      ? `${fmt(FRAME_MS_60HZ - blockingMs)} ms left`
      : 'exceeds one frame';
