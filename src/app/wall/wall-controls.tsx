import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** How long the controls stay after the pointer moves or a key is pressed. */
export const CONTROLS_SHOWN_MS = 5_000;

interface WallControlsProps {
  paused: boolean;
  onTogglePause: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onExit: () => void;
}

/**
 * Pause, previous, next and exit: hidden while nobody is near, shown for a few seconds when the
 * pointer moves or a key is pressed, and kept while one of them has the focus.
 */
export function WallControls({ paused, onTogglePause, onPrevious, onNext, onExit }: WallControlsProps) {
  const t = useT();
  const [wokenAt, setWokenAt] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    const wake = () => setWokenAt(Date.now());
    // The browser also sends a move, without movement, when the page's layout changes under a
    // pointer that stands still: nobody came near.
    const moved = (event: PointerEvent) => {
      if (event.movementX !== 0 || event.movementY !== 0) wake();
    };
    const events = ['pointerdown', 'keydown'] as const;
    for (const event of events) window.addEventListener(event, wake);
    window.addEventListener('pointermove', moved);
    return () => {
      for (const event of events) window.removeEventListener(event, wake);
      window.removeEventListener('pointermove', moved);
    };
  }, []);
  useEffect(() => {
    if (wokenAt === null) return;
    const timer = setTimeout(() => setWokenAt(null), CONTROLS_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [wokenAt]);

  return (
    <div
      className="wall-controls"
      role="group"
      aria-label={t('wall.controls')}
      hidden={wokenAt === null && !focused}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <button type="button" className="button" onClick={onPrevious}>
        {t('wall.previous')}
      </button>
      <button type="button" className="button" onClick={onTogglePause}>
        {t(paused ? 'wall.resume' : 'wall.pause')}
      </button>
      <button type="button" className="button" onClick={onNext}>
        {t('wall.nextView')}
      </button>
      <button type="button" className="button" onClick={onExit}>
        {t('wall.exit')}
      </button>
      <p className="wall-controls__keys">{t('wall.keys')}</p>
    </div>
  );
}
