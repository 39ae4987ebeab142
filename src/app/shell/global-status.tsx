import { useNow } from '../../hooks/use-now';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { formatAge } from '../../lib/format';
import type { BackendHealth, Connection } from './backend-health';

const LABELS: Record<Connection, MessageKey> = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  degraded: 'status.degraded',
  unreachable: 'status.unreachable',
};
const SHAPES: Record<Connection, string> = {
  connecting: '○',
  connected: '●',
  degraded: '▲',
  unreachable: '■',
};

/** The backend's state and the age of the oldest data on screen, in the header. */
export function GlobalStatus({ health }: { health: BackendHealth }) {
  const now = useNow(1000);
  const t = useT();
  const { connection, oldestDataAt, failing } = health;
  return (
    <div className={`global-status global-status--${connection}`} role="status">
      <span aria-hidden="true" className="global-status__shape">
        {SHAPES[connection]}
      </span>
      <span className="global-status__label">{t(LABELS[connection])}</span>
      {connection === 'degraded' && (
        <span className="global-status__detail">{t('status.failing', { count: failing })}</span>
      )}
      {oldestDataAt !== null && (
        <span className="global-status__detail">
          {t('status.oldestData', { age: formatAge(now - oldestDataAt) })}
        </span>
      )}
    </div>
  );
}

/** Shown across the top while nothing can be fetched; it goes by itself when the backend is back. */
export function UnreachableBanner({ health }: { health: BackendHealth }) {
  const now = useNow(1000);
  const t = useT();
  if (health.connection !== 'unreachable') return null;
  return (
    <div className="banner banner--bad" role="alert">
      <strong>{t('unreachable.title')}</strong>{' '}
      {health.oldestDataAt !== null
        ? t('unreachable.lastDataAged', { age: formatAge(now - health.oldestDataAt) })
        : t('unreachable.lastData')}{' '}
      {t('unreachable.retrying')}
    </div>
  );
}
