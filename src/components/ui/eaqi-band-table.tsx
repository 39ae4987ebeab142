import type { EaqiBandShare } from '../../api/schemas/kpis';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiLevel, type EaqiBand } from '../../lib/eaqi';
import { formatNumber } from '../../lib/format';
import { Badge } from './badge';
import { eaqiTone } from './tones';

interface EaqiBandTableProps {
  bands: readonly EaqiBandShare[];
  /** Stations without a current index, as a last row. */
  notReporting?: { stations: number; population: number };
  /** False when the populations are unknown (the territory did not load): residents show "—". */
  withPopulation?: boolean;
}

/** As the EEA shows a moment: the stations in each EAQI band and the residents near them. */
export function EaqiBandTable({ bands, notReporting, withPopulation = true }: EaqiBandTableProps) {
  const t = useT();
  const residents = (population: number) => (withPopulation ? formatNumber(population) : '—');
  return (
    <div className="band-table">
      <table>
        <caption>{t('eaqiBands.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eaqiBands.band')}</th>
            <th scope="col">{t('eaqiBands.stations')}</th>
            <th scope="col">{t('eaqiBands.residents')}</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((b) => (
            <tr key={b.band}>
              <th scope="row">
                <Badge
                  tone={eaqiTone(b.band)}
                  label={`${b.band} · ${t(EAQI_LABEL_KEYS[eaqiLevel(b.band as EaqiBand)])}`}
                />
              </th>
              <td>{b.stations}</td>
              <td>{residents(b.population)}</td>
            </tr>
          ))}
          {notReporting && (
            <tr>
              <th scope="row">{t('eaqiBands.notReporting')}</th>
              <td>{notReporting.stations}</td>
              <td>{residents(notReporting.population)}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="panel__note">{t('eaqiBands.method')}</p>
    </div>
  );
}
