import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { storyQuery } from '../../api/queries/story';
import { describeError } from '../../components/ui/error-text';
import { useShownError } from '../../components/ui/shown-error';
import { useUrlSearch } from '../../hooks/url-state';
import { useT } from '../../i18n/use-t';
import { useLanguage } from '../../i18n/language';
import { sceneLocation, sceneNumber } from './scene-url';

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown', ' ']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);

/**
 * Presentation mode (`?mode=presentation&scene=N`): the territory's story, scene by scene, each
 * setting the view and the map, with a caption; ←/→ and a clicker's Page Up/Down move through it.
 */
export function PresentationMode() {
  const t = useT();
  const language = useLanguage();
  const story = useQuery(storyQuery(language));
  const storyError = useShownError(story);
  const search = useUrlSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const navigate = useNavigate();
  const scenes = useMemo(() => story.data?.scenes ?? [], [story.data]);
  const number = sceneNumber(params.get('scene'), scenes.length);
  const scene = scenes[number - 1];

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
    if (event.altKey || event.ctrlKey || event.metaKey) return;
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

  return (
    <>
      {story.data?.synthetic && (
        <p className="presentation-mark" role="note">
          {t('presentation.synthetic')}
        </p>
      )}
      <section className="presentation-caption" aria-label={t('presentation.region')} aria-live="polite">
        {storyError && !story.data ? (
          <p role="alert">{t('presentation.storyFailed', { reason: describeError(storyError) })}</p>
        ) : !scene ? (
          <p aria-busy={story.isPending}>
            {story.isPending ? t('presentation.loading') : t('presentation.noScenes')}
          </p>
        ) : (
          <>
            <p className="presentation-caption__position">
              {t('presentation.position', { number, total: scenes.length })}
            </p>
            <h2 className="presentation-caption__title">{scene.title}</h2>
            <p className="presentation-caption__text">{scene.caption}</p>
            <div className="presentation-caption__steps">
              <button
                type="button"
                className="button"
                disabled={number <= 1}
                onClick={() => goTo(number - 1)}
              >
                {t('presentation.previous')}
              </button>
              <button
                type="button"
                className="button"
                disabled={number >= scenes.length}
                onClick={() => goTo(number + 1)}
              >
                {t('presentation.next')}
              </button>
              <span className="presentation-caption__keys">{t('presentation.keys')}</span>
            </div>
          </>
        )}
      </section>
    </>
  );
}
