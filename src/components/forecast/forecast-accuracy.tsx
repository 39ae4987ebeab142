import { useMemo } from 'react';
import type { Accuracy, ForecastModel, Hindcast, TrafficForecast } from '../../api/schemas/forecasts';
import { useT } from '../../i18n/use-t';
import { hasDrifted, overallStatus, shownSkill, skillStatus, type SkillStatus } from '../../lib/accuracy';
import type { MessageKey } from '../../i18n/catalogue';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useTheme } from '../../store/ui-store';
import { ChartFigure } from '../chart/chart-figure';
import { predictedVsObservedOption } from '../chart/forecast-option';
import { Badge } from '../ui/badge';
import { FORECAST_COLOURS } from './forecast-colours';

type Baseline = TrafficForecast['baseline'];

const STATUS_KEYS: Record<SkillStatus, MessageKey> = {
  beats: 'forecast.beatsBaselines',
  level: 'forecast.levelWithBaseline',
  worse: 'forecast.worseThanBaseline',
};

const BASELINE_KEYS: Record<Baseline, MessageKey> = {
  persistence: 'forecast.baseline.persistence',
  'historical-average': 'forecast.baseline.historicalAverage',
};

const horizonLabel = (minutes: number) =>
  minutes < 60 ? `${formatNumber(minutes)} min` : `${formatNumber(minutes / 60, 2)} h`;

interface ForecastAccuracyProps {
  model: ForecastModel;
  baseline: Baseline;
  unit: string;
  accuracy: readonly Accuracy[];
  hindcast: readonly Hindcast[];
  subject: string;
}

/**
 * How right the model has been: error by horizon beside the naive baseline and the seasonal-naive
 * one (same time last week), drift flagged, and the evidence.
 */
export function ForecastAccuracy({
  model,
  baseline: baselineId,
  unit,
  accuracy,
  hindcast,
  subject,
}: ForecastAccuracyProps) {
  const theme = useTheme();
  const t = useT();
  const baseline = t(BASELINE_KEYS[baselineId]);
  const drifted = accuracy.filter((a) => hasDrifted(a.mae, a.baselineMae));
  const option = useMemo(
    () => predictedVsObservedOption(hindcast, unit, FORECAST_COLOURS[theme], t),
    [hindcast, unit, theme, t],
  );
  const horizon = hindcast[0]?.horizonMinutes ?? 60;
  return (
    <>
      <p className="panel__note">
        {t('forecast.model', {
          name: model.name,
          version: model.version,
          trained: formatDateTime(Date.parse(model.trainedAt)),
          baseline,
        })}
      </p>
      {drifted.length > 0 && (
        <p className="forecast-drift" role="status">
          <Badge tone="bad" label={t('forecast.drift')} />{' '}
          {t('forecast.driftDetail', {
            horizons: drifted.map((a) => horizonLabel(a.horizonMinutes)).join(', '),
            baseline,
          })}
        </p>
      )}
      <table className="data-table">
        <caption className="visually-hidden">{t('forecast.accuracyCaption', { subject })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.horizon')}</th>
            <th scope="col" className="numeric">
              MAE {unit}
            </th>
            <th scope="col" className="numeric">
              RMSE {unit}
            </th>
            <th scope="col" className="numeric">
              MAPE
            </th>
            <th scope="col" className="numeric">
              {t('forecast.baselineMae', { baseline })}
            </th>
            <th scope="col" className="numeric">
              {t('forecast.skill')}
            </th>
            <th scope="col" className="numeric">
              {t('forecast.seasonalMae')}
            </th>
            <th scope="col" className="numeric">
              {t('forecast.seasonalSkill')}
            </th>
            <th scope="col">{t('forecast.status')}</th>
          </tr>
        </thead>
        <tbody>
          {accuracy.map((a) => {
            const status = overallStatus([
              skillStatus(a.mae, a.baselineMae),
              skillStatus(a.mae, a.seasonalMae),
            ]);
            const tone =
              status === 'beats'
                ? 'good'
                : status === 'level'
                  ? 'neutral'
                  : hasDrifted(a.mae, a.baselineMae)
                    ? 'bad'
                    : 'warning';
            return (
              <tr key={a.horizonMinutes}>
                <th scope="row">{horizonLabel(a.horizonMinutes)}</th>
                <td className="numeric">{formatNumber(a.mae, 1)}</td>
                <td className="numeric">{formatNumber(a.rmse, 1)}</td>
                <td className="numeric">{formatPercent(a.mape / 100, 1)}</td>
                <td className="numeric">{formatNumber(a.baselineMae, 1)}</td>
                <td className="numeric">{formatPercent(shownSkill(a.mae, a.baselineMae))}</td>
                <td className="numeric">{formatNumber(a.seasonalMae, 1)}</td>
                <td className="numeric">{formatPercent(shownSkill(a.mae, a.seasonalMae))}</td>
                <td>
                  <Badge tone={tone} label={t(STATUS_KEYS[status])} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="panel__note">{t('forecast.definitions')}</p>
      <ChartFigure
        title={t('forecast.pairsTitle', { horizon: horizonLabel(horizon) })}
        option={option}
        summary={t('forecast.pairsSummary', {
          count: hindcast.length,
          horizon: horizonLabel(horizon),
          subject,
        })}
        columns={[
          { header: t('chart.time'), value: (h: Hindcast) => h.t },
          { header: t('chart.predictedIn', { unit }), value: (h: Hindcast) => h.predicted },
          { header: t('chart.observedIn', { unit }), value: (h: Hindcast) => h.observed },
        ]}
        rows={hindcast}
        fileName={`hindcast-${subject.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`}
        className="chart-figure__chart chart-figure__chart--square"
      />
    </>
  );
}
