import type { Pollutant } from '../../api/schemas/forecasts';
import type { AirReading } from '../../api/schemas/sensors';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { eaqiTone } from '../../components/ui/tones';
import { useT } from '../../i18n/use-t';
import { EAQI_LABEL_KEYS, EAQI_LEVELS, eaqiBand, eaqiLevel, POLLUTANT_LABELS } from '../../lib/eaqi';
import { formatNumber } from '../../lib/format';
import type { SensorRow } from '../../lib/sensors';

/** The air-quality stations' headline figures: the pollutant's mean, and the stations by EAQI class. */
export function AirStationTiles({
  rows,
  pollutant,
  wall = false,
}: {
  rows: readonly SensorRow<AirReading>[];
  pollutant: Pollutant;
  /** A wall shows the mean, the stations poor or worse and those not reporting. */
  wall?: boolean;
}) {
  const t = useT();
  const live = rows.filter((r) => !r.stale && r.reading);
  const byLevel = EAQI_LEVELS.map((level) => live.filter((r) => r.reading?.airQualityLevel === level).length);
  const mean = live.length ? live.reduce((s, r) => s + (r.reading?.[pollutant] ?? 0), 0) / live.length : null;
  return (
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
        value={byLevel.slice(3).reduce((a, b) => a + b, 0)}
        tone={byLevel.slice(3).some(Boolean) ? 'bad' : 'good'}
        detail={t('environment.ofReporting', { count: live.length })}
      />
      {!wall && (
        <>
          <StatTile label={t('environment.goodOrFair')} value={byLevel[0]! + byLevel[1]!} tone="good" />
          <StatTile
            label={t('environment.moderateOverall')}
            value={byLevel[2]!}
            tone={byLevel[2] ? 'warning' : 'neutral'}
          />
        </>
      )}
      <StatTile
        label={t('environment.notReporting')}
        value={rows.length - live.length}
        tone={rows.length - live.length ? 'warning' : 'good'}
      />
    </StatGrid>
  );
}
