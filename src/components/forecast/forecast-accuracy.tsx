import { useMemo } from 'react';
import type { Accuracy, ForecastModel, Hindcast } from '../../api/schemas/forecasts';
import { useT } from '../../i18n/use-t';
import { hasDrifted, skill } from '../../lib/accuracy';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useTheme } from '../../store/ui-store';
import { ChartFigure } from '../chart/chart-figure';
import { predictedVsObservedOption } from '../chart/forecast-option';
import { Badge } from '../ui/badge';
import { FORECAST_COLOURS } from './forecast-colours';

const horizonLabel = (minutes: number) =>
  minutes < 60 ? `${formatNumber(minutes)} min` : `${formatNumber(minutes / 60, 2)} h`;

interface ForecastAccuracyProps {
  model: ForecastModel;
  baseline: string;
  unit: string;
  accuracy: readonly Accuracy[];
  hindcast: readonly Hindcast[];
  subject: string;
}

/** How right the model has been: error by horizon beside the naive baseline, drift flagged, and the evidence. */
export function ForecastAccuracy({
  model,
  baseline,
  unit,
  accuracy,
  hindcast,
  subject,
}: ForecastAccuracyProps) {
  const theme = useTheme();
  const t = useT();
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
              {t('forecast.baselineMae')}
            </th>
            <th scope="col" className="numeric">
              {t('forecast.skill')}
            </th>
            <th scope="col">{t('forecast.status')}</th>
          </tr>
        </thead>
        <tbody>
          {accuracy.map((a) => {
            const bad = hasDrifted(a.mae, a.baselineMae);
            return (
              <tr key={a.horizonMinutes}>
                <th scope="row">{horizonLabel(a.horizonMinutes)}</th>
                <td className="numeric">{formatNumber(a.mae, 1)}</td>
                <td className="numeric">{formatNumber(a.rmse, 1)}</td>
                <td className="numeric">{formatNumber(a.mape, 1)} %</td>
                <td className="numeric">{formatNumber(a.baselineMae, 1)}</td>
                <td className="numeric">{formatPercent(skill(a.mae, a.baselineMae))}</td>
                <td>
                  {bad ? (
                    <Badge tone="bad" label={t('forecast.worseThanBaseline')} />
                  ) : (
                    <Badge tone="good" label={t('forecast.beatsBaseline')} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
