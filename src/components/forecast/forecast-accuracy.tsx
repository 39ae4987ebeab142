import { useMemo } from 'react';
import type { Accuracy, ForecastModel, Hindcast } from '../../api/schemas/forecasts';
import { hasDrifted, skill } from '../../lib/accuracy';
import { formatDateTime, formatNumber, formatPercent } from '../../lib/format';
import { useTheme } from '../../store/ui-store';
import { ChartFigure } from '../chart/chart-figure';
import { predictedVsObservedOption } from '../chart/forecast-option';
import { Badge } from '../ui/badge';
import { FORECAST_COLOURS } from './forecast-colours';

const horizonLabel = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${minutes / 60} h`);

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
  const drifted = accuracy.filter((a) => hasDrifted(a.mae, a.baselineMae));
  const option = useMemo(
    () => predictedVsObservedOption(hindcast, unit, FORECAST_COLOURS[theme]),
    [hindcast, unit, theme],
  );
  const horizon = hindcast[0]?.horizonMinutes ?? 60;
  return (
    <>
      <p className="panel__note">
        Model {model.name} v{model.version}, trained {formatDateTime(Date.parse(model.trainedAt))}; baseline:{' '}
        {baseline}.
      </p>
      {drifted.length > 0 && (
        <p className="forecast-drift" role="status">
          <Badge tone="bad" label="Drift" /> At{' '}
          {drifted.map((a) => horizonLabel(a.horizonMinutes)).join(', ')} the model is doing worse than the{' '}
          {baseline} baseline.
        </p>
      )}
      <table className="data-table">
        <caption className="visually-hidden">Rolling accuracy by horizon for {subject}</caption>
        <thead>
          <tr>
            <th scope="col">Horizon</th>
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
              Baseline MAE
            </th>
            <th scope="col" className="numeric">
              Skill
            </th>
            <th scope="col">Status</th>
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
                    <Badge tone="bad" label="Worse than baseline" />
                  ) : (
                    <Badge tone="good" label="Beats baseline" />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ChartFigure
        title={`Predicted against observed, ${horizonLabel(horizon)} ahead`}
        option={option}
        summary={`${hindcast.length} forecasts made ${horizonLabel(horizon)} ahead for ${subject}, plotted against what was then observed; points on the dashed line were exact.`}
        columns={[
          { header: 'Time', value: (h: Hindcast) => h.t },
          { header: `Predicted (${unit})`, value: (h: Hindcast) => h.predicted },
          { header: `Observed (${unit})`, value: (h: Hindcast) => h.observed },
        ]}
        rows={hindcast}
        fileName={`hindcast-${subject.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.csv`}
        className="chart-figure__chart chart-figure__chart--square"
      />
    </>
  );
}
