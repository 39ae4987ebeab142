import { storySchema } from '../../src/api/schemas/story';
import { createSimulation } from './simulation';
import { storyIn } from './story';

describe('the demo story', () => {
  it('is valid in both languages, with the same scenes, views and figures', () => {
    const english = storySchema.parse(storyIn('en'));
    const italian = storySchema.parse(storyIn('it'));
    expect(english.scenes).toHaveLength(8);
    const shape = (s: (typeof english.scenes)[number]) => [s.id, s.view, s.figures];
    expect(italian.scenes.map(shape)).toEqual(english.scenes.map(shape));
    expect(italian.scenes.map((s) => s.title)).not.toEqual(english.scenes.map((s) => s.title));
  });

  it('gives every scene key figures to show', () => {
    for (const scene of storyIn('en').scenes) expect(scene.figures.length, scene.id).toBeGreaterThan(0);
  });

  it('comes to the health sector after the network’s security, before the closing scene', () => {
    const ids = storyIn('en').scenes.map((s) => s.id);
    expect(ids.indexOf('health')).toBe(ids.indexOf('security') + 1);
    expect(ids.at(-1)).toBe('replicate');
    const health = storyIn('en').scenes.find((s) => s.id === 'health')!;
    expect(health.view).toBe('health');
    expect(health.layers).toEqual(['health', 'qkd']);
    expect(health.figures).toEqual(['healthDevicesAvailable', 'peripheralExams', 'healthDataQkdProtected']);
  });

  it('tells the health sector with the facilities the simulation has', () => {
    // 14 hospitals, 16 Case di Comunità and 8 clinics, most in peripheral municipalities.
    for (const seed of ['milano-2026', 'alpha', 'beta', 'gamma']) {
      const sim = createSimulation({ now: () => Date.parse('2026-11-24T10:00:00Z'), seed });
      const peripheral = new Set(
        sim.world.territory.municipalities.filter((m) => m.peripheral).map((m) => m.id),
      );
      const facilities = sim.healthFacilities();
      const count = (kind: string) => facilities.filter((f) => f.kind === kind).length;
      expect([count('hospital'), count('community-house'), count('clinic')], seed).toEqual([14, 16, 8]);
      expect(facilities.filter((f) => peripheral.has(f.municipalityId)).length, seed).toBeGreaterThan(
        facilities.length / 2,
      );
    }
    const caption = (lang: string) => storyIn(lang).scenes.find((s) => s.id === 'health')!.caption;
    expect(caption('en')).toMatch(/14 hospitals, 16 Case di Comunità and 8 clinics, most in the periphery/);
    expect(caption('it')).toMatch(
      /14 ospedali, 16 Case di Comunità e 8 poliambulatori, per lo più in periferia/,
    );
  });

  it('tells an unknown language in English', () => {
    expect(storyIn('fr')).toEqual(storyIn('en'));
  });
});
