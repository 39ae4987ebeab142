import { useNow } from '../../hooks/use-now';
import { formatClock, formatDate } from '../../lib/format';

export function HeaderClock() {
  const now = useNow(1000);
  return (
    <div className="header-clock">
      <time dateTime={new Date(now).toISOString()} className="header-clock__time">
        {formatClock(now)}
      </time>
      <span className="header-clock__date">{formatDate(now)}</span>
    </div>
  );
}
