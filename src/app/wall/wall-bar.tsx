import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { VIEWS } from '../views';
import type { PlaylistState } from './use-playlist';

interface WallBarProps {
  state: PlaylistState;
  total: number;
  paused: boolean;
  interrupted: boolean;
}

/** Which view of the playlist is on, how long it stays, and the keys that steer it. */
export function WallBar({ state, total, paused, interrupted }: WallBarProps) {
  const t = useT();
  const now = useNow(1000);
  const { entry, index, endsAt, remainingMs } = state;
  const leftMs = endsAt === null ? remainingMs : Math.max(0, endsAt - now);
  const dwellMs = entry.dwellSeconds * 1000;
  const label = VIEWS.find((v) => v.path === entry.view)!.label;
  const seconds = Math.ceil(leftMs / 1000);
  return (
    <section className="wall-bar" aria-label={t('wall.region')}>
      <p className="wall-bar__position">
        <strong>{t(label)}</strong> · {t('wall.position', { index: index + 1, total })}
      </p>
      <p className="wall-bar__state" role="status">
        {interrupted
          ? t('wall.interrupted')
          : paused
            ? t('wall.paused', { seconds })
            : t('wall.next', { seconds })}
      </p>
      <p className="wall-bar__keys">{t('wall.keys')}</p>
      <div className="wall-bar__track" aria-hidden="true">
        <div
          className={`wall-bar__progress${endsAt === null ? ' wall-bar__progress--held' : ''}`}
          style={{ width: `${Math.min(100, (100 * (dwellMs - leftMs)) / dwellMs)}%` }}
        />
      </div>
    </section>
  );
}
