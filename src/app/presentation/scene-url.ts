import type { Scene } from '../../api/schemas/story';
import { formatCamera, formatLayers, parseLayers } from '../../components/map/map-url';
import { formatTimeOffset } from '../../components/map/map-time';

/** Parameters a scene's link carries over from the screen's: its language, and whether it makes the handout. */
const KEPT = ['lang', 'handout'];

/** Where a scene takes the screen: its view, with the map's camera, layers and time in the URL. */
export function sceneLocation(scene: Scene, number: number, current: URLSearchParams) {
  const params = new URLSearchParams({ mode: 'presentation', scene: String(number) });
  for (const name of KEPT) {
    const value = current.get(name);
    if (value !== null) params.set(name, value);
  }
  params.set('at', formatCamera(scene.camera));
  const layers = parseLayers(scene.layers.join(','), []);
  if (layers.length) params.set('layers', formatLayers(layers));
  const time = formatTimeOffset(scene.timeOffsetMinutes);
  if (time) params.set('time', time);
  return { pathname: `/${scene.view}`, search: `?${params.toString()}` };
}

/** The scene number in `?scene=` (from 1), kept within the story. */
export function sceneNumber(value: string | null, count: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, Math.max(count, 1)) : 1;
}
