import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import type { BackendHealth } from '../shell/backend-health';
import { GlobalStatus } from '../shell/global-status';
import { HeaderClock } from '../shell/header-clock';
import { VIEWS } from '../views';
import type { PlaylistState } from './use-playlist';

interface WallStripProps {
  territory: string;
  health: BackendHealth;
  /** Whether the data shown is simulated, which the wall must then say. */
  synthetic: boolean;
  state: PlaylistState;
  total: number;
  paused: boolean;
  interrupted: boolean;
}

/**
 * The wall's one line of chrome: the territory, the time, whether the data is live and how old the
 * oldest is, which view of the playlist is on and how long it stays.
 */
export function WallStrip({
  territory,
  health,
  synthetic,
  state,
  total,
  paused,
  interrupted,
}: WallStripProps) {
  const t = useT();
  const now = useNow(1000);
  const { entry, index, endsAt, remainingMs } = state;
  const leftMs = endsAt === null ? remainingMs : Math.max(0, endsAt - now);
  const dwellMs = entry.dwellSeconds * 1000;
  const label = VIEWS.find((v) => v.path === entry.view)!.label;
  const seconds = Math.ceil(leftMs / 1000);
  return (
    <header className="wall-strip">
      <p className="wall-strip__territory">{territory}</p>
      <HeaderClock />
      <GlobalStatus health={health} />
      {synthetic && <p className="wall-strip__synthetic">{t('wall.synthetic')}</p>}
      <section className="wall-strip__playlist" aria-label={t('wall.region')}>
        <p>
          <strong>{t(label)}</strong> · {t('wall.position', { index: index + 1, total })}
        </p>
        <p role="status">
          {interrupted
            ? t('wall.interrupted')
            : paused
              ? t('wall.paused', { seconds })
              : t('wall.next', { seconds })}
        </p>
      </section>
      <div className="wall-strip__track" aria-hidden="true">
        <div
          className={`wall-strip__progress${endsAt === null ? ' wall-strip__progress--held' : ''}`}
          style={{ width: `${Math.min(100, (100 * (dwellMs - leftMs)) / dwellMs)}%` }}
        />
      </div>
    </header>
  );
}
