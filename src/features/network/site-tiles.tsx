import type { Site } from '../../api/schemas/network';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { useT } from '../../i18n/use-t';
import { formatEuro, formatNumber } from '../../lib/format';

/** The 5G sites' headline figures: on air, down, throughput and the lease revenue. */
export function SiteTiles({ items, wall = false }: { items: readonly Site[]; wall?: boolean }) {
  const t = useT();
  const count = (status: Site['status']) => items.filter((s) => s.status === status).length;
  const onAir = items.filter((s) => s.status === 'online' || s.status === 'degraded');
  return (
    <StatGrid>
      <StatTile
        label={t('network.onAir')}
        value={`${onAir.length} / ${items.length}`}
        tone={onAir.length === items.length ? 'good' : 'warning'}
      />
      <StatTile
        label={t('network.degraded')}
        value={count('degraded')}
        tone={count('degraded') ? 'warning' : 'good'}
      />
      <StatTile
        label={t('network.offline')}
        value={count('offline')}
        tone={count('offline') ? 'bad' : 'good'}
      />
      <StatTile label={t('network.maintenance')} value={count('maintenance')} />
      <StatTile
        label={t('network.downloadNow')}
        value={formatNumber(items.reduce((s, x) => s + x.throughputDlMbps, 0) / 1000, 1)}
        unit="Gbit/s"
      />
      <StatTile
        label={t('network.leaseRevenue')}
        value={formatEuro(
          items.reduce((s, x) => s + x.leaseRevenueEurPerYear, 0),
          wall,
        )}
        detail={t('network.leaseDetail', { spend: formatEuro(0) })}
      />
    </StatGrid>
  );
}
