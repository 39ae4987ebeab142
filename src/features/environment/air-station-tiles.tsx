import type { Pollutant } from '../../api/schemas/forecasts';
import type { AirReading } from '../../api/schemas/sensors';
import { EaqiBandTable } from '../../components/ui/eaqi-band-table';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { eaqiTone } from '../../components/ui/tones';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { eaqiBandCount } from '../../lib/eaqi-bands';
import { formatNumber } from '../../lib/format';
import type { SensorRow } from '../../lib/sensors';

/**
 * The air-quality stations' headline figures: the pollutant's mean, the stations poor or worse,
 * and (at a desk) the stations and residents in each EAQI band, as the EEA shows them.
 */
export function AirStationTiles({
  rows,
  pollutant,
  populationOf,
  wall = false,
}: {
  rows: readonly SensorRow<AirReading>[];
  pollutant: Pollutant;
  /** Residents of a municipality; undefined while the territory is unknown. */
  populationOf?: (municipalityId: string) => number | undefined;
  /** A wall shows the mean, the stations poor or worse and those not reporting. */
  wall?: boolean;
}) {
  const t = useT();
  const live = rows.filter((r) => !r.stale && r.reading);
  const bandOf = new Map(live.map((r) => [r.sensor.id, r.reading!.airQualityIndex]));
  const count = eaqiBandCount(
    rows.map((r) => r.sensor),
    (id) => bandOf.get(id) ?? null,
    (id) => populationOf?.(id),
  );
  const poorOrWorse = count.bands.slice(3).reduce((a, b) => a + b.stations, 0);
  const mean = live.length ? live.reduce((s, r) => s + (r.reading?.[pollutant] ?? 0), 0) / live.length : null;
  return (
    <>
      <StatGrid>
        <StatTile
          label={t('environment.meanPollutant', { pollutant: POLLUTANT_LABELS[pollutant] })}
          value={formatNumber(mean, 1)}
          unit="µg/m³"
          tone={mean === null ? 'neutral' : eaqiTone(eaqiBand(pollutant, mean))}
          detail={mean === null ? undefined : t(EAQI_LABEL_KEYS[eaqiLevel(eaqiBand(pollutant, mean))])}
        />
        <StatTile
          label={t('environment.poorOrWorse')}
          value={poorOrWorse}
          tone={poorOrWorse ? 'bad' : 'good'}
          detail={t('environment.ofReporting', { count: live.length })}
        />
        <StatTile
          label={t('environment.notReporting')}
          value={rows.length - live.length}
          tone={rows.length - live.length ? 'warning' : 'good'}
        />
      </StatGrid>
      {!wall && (
        <EaqiBandTable
          bands={count.bands}
          notReporting={count.notReporting}
          withPopulation={!!populationOf}
        />
      )}
    </>
  );
}
