import { storySchema } from '../../src/api/schemas/story';
import { storyIn } from './story';

describe('the demo story', () => {
  it('is valid in both languages, with the same scenes, views and figures', () => {
    const english = storySchema.parse(storyIn('en'));
    const italian = storySchema.parse(storyIn('it'));
    expect(english.scenes).toHaveLength(7);
    const shape = (s: (typeof english.scenes)[number]) => [s.id, s.view, s.figures];
    expect(italian.scenes.map(shape)).toEqual(english.scenes.map(shape));
    expect(italian.scenes.map((s) => s.title)).not.toEqual(english.scenes.map((s) => s.title));
  });

  it('gives every scene key figures to show', () => {
    for (const scene of storyIn('en').scenes) expect(scene.figures.length, scene.id).toBeGreaterThan(0);
  });

  it('tells an unknown language in English', () => {
    expect(storyIn('fr')).toEqual(storyIn('en'));
  });
});
