import type { DailyAirOutlook, Pollutant } from '../../api/schemas/forecasts';
import type { Sensor } from '../../api/schemas/sensors';
import { useT } from '../../i18n/use-t';
import { limitLabel } from '../../lib/eu-limits';
import { formatNumber } from '../../lib/format';
import { dailyExceedances, dailyLimit, exceedanceSentence } from '../../lib/outlook';

/** Names listed per day before the rest are counted. */
const LISTED = 12;

interface DailyOutlookProps {
  outlook: DailyAirOutlook;
  sensors: readonly Sensor[];
  municipalityName: (id: string) => string;
  nowMs: number;
  /** The id of the municipality selected. */
  selected: string | null;
  onSelectMunicipality: (id: string) => void;
  onShowTomorrow: () => void;
}

/** Where the daily limit is expected to be exceeded, day by day, each place a link to the map. */
export function DailyOutlook(props: DailyOutlookProps) {
  const { outlook } = props;
  const t = useT();
  const limit = dailyLimit(outlook.pollutant as Pollutant);
  if (!limit) return <p className="panel__message">{t('outlook.ozone')}</p>;
  const stationMunicipality = new Map(props.sensors.map((s) => [s.id, s.municipalityId]));
  const days = dailyExceedances(
    outlook,
    stationMunicipality,
    props.municipalityName,
    limit.value,
    props.nowMs,
  );
  return (
    <>
      <ul className="daily-outlook">
        {days.map((d) => (
          <li key={d.date}>
            <p className="outlook">{exceedanceSentence(outlook.pollutant, outlook.unit, limit, d)}</p>
            {d.places.length > 0 && (
              <ul className="daily-outlook__places" aria-label={t('outlook.placesAbove', { day: d.day })}>
                {d.places.slice(0, LISTED).map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={props.selected === m.id}
                      onClick={() => props.onSelectMunicipality(m.id)}
                    >
                      {m.name}
                    </button>{' '}
                    {formatNumber(m.mean)} {outlook.unit}
                  </li>
                ))}
                {d.places.length > LISTED && (
                  <li>{t('outlook.andMore', { count: d.places.length - LISTED })}</li>
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p className="panel__note">
        {t('outlook.method', { limit: limitLabel(limit) })}{' '}
        <button type="button" className="button" onClick={props.onShowTomorrow}>
          {t('outlook.showTomorrow')}
        </button>
      </p>
    </>
  );
}
