import { render, screen, within } from '@testing-library/react';
import type { Accuracy } from '../../api/schemas/forecasts';
import { ForecastAccuracy } from './forecast-accuracy';

const row = (horizonMinutes: number, mae: number, baselineMae: number, seasonalMae: number): Accuracy => ({
  horizonMinutes,
  mae,
  rmse: mae + 1,
  mape: 8.2,
  baselineMae,
  baselineRmse: baselineMae * 1.3,
  baselineMape: 10,
  seasonalMae,
  samples: 84,
});

function renderAccuracy(accuracy: Accuracy[]) {
  render(
    <ForecastAccuracy
      model={{ name: 'M', version: '1', trainedAt: '2026-10-02T03:00:00.000Z' }}
      baseline="persistence"
      unit="km/h"
      accuracy={accuracy}
      hindcast={[]}
      subject="A4"
    />,
  );
  return screen.getByRole('table', { name: 'Rolling accuracy by horizon for A4' });
}

const cells = (table: HTMLElement, horizon: string) =>
  within(within(table).getByRole('rowheader', { name: horizon }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('ForecastAccuracy', () => {
  it('shows the skill against persistence and against the same time last week', () => {
    const table = renderAccuracy([row(15, 4.5, 6, 9)]);
    // 1 − 4.5/6 = 25 %; 1 − 4.5/9 = 50 %.
    expect(cells(table, '15 min')).toEqual([
      '4.5',
      '5.5',
      '8.2%',
      '6',
      '25%',
      '9',
      '50%',
      '●Beats both baselines',
    ]);
    expect(within(table).getByRole('columnheader', { name: 'MAE of persistence' })).toBeInTheDocument();
    expect(
      within(table).getByRole('columnheader', { name: 'MAE of same time last week' }),
    ).toBeInTheDocument();
  });

  it('never says a model beats its baselines when its skill against one is negative', () => {
    // 3 % worse than persistence: within the drift margin (▲), but worse all the same; 33 % worse
    // has drifted (■).
    const table = renderAccuracy([row(60, 6.18, 6, 9), row(360, 6, 6, 9), row(1440, 8, 6, 7)]);
    expect(cells(table, '1 h').slice(4)).toEqual(['-3%', '9', '31%', '▲Worse than a baseline']);
    expect(cells(table, '6 h').slice(4)).toEqual(['0%', '9', '33%', '○Level with a baseline']);
    expect(cells(table, '24 h').slice(4)).toEqual(['-33%', '7', '-14%', '■Worse than a baseline']);
    expect(screen.queryByText('Beats both baselines')).not.toBeInTheDocument();
  });

  it('says how MAPE and skill are computed', () => {
    renderAccuracy([row(15, 4.5, 6, 9)]);
    expect(
      screen.getByText(
        /^MAPE: the mean of \|forecast − observed\| ÷ observed, leaving out observations of zero\./,
      ),
    ).toBeInTheDocument();
  });
});
