import { useQuery } from '@tanstack/react-query';
import { trafficForecastsQuery } from '../../api/queries/forecasts';
import { kpisQuery } from '../../api/queries/kpis';
import { sitesQuery } from '../../api/queries/network';
import { qkdLinksQuery } from '../../api/queries/security';
import { readingsQuery, sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import type { SceneFigure } from '../../api/schemas/story';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useNow } from '../../hooks/use-now';
import type { MessageKey } from '../../i18n/catalogue';
import { useLanguage } from '../../i18n/language';
import { useT } from '../../i18n/use-t';
import {
  evaluateFigure,
  FIGURES,
  SKILL_HORIZON_MINUTES,
  type FigureData,
  type FigureSource,
  type FigureState,
} from './figure-values';

/** The indicators' period the figures quote: the KPIs view's default. */
const KPI_PERIOD = 'week';

/** The answers the given figures need, each asked for only when one of them needs it. */
function useFigureData(figures: readonly SceneFigure[]) {
  const needed = new Set(figures.flatMap((f) => FIGURES[f].sources));
  const language = useLanguage();
  const on = (source: FigureSource) => ({ enabled: needed.has(source) });
  const queries = {
    territory: useQuery({ ...territoryQuery(), ...on('territory') }),
    sites: useLiveQuery({ ...sitesQuery(), ...on('sites') }),
    kpis: useLiveQuery({ ...kpisQuery(KPI_PERIOD, language), ...on('kpis') }),
    sensors: useLiveQuery({ ...sensorsQuery(), ...on('sensors') }),
    readings: useLiveQuery({ ...readingsQuery(), ...on('readings') }),
    forecasts: useLiveQuery({ ...trafficForecastsQuery(), ...on('forecasts') }),
    qkd: useLiveQuery({ ...qkdLinksQuery(), ...on('qkd') }),
  };
  const now = useNow(15_000);
  const data: Partial<FigureData> & { now: number } = {
    now,
    territory: queries.territory.data,
    sites: queries.sites.data?.items,
    kpis: queries.kpis.data?.items,
    sensors: queries.sensors.data?.items,
    readings: queries.readings.data,
    forecasts: queries.forecasts.data?.items,
    qkd: queries.qkd.data?.items,
  };
  const failed = new Set(
    (Object.keys(queries) as FigureSource[]).filter((source) => queries[source].isError),
  );
  return { data, failed };
}

const labelKey = (id: SceneFigure) => `presentation.figure.${id}` as const satisfies MessageKey;

/**
 * A scene's key figures as large call-outs, each computed from the live answers: the number, and
 * what it counts. While loading, the number's place is held, so nothing moves when it arrives.
 */
export function SceneFigures({ figures }: { figures: readonly SceneFigure[] }) {
  const t = useT();
  const { data, failed } = useFigureData(figures);
  if (figures.length === 0) return null;
  return (
    <ul className="scene-figures" aria-label={t('presentation.figures')}>
      {figures.map((id) => (
        <FigureCallout
          key={id}
          label={t(labelKey(id), { hours: SKILL_HORIZON_MINUTES / 60 })}
          state={evaluateFigure(id, data, failed)}
        />
      ))}
    </ul>
  );
}

function FigureCallout({ label, state }: { label: string; state: FigureState }) {
  const t = useT();
  return (
    <li className={`scene-figure scene-figure--${state.kind}`} aria-busy={state.kind === 'loading'}>
      <span className="scene-figure__value">
        {state.kind === 'ready' ? (
          state.value
        ) : state.kind === 'loading' ? (
          <span className="visually-hidden">{t('presentation.figureLoading')}</span>
        ) : (
          t('presentation.figureUnavailable')
        )}
      </span>{' '}
      <span className="scene-figure__label">{label}</span>
    </li>
  );
}
