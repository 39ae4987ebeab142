import type { DailyAirOutlook, Pollutant } from '../../api/schemas/forecasts';
import type { Sensor } from '../../api/schemas/sensors';
import { formatNumber } from '../../lib/format';
import { dailyExceedances, dailyLimit, exceedanceSentence } from '../../lib/outlook';

/** Names listed per day before the rest are counted. */
const LISTED = 12;

interface DailyOutlookProps {
  outlook: DailyAirOutlook;
  sensors: readonly Sensor[];
  municipalityName: (id: string) => string;
  nowMs: number;
  selected: string | undefined;
  onSelectMunicipality: (id: string) => void;
  onShowTomorrow: () => void;
}

/** Where the daily limit is expected to be exceeded, day by day, each place a link to the map. */
export function DailyOutlook(props: DailyOutlookProps) {
  const { outlook } = props;
  const limit = dailyLimit(outlook.pollutant as Pollutant);
  if (!limit)
    return (
      <p className="panel__message">
        Ozone is judged on 8-hour means, not daily ones: see the hourly forecast for the target value.
      </p>
    );
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
            <p className="outlook">{exceedanceSentence(outlook.pollutant, outlook.unit, limit.value, d)}</p>
            {d.places.length > 0 && (
              <ul className="daily-outlook__places" aria-label={`Municipalities above the limit ${d.day}`}>
                {d.places.slice(0, LISTED).map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="link-button"
                      aria-pressed={props.selected === `municipality:${m.id}`}
                      onClick={() => props.onSelectMunicipality(m.id)}
                    >
                      {m.name}
                    </button>{' '}
                    {formatNumber(m.mean)} {outlook.unit}
                  </li>
                ))}
                {d.places.length > LISTED && <li>and {d.places.length - LISTED} more</li>}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <p className="panel__note">
        Daily means of each station&rsquo;s median forecast (today includes the hours already observed),
        against the {limit.label}; the worst station stands for its municipality.{' '}
        <button type="button" className="button" onClick={props.onShowTomorrow}>
          Show this time tomorrow on the map
        </button>
      </p>
    </>
  );
}
