import { useQuery } from '@tanstack/react-query';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import type { TrafficForecast } from '../../api/schemas/forecasts';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { FitList } from '../../components/ui/fit-list';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { QueryPanel } from '../../components/ui/panel';
import { useShownError } from '../../components/ui/shown-error';
import { StatGrid, StatTile, type Tone } from '../../components/ui/stat-tile';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import { sensorRows } from '../../lib/sensors';
import {
  CONGESTION_LABEL_KEYS,
  congestionLevel,
  corridorStatuses,
  type CongestionLevel,
  type CorridorStatus,
} from '../../lib/traffic';

const LEVEL: Record<CongestionLevel, { tone: Tone; label: MessageKey }> = {
  free: { tone: 'good', label: CONGESTION_LABEL_KEYS.free },
  busy: { tone: 'warning', label: CONGESTION_LABEL_KEYS.busy },
  congested: { tone: 'bad', label: CONGESTION_LABEL_KEYS.congested },
  unknown: { tone: 'neutral', label: CONGESTION_LABEL_KEYS.unknown },
};

/** The forecast step about an hour after issue. */
const stepInOneHour = (f: TrafficForecast) => f.steps[Math.max(0, Math.round(60 / f.stepMinutes) - 1)];

interface CorridorsPanelProps {
  /** Each corridor's forecast, by corridor id. */
  forecasts: ReadonlyMap<string, TrafficForecast> | undefined;
  /** The selected corridor's id, highlighted in the table. */
  selected?: string | null;
  onSelect?: (corridorId: string | null) => void;
  /** On a wall: the corridors slowest first, cut to what fits, instead of the table. */
  wall?: boolean;
}

/** The corridors now: how congested, how fast, and what is predicted for the next hour. */
export function CorridorsPanel({ forecasts, selected = null, onSelect, wall = false }: CorridorsPanelProps) {
  const t = useT();
  const territory = useQuery(territoryQuery());
  const sensors = useLiveQuery(sensorsQuery());
  const readingsOptions = readingsQuery();
  const readings = useLiveQuery(readingsOptions);
  const sensorsError = useShownError(sensors);
  const territoryError = useShownError(territory);
  const now = useNow(5000);

  const columns: Column<CorridorStatus>[] = [
    {
      key: 'name',
      header: t('mobility.corridor'),
      cell: (c) => c.corridor.name,
      sortValue: (c) => c.corridor.name,
    },
    {
      key: 'level',
      header: t('mobility.now'),
      cell: (c) => {
        const level = LEVEL[congestionLevel(c.speedRatio)];
        return <Badge tone={level.tone} label={t(level.label)} />;
      },
      sortValue: (c) => c.speedRatio,
    },
    {
      key: 'speed',
      header: t('mobility.speed'),
      numeric: true,
      cell: (c) => formatNumber(c.meanSpeedKmh),
      sortValue: (c) => c.meanSpeedKmh,
    },
    {
      key: 'freeFlow',
      header: t('mobility.freeFlow'),
      numeric: true,
      cell: (c) => formatNumber(c.corridor.freeFlowKmh),
    },
    {
      key: 'congested',
      header: t('mobility.congestedSensors'),
      numeric: true,
      cell: (c) => formatPercent(c.congestedShare),
      sortValue: (c) => c.congestedShare,
    },
    {
      key: 'occupancy',
      header: t('mobility.occupancy'),
      numeric: true,
      cell: (c) => formatPercent(c.meanOccupancy),
      sortValue: (c) => c.meanOccupancy,
    },
    {
      key: 'forecast',
      header: t('mobility.predictedIn1h'),
      numeric: true,
      cell: (c) => {
        const forecast = forecasts?.get(c.corridor.id);
        const step = forecast && stepInOneHour(forecast);
        return step
          ? `${formatNumber(step.p50)} km/h (${formatNumber(step.p10)}–${formatNumber(step.p90)})`
          : '—';
      },
      sortValue: (c) => {
        const forecast = forecasts?.get(c.corridor.id);
        const step = forecast && stepInOneHour(forecast);
        return step ? step.p50 / c.corridor.freeFlowKmh : null;
      },
    },
    {
      key: 'reporting',
      header: t('mobility.sensorsReporting'),
      numeric: true,
      cell: (c) => `${c.reporting} / ${c.sensors}`,
      sortValue: (c) => c.reporting / Math.max(1, c.sensors),
    },
  ];

  return (
    <QueryPanel
      title={t('mobility.corridors')}
      query={readings}
      options={readingsOptions}
      className={wall ? 'panel--fill panel--major' : undefined}
    >
      {(data) => {
        if (!sensors.data || !territory.data)
          return (
            <DependencyMessage
              what="sensorsAndRoads"
              failed={!!sensorsError || !!territoryError}
              errors={[!sensors.data && sensorsError, !territory.data && territoryError]}
            />
          );
        const rows = sensorRows(sensors.data.items, data.bySensor, 'traffic', now);
        const statuses = corridorStatuses(territory.data.corridors, rows);
        if (statuses.length === 0) return <p className="panel__message">{t('mobility.noCorridors')}</p>;
        const live = rows.filter((r) => r.reading && !r.stale);
        const congested = live.filter((r) => r.reading?.congested).length;
        const worst = statuses
          .filter((s) => s.speedRatio !== null)
          .sort((a, b) => a.speedRatio! - b.speedRatio!)[0];
        return (
          <>
            <StatGrid>
              <StatTile
                label={t('mobility.congestedSensors')}
                value={formatPercent(live.length ? congested / live.length : null)}
                tone={congested / Math.max(1, live.length) > 0.2 ? 'bad' : congested ? 'warning' : 'good'}
                detail={t('mobility.ofReporting', { count: congested, total: live.length })}
              />
              <StatTile
                label={t('mobility.corridorsCongested')}
                value={statuses.filter((s) => congestionLevel(s.speedRatio) === 'congested').length}
                detail={t('mobility.ofTotal', { total: statuses.length })}
              />
              <StatTile
                label={t('mobility.slowestCorridor')}
                value={worst ? formatPercent(worst.speedRatio) : '—'}
                detail={
                  worst ? `${worst.corridor.name}, ${formatNumber(worst.meanSpeedKmh)} km/h` : undefined
                }
              />
              <StatTile
                label={t('mobility.sensorsSilent')}
                value={rows.length - live.length}
                tone={rows.length - live.length ? 'warning' : 'good'}
                detail={t('mobility.asOf', { time: formatTime(now) })}
              />
            </StatGrid>
            {wall ? (
              <FitList
                label={t('mobility.corridorsSlowestFirst')}
                items={[...statuses].sort((a, b) => (a.speedRatio ?? 2) - (b.speedRatio ?? 2))}
                itemKey={(c) => c.corridor.id}
                tone={(c) => LEVEL[congestionLevel(c.speedRatio)].tone}
                render={(c) => {
                  const level = LEVEL[congestionLevel(c.speedRatio)];
                  return (
                    <>
                      <Badge tone={level.tone} label={t(level.label)} /> <strong>{c.corridor.name}</strong> ·{' '}
                      {formatNumber(c.meanSpeedKmh)} km/h ·{' '}
                      {t('mobility.ofFreeFlow', { share: formatPercent(c.speedRatio) })}
                    </>
                  );
                }}
              />
            ) : (
              <DataTable
                caption={t('mobility.corridors')}
                columns={columns}
                rows={statuses}
                rowKey={(c) => c.corridor.id}
                selectColumn="name"
                selectedKey={selected}
                onSelect={(c) => onSelect?.(c.corridor.id === selected ? null : c.corridor.id)}
                initialSort={{ key: 'level' }}
                maxRows={100}
              />
            )}
          </>
        );
      }}
    </QueryPanel>
  );
}
