import type { TrafficPlace } from '../../api/schemas/forecasts';
import { useT } from '../../i18n/use-t';
import { formatTarget, parseTarget } from '../../lib/selection';

export type ForecastChoice = TrafficPlace | { kind: 'corridor'; id: string };

interface ForecastPlacePickerProps {
  value: ForecastChoice;
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
        value={formatTarget(value)}
        onChange={(e) => {
          const choice = parseTarget(e.target.value);
          if (choice) onChange(choice as ForecastChoice);
        }}
      >
        {sensor && (
          <optgroup label={t('mobility.selectedOnMap')}>
            <option value={formatTarget({ kind: 'sensor', id: sensor.id })}>{sensor.name}</option>
          </optgroup>
        )}
        <optgroup label={t('mobility.corridorsGroup')}>
          {corridors.map((c) => (
            <option key={c.id} value={formatTarget({ kind: 'corridor', id: c.id })}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('mobility.municipalitiesGroup')}>
          {municipalities.map((m) => (
            <option key={m.id} value={formatTarget({ kind: 'municipality', id: m.id })}>
              {m.name}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
