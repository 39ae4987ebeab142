import { useNow } from '../../hooks/use-now';
import { formatAge } from '../../lib/format';
import type { BackendHealth, Connection } from './backend-health';

const LABELS: Record<Connection, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  degraded: 'Degraded',
  unreachable: 'Backend unreachable',
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
  const { connection, oldestDataAt, failing } = health;
  return (
    <div className={`global-status global-status--${connection}`} role="status">
      <span aria-hidden="true" className="global-status__shape">
        {SHAPES[connection]}
      </span>
      <span className="global-status__label">{LABELS[connection]}</span>
      {connection === 'degraded' && (
        <span className="global-status__detail">
          {failing} source{failing === 1 ? '' : 's'} failing
        </span>
      )}
      {oldestDataAt !== null && (
        <span className="global-status__detail">oldest data {formatAge(now - oldestDataAt)}</span>
      )}
    </div>
  );
}

/** Shown across the top while nothing can be fetched; it goes by itself when the backend is back. */
export function UnreachableBanner({ health }: { health: BackendHealth }) {
  const now = useNow(1000);
  if (health.connection !== 'unreachable') return null;
  return (
    <div className="banner banner--bad" role="alert">
      <strong>The backend is unreachable.</strong> What you see is the last data received
      {health.oldestDataAt !== null ? `, the oldest from ${formatAge(now - health.oldestDataAt)}` : ''}.
      Retrying automatically.
    </div>
  );
}
