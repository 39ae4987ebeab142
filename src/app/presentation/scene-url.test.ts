import type { Scene } from '../../api/schemas/story';
import { sceneLocation, sceneNumber } from './scene-url';

const scene: Scene = {
  id: 'predictions',
  view: 'mobility',
  title: 'Seeing six hours ahead',
  caption: '',
  camera: { centre: [9.19, 45.464], zoom: 10.6 },
  layers: ['traffic', 'unknown-layer'],
  timeOffsetMinutes: 360,
  figures: ['forecastSkill'],
};

describe('scene URLs', () => {
  it('open the scene’s view with its camera, layers and time, keeping the language', () => {
    const { pathname, search } = sceneLocation(scene, 5, new URLSearchParams('lang=it&sel=site:1'));
    expect(pathname).toBe('/mobility');
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual({
      mode: 'presentation',
      scene: '5',
      lang: 'it',
      at: '9.19000,45.46400,10.60',
      layers: 'traffic',
      time: '360',
    });
  });

  it('keep making the handout when they are stepped through for it', () => {
    const { search } = sceneLocation(scene, 2, new URLSearchParams('mode=presentation&handout=1&scene=1'));
    expect(new URLSearchParams(search).get('handout')).toBe('1');
  });

  it('leave the map at live time and default layers when the scene says nothing of them', () => {
    const { search } = sceneLocation(
      { ...scene, layers: [], timeOffsetMinutes: 0 },
      1,
      new URLSearchParams(),
    );
    const params = new URLSearchParams(search);
    expect(params.has('time')).toBe(false);
    expect(params.has('layers')).toBe(false);
  });

  it('read the scene number, kept within the story', () => {
    expect(sceneNumber('3', 7)).toBe(3);
    expect(sceneNumber('99', 7)).toBe(7);
    expect(sceneNumber('0', 7)).toBe(1);
    expect(sceneNumber('abc', 7)).toBe(1);
    expect(sceneNumber(null, 0)).toBe(1);
  });
});
