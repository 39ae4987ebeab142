import type { TrafficPlace } from '../../api/schemas/forecasts';
import { useT } from '../../i18n/use-t';

export type ForecastChoice = TrafficPlace | { kind: 'corridor'; id: string };

/** `municipality:<id>` or `sensor:<id>` from the URL; anything else is no place. */
export function parsePlace(value: string | undefined): TrafficPlace | null {
  const match = /^(municipality|sensor):(.+)$/.exec(value ?? '');
  return match ? { kind: match[1] as TrafficPlace['kind'], id: match[2]! } : null;
}

export const formatPlace = (place: TrafficPlace) => `${place.kind}:${place.id}`;

interface ForecastPlacePickerProps {
  /** `corridor:<id>`, `municipality:<id>` or `sensor:<id>`. */
  value: string;
  corridors: readonly { id: string; name: string }[];
  municipalities: readonly { id: string; name: string }[];
  /** The traffic sensor selected on the map, if any. */
  sensor: { id: string; name: string } | undefined;
  onChange: (choice: ForecastChoice) => void;
}

/** What the traffic forecast is for: a corridor, a municipality, or the sensor selected on the map. */
export function ForecastPlacePicker({
  value,
  corridors,
  municipalities,
  sensor,
  onChange,
}: ForecastPlacePickerProps) {
  const t = useT();
  return (
    <label className="filters">
      {t('forecast.for')}{' '}
      <select
        value={value}
        onChange={(e) => {
          const [kind, ...id] = e.target.value.split(':');
          onChange({ kind: kind as ForecastChoice['kind'], id: id.join(':') });
        }}
      >
        {sensor && (
          <optgroup label={t('mobility.selectedOnMap')}>
            <option value={`sensor:${sensor.id}`}>{sensor.name}</option>
          </optgroup>
        )}
        <optgroup label={t('mobility.corridorsGroup')}>
          {corridors.map((c) => (
            <option key={c.id} value={`corridor:${c.id}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('mobility.municipalitiesGroup')}>
          {municipalities.map((m) => (
            <option key={m.id} value={`municipality:${m.id}`}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
