import type { Device } from '../../api/schemas/health';
import { StatGrid, StatTile, type Tone } from '../../components/ui/stat-tile';
import { useT } from '../../i18n/use-t';
import { formatNumber, formatPercent } from '../../lib/format';
import { fleetFigures } from '../../lib/health';

/** Below this share of a usual day's exams by now, the day is running short. */
const SHORT_DAY = 0.8;

const examsTone = (exams: number, typical: number): Tone =>
  typical > 0 && exams < typical * SHORT_DAY ? 'warning' : 'neutral';

/**
 * The fleet's headline figures: devices available and down, today's exams against a usual day by
 * this hour, and the share of today's data that crossed only QKD-protected links. A wall gets
 * four, leaving room for the devices needing attention.
 */
export function FleetTiles({ devices, wall = false }: { devices: readonly Device[]; wall?: boolean }) {
  const t = useT();
  const f = fleetFigures(devices);
  const { available } = f;
  const down = f.byState.fault + f.byState.offline;
  const change = f.examsTypicalByNow > 0 ? f.examsToday / f.examsTypicalByNow - 1 : null;
  const tiles = {
    available: (
      <StatTile
        label={t('health.available')}
        value={`${available} / ${f.devices}`}
        tone={available === f.devices ? 'good' : 'warning'}
        detail={
          wall
            ? t('health.wall.availableDetail', { share: formatPercent(f.availableShare) })
            : t('health.availableDetail', {
                share: formatPercent(f.availableShare),
                inUse: f.byState['in-use'],
              })
        }
      />
    ),
    exams: (
      <StatTile
        label={t('health.examsToday')}
        value={formatNumber(f.examsToday)}
        tone={examsTone(f.examsToday, f.examsTypicalByNow)}
        detail={
          change === null
            ? t('health.noTypical')
            : t(wall ? 'health.wall.examsDetail' : 'health.againstTypical', {
                typical: formatNumber(f.examsTypicalByNow),
                change: `${change >= 0 ? '+' : '−'}${formatPercent(Math.abs(change))}`,
              })
        }
      />
    ),
    protected: (
      <StatTile
        label={t('health.protectedShare')}
        value={formatPercent(f.protectedShare, 1)}
        tone={f.protectedShare === null || f.protectedShare >= 0.99 ? 'good' : 'warning'}
        detail={
          wall
            ? t('health.wall.fallbackDetail', { count: f.fallbackDevices })
            : t('health.protectedDetail', {
                safe: formatNumber(f.dataQkdProtectedTodayMB),
                sent: formatNumber(f.dataSentTodayMB),
              })
        }
      />
    ),
  };
  if (wall)
    return (
      <StatGrid>
        {tiles.available}
        <StatTile
          label={t('health.down')}
          value={down}
          tone={down ? 'bad' : 'good'}
          detail={t('health.downDetail', { fault: f.byState.fault, offline: f.byState.offline })}
        />
        {tiles.exams}
        {tiles.protected}
      </StatGrid>
    );
  return (
    <StatGrid>
      {tiles.available}
      <StatTile
        label={t('deviceState.fault')}
        value={f.byState.fault}
        tone={f.byState.fault ? 'bad' : 'good'}
      />
      <StatTile
        label={t('deviceState.offline')}
        value={f.byState.offline}
        tone={f.byState.offline ? 'bad' : 'good'}
      />
      <StatTile label={t('deviceState.maintenance')} value={f.byState.maintenance} />
      {tiles.exams}
      {tiles.protected}
      <StatTile
        label={t('health.fallbackNowTile')}
        value={f.fallbackDevices}
        tone={f.fallbackDevices ? 'warning' : 'good'}
        detail={t('health.fallbackFacilities', { count: f.fallbackFacilityIds.length })}
      />
    </StatGrid>
  );
}
