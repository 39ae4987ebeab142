import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { storyQuery } from '../../api/queries/story';
import { useUrlSearch } from '../../hooks/url-state';
import { useLanguage } from '../../i18n/language';
import { keepGlobalParams } from '../../lib/global-params';
import type { BackendHealth } from '../shell/backend-health';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { VIEWS } from '../views';
import { CriticalInterrupt, useCriticalInterruption } from './critical-interrupt';
import { parsePlaylist, type PlaylistProblem } from './playlist';
import { usePlaylist } from './use-playlist';
import { AttentionBand } from './attention-band';
import { useBurnInShift } from './burn-in';
import { WallControls } from './wall-controls';
import { WallStrip } from './wall-strip';
import './wall.css';

/** Keys that belong to the control under the focus, not to the playlist. */
function keyBelongsToControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || target === document.body) return false;
  if (
    target.closest('input, select, textarea, [role="slider"], [role="dialog"], [role="alertdialog"], canvas')
  )
    return true;
  return event.key === ' ' && !!target.closest('button, a, summary');
}

function describeProblem(problem: PlaylistProblem, t: Translate): string {
  if (problem.kind === 'unknown-view')
    return t('wall.problem.unknownView', {
      item: problem.item,
      views: VIEWS.map((v) => v.path).join(', '),
    });
  if (problem.kind === 'bad-dwell') return t('wall.problem.badDwell', { item: problem.item });
  return t('wall.problem.emptyItem');
}

/**
 * Wall mode (`?mode=wall&views=overview:60,network:30`): the views rotate by themselves, Space
 * pauses, ←/→ (Page Up/Down) step, F goes full screen, and a new critical alert interrupts until
 * it is acknowledged or dismissed.
 */
export function WallMode({ territory, health }: { territory: string; health: BackendHealth }) {
  const t = useT();
  const search = useUrlSearch();
  const views = new URLSearchParams(search).get('views');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // The story says whether the territory's data is simulated.
  const story = useQuery(storyQuery(useLanguage()));
  useBurnInShift();
  const playlist = useMemo(() => parsePlaylist(views), [views]);
  const [paused, setPaused] = useState(false);
  const interruption = useCriticalInterruption();
  const state = usePlaylist(playlist.entries, paused || interruption.alert !== null);
  const { next, previous } = state;
  const togglePause = useCallback(() => setPaused((p) => !p), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || keyBelongsToControl(event)) return;
      const action = {
        ' ': togglePause,
        k: togglePause,
        ArrowRight: next,
        PageDown: next,
        ArrowLeft: previous,
        PageUp: previous,
        f: () =>
          document.fullscreenElement
            ? void document.exitFullscreen()
            : void document.documentElement.requestFullscreen?.().catch(() => undefined),
      }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [next, previous, togglePause]);

  return (
    <>
      {!playlist.ok && (
        <div className="banner banner--warning" role="alert">
          <strong>{t('wall.problem.title')}</strong> {describeProblem(playlist.problem, t)}{' '}
          {t('wall.problem.fallback')}
        </div>
      )}
      <WallStrip
        territory={territory}
        health={health}
        synthetic={story.data?.synthetic ?? false}
        state={state}
        total={playlist.entries.length}
        paused={paused}
        interrupted={interruption.alert !== null}
      />
      <AttentionBand />
      <WallControls
        paused={paused}
        onTogglePause={togglePause}
        onPrevious={previous}
        onNext={next}
        onExit={() => {
          // Back to the desk: the same view, with the language kept and the wall's parameters gone.
          const desk = new URLSearchParams(keepGlobalParams(search));
          desk.delete('mode');
          desk.delete('views');
          const rest = desk.toString();
          void navigate({ pathname, search: rest ? `?${rest}` : '' });
        }}
      />
      {interruption.alert && (
        <CriticalInterrupt
          alert={interruption.alert}
          problem={interruption.problem}
          onAcknowledge={interruption.acknowledge}
          onDismiss={interruption.dismiss}
        />
      )}
    </>
  );
}
