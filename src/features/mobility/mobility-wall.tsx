import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { trafficForecastsQuery } from '../../api/queries/forecasts';
import { territoryQuery } from '../../api/queries/territory';
import { QueryPanel } from '../../components/ui/panel';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { CorridorsPanel } from './corridors-panel';
import { rankByPredictedCongestion, TrafficForecastChart } from './traffic-forecast';

const WALL_HORIZON = 6;

/** Mobility on a wall: the corridors slowest first, and the forecast of the one predicted worst. */
export function MobilityWall() {
  const t = useT();
  const territory = useQuery(territoryQuery());
  const forecastsOptions = trafficForecastsQuery();
  const forecasts = useLiveQuery(forecastsOptions);
  const byCorridor = useMemo(
    () => forecasts.data && new Map(forecasts.data.items.map((f) => [f.corridorId, f])),
    [forecasts.data],
  );
  const corridorName = (id: string) => territory.data?.corridors.find((c) => c.id === id)?.name ?? id;

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('view.mobility')}</h1>
      <CorridorsPanel forecasts={byCorridor} wall />
      <QueryPanel
        title={t('mobility.worstPredictedTitle', { hours: WALL_HORIZON })}
        query={forecasts}
        options={forecastsOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('mobility.noForecasts')}
        className="panel--fill"
      >
        {(data) => {
          const worst = rankByPredictedCongestion(data.items, WALL_HORIZON)[0]!.forecast;
          return (
            <TrafficForecastChart
              forecast={worst}
              name={corridorName(worst.corridorId)}
              fileId={worst.corridorId}
              hours={WALL_HORIZON}
              nowMs={forecasts.dataUpdatedAt}
            />
          );
        }}
      </QueryPanel>
    </div>
  );
}
