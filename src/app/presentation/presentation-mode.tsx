import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { storyQuery } from '../../api/queries/story';
import { territoryQuery } from '../../api/queries/territory';
import { describeError } from '../../components/ui/error-text';
import { useShownError } from '../../components/ui/shown-error';
import { useUrlSearch } from '../../hooks/url-state';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../i18n/language';
import { Handout } from './handout';
import { HandoutPage } from './handout-page';
import { useMapStill } from './map-still';
import { SceneCard } from './scene-card';
import { sceneLocation, sceneNumber } from './scene-url';
import './presentation.css';

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', ' ']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);

/**
 * Presentation mode (`?mode=presentation&scene=N`): the territory's story, scene by scene, on the
 * full-screen map, each scene setting the map with a caption and its key figures; ←/→ and a
 * clicker's Page Up/Down move through it. With `handout=1` it makes the printed handout instead.
 */
export function PresentationMode() {
  const t = useT();
  const language = useLanguage();
  const story = useQuery(storyQuery(language));
  const storyError = useShownError(story);
  const territory = useQuery(territoryQuery());
  const search = useUrlSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const navigate = useNavigate();
  const scenes = useMemo(() => story.data?.scenes ?? [], [story.data]);
  const number = sceneNumber(params.get('scene'), scenes.length);
  const scene = scenes[number - 1];
  const handout = params.has('handout');

  const goTo = useCallback(
    (target: number) => {
      const next = scenes[target - 1];
      if (next) void navigate(sceneLocation(next, target, params), { replace: true });
    },
    [scenes, navigate, params],
  );

  // A scene opened from a link without its view or map settings gets them.
  const sceneId = scene?.id;
  useEffect(() => {
    if (sceneId && !params.has('at')) goTo(number);
  }, [sceneId, number, params, goTo]);

  // An effect event reads the scene shown now: a key pressed as soon as a scene shows moves on from
  // it, not from the one before (a listener bound in an effect is re-bound only after the paint).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (handout || event.altKey || event.ctrlKey || event.metaKey) return;
    if (target?.closest('input, select, textarea, [role="slider"], canvas')) return;
    if (event.key === ' ' && target?.closest('button, a')) return;
    const step = NEXT_KEYS.has(event.key) ? 1 : PREVIOUS_KEYS.has(event.key) ? -1 : 0;
    const to = event.key === 'Home' ? 1 : event.key === 'End' ? scenes.length : number + step;
    if (to === number || to < 1 || to > scenes.length) return;
    event.preventDefault();
    goTo(to);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // The map as this scene shows it, for printing the screen.
  const still = useMapStill(scene && !handout && params.has('at') ? search : null);
  const territoryName = territory.data?.name ?? 'Territorio';
  const notice = territory.data?.dataNotice;
  const synthetic = story.data?.synthetic ?? false;

  if (handout && scenes.length > 0)
    return (
      <Handout
        territory={territoryName}
        scenes={scenes}
        number={number}
        goTo={goTo}
        synthetic={synthetic}
        notice={notice}
      />
    );

  return (
    <>
      <h1 className="visually-hidden">{t('presentation.heading', { territory: territoryName })}</h1>
      <SceneCard
        scenes={scenes}
        number={number}
        synthetic={synthetic}
        notice={notice}
        status={
          storyError && !story.data ? (
            <p role="alert">{t('presentation.storyFailed', { reason: describeError(storyError) })}</p>
          ) : !scene ? (
            <p aria-busy={story.isPending}>
              {story.isPending ? t('presentation.loading') : t('presentation.noScenes')}
            </p>
          ) : null
        }
      />
      {scene && (
        <div className="presentation-print">
          <HandoutPage
            scene={scene}
            number={number}
            total={scenes.length}
            synthetic={synthetic}
            notice={notice}
            picture={still?.key === search ? still.url : null}
          />
        </div>
      )}
    </>
  );
}
