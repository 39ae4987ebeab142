import { useQuery } from '@tanstack/react-query';
import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { territoryQuery } from '../../api/queries/territory';
import type { Device, Facility } from '../../api/schemas/health';
import type { Territory } from '../../api/schemas/territory';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { formatNumber } from '../../lib/format';
import { healthDivide, type DivideSide } from '../../lib/health';

interface HealthDivideProps {
  territory: Territory;
  facilities: readonly Facility[];
  devices: readonly Device[];
  wall?: boolean;
}

const rate = (value: number | null) => formatNumber(value, 2);

/**
 * Devices and today's exams per 10,000 residents, peripheral municipalities against central ones:
 * whether compact devices reach the periphery as well as the centre. A wall gives the two rates;
 * the desk gives the table they come from.
 */
function HealthDivide({ territory, facilities, devices, wall = false }: HealthDivideProps) {
  const t = useT();
  const { peripheral, central } = healthDivide(territory, facilities, devices);
  const sentence = t('health.divide.sentence', {
    peripheral: rate(peripheral.devicesPer10k),
    central: rate(central.devicesPer10k),
  });
  if (wall)
    return (
      <StatGrid>
        <StatTile
          label={t('health.divide.devicesPeripheral')}
          value={rate(peripheral.devicesPer10k)}
          detail={t('health.divide.centralDetail', { central: rate(central.devicesPer10k) })}
        />
        <StatTile
          label={t('health.divide.examsPeripheral')}
          value={rate(peripheral.examsPer10k)}
          detail={t('health.divide.centralDetail', { central: rate(central.examsPer10k) })}
        />
      </StatGrid>
    );
  const rows: [string, DivideSide][] = [
    [t('health.divide.peripheral'), peripheral],
    [t('health.divide.central'), central],
  ];
  return (
    <>
      <p>{sentence}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t('health.divide.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('health.divide.municipalities')}</th>
            <th scope="col" className="numeric">
              {t('health.divide.residents')}
            </th>
            <th scope="col" className="numeric">
              {t('health.divide.facilities')}
            </th>
            <th scope="col" className="numeric">
              {t('health.divide.devices')}
            </th>
            <th scope="col" className="numeric">
              {t('health.divide.devicesPer10k')}
            </th>
            <th scope="col" className="numeric">
              {t('health.divide.exams')}
            </th>
            <th scope="col" className="numeric">
              {t('health.divide.examsPer10k')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, side]) => (
            <tr key={label}>
              <th scope="row">{t('health.divide.side', { label, count: side.municipalities })}</th>
              <td className="numeric">{formatNumber(side.residents)}</td>
              <td className="numeric">{formatNumber(side.facilities)}</td>
              <td className="numeric">{formatNumber(side.devices)}</td>
              <td className="numeric">{rate(side.devicesPer10k)}</td>
              <td className="numeric">{formatNumber(side.examsToday)}</td>
              <td className="numeric">{rate(side.examsPer10k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel__note">{t('health.divide.rule', { rule: territory.peripheralRule })}</p>
    </>
  );
}

/** The divide's panel: today's devices, with the territory's residents and the facilities beside. */
export function HealthDividePanel({ wall = false }: { wall?: boolean }) {
  const t = useT();
  const devicesOptions = devicesQuery();
  const devices = useLiveQuery(devicesOptions);
  const facilities = useLiveQuery(facilitiesQuery());
  const territory = useQuery(territoryQuery());
  return (
    <QueryPanel
      title={t('health.divide.title')}
      query={devices}
      options={devicesOptions}
      isEmpty={(d) => d.items.length === 0}
      emptyMessage={t('health.noDevices')}
    >
      {({ items }) =>
        territory.data && facilities.data ? (
          <HealthDivide
            territory={territory.data}
            facilities={facilities.data.items}
            devices={items}
            wall={wall}
          />
        ) : (
          <DependencyMessage
            what="territoryAndFacilities"
            failed={territory.isError || facilities.isError}
            errors={[territory.error, facilities.error]}
          />
        )
      }
    </QueryPanel>
  );
}
