/** Arbitraries of the demo story answer (src/api/schemas/story.ts). */
import fc from 'fast-check';
import { SCENE_FIGURES, type Story } from '../api/schemas/story';
import { lonLat, nonEmpty, text, uniqueList } from './arbitraries-common';

export const story: fc.Arbitrary<Story> = fc.record({
  synthetic: fc.boolean(),
  scenes: uniqueList(
    fc.record({
      id: nonEmpty,
      view: nonEmpty,
      title: nonEmpty,
      caption: text,
      camera: fc.record({ centre: lonLat, zoom: fc.double({ min: 0, max: 22, noNaN: true }) }),
      layers: fc.array(nonEmpty, { maxLength: 4 }),
      timeOffsetMinutes: fc.integer({ min: -1440, max: 1440 }),
      figures: fc.uniqueArray(fc.constantFrom(...SCENE_FIGURES), { maxLength: 4 }),
    }),
    'id',
  ),
});
