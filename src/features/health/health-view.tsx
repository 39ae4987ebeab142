import { useQuery } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { territoryQuery, territoryWithMunicipalityIndex } from '../../api/queries/territory';
import { DEVICE_STATES, type Device } from '../../api/schemas/health';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { FilterSelect } from '../../components/ui/filter-select';
import { QueryPanel } from '../../components/ui/panel';
import { DEVICE_STATE_KEYS, DEVICE_STATE_TONE } from '../../components/ui/tones';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useIsWall } from '../../hooks/use-screen-mode';
import { useSearchState } from '../../hooks/use-search-state';
import { useT } from '../../i18n/use-t';
import { formatNumber, formatPercent } from '../../lib/format';
import {
  DEVICE_STATES_WORST_FIRST,
  devicesNeedingAttention,
  pathProtection,
  protectedShare,
} from '../../lib/health';
import { formatTarget, selectedId, targetField } from '../../lib/selection';
import { AttentionLine, PROTECTION } from './device-attention';
import { DeviceDetail } from './device-detail';
import { FleetTiles } from './fleet-tiles';
import { HealthDividePanel } from './health-divide';
import { HealthWall } from './health-wall';

const searchSchema = z.object({
  state: z.catch(z.optional(z.enum(DEVICE_STATES)), undefined),
  sel: targetField,
});

export function HealthView() {
  return useIsWall() ? <HealthWall /> : <HealthDesk />;
}

function HealthDesk() {
  const [search, setSearch] = useSearchState(searchSchema);
  const t = useT();
  const devicesOptions = devicesQuery();
  const devices = useLiveQuery(devicesOptions);
  const facilities = useLiveQuery(facilitiesQuery());
  const territory = useQuery({ ...territoryQuery(), select: territoryWithMunicipalityIndex });
  const municipalityName = (id: string) => territory.data?.byId.get(id)?.name ?? id;
  const facilityById = new Map(facilities.data?.items.map((f) => [f.id, f]));
  const facilityName = (id: string) => facilityById.get(id)?.name ?? id;
  const deviceId = selectedId(search.sel, 'device');
  const selectedDevice = devices.data?.items.find((d) => d.id === deviceId);
  const select = (id: string | null) =>
    setSearch({ sel: formatTarget(id === null ? null : { kind: 'device', id }) });

  const columns: Column<Device>[] = [
    { key: 'name', header: t('health.device'), cell: (d) => d.name, sortValue: (d) => d.name },
    {
      key: 'municipality',
      header: t('health.municipality'),
      cell: (d) => municipalityName(d.municipalityId),
      sortValue: (d) => municipalityName(d.municipalityId),
    },
    {
      key: 'state',
      header: t('health.state'),
      cell: (d) => (
        <Badge tone={DEVICE_STATE_TONE[d.deviceState]} label={t(DEVICE_STATE_KEYS[d.deviceState])} />
      ),
      sortValue: (d) => -DEVICE_STATES_WORST_FIRST.indexOf(d.deviceState),
    },
    {
      key: 'exams',
      header: t('health.examsColumn'),
      numeric: true,
      cell: (d) => `${formatNumber(d.examsToday)} / ${formatNumber(d.examsTypicalByNow, 1)}`,
      sortValue: (d) => d.examsToday,
    },
    {
      key: 'data',
      header: t('health.dataColumn'),
      numeric: true,
      cell: (d) => formatNumber(d.dataSentTodayMB, 1),
      sortValue: (d) => d.dataSentTodayMB,
    },
    {
      key: 'protected',
      header: t('health.protectedColumn'),
      numeric: true,
      cell: (d) => formatPercent(protectedShare(d)),
      sortValue: (d) => protectedShare(d),
    },
    {
      key: 'path',
      header: t('health.pathColumn'),
      cell: (d) => {
        const protection = PROTECTION[pathProtection(d)];
        return <Badge tone={protection.tone} label={t(protection.label)} />;
      },
      sortValue: (d) => pathProtection(d),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">{t('health.title')}</h1>
      {deviceId && <DeviceDetail deviceId={deviceId} device={selectedDevice} onClose={() => select(null)} />}
      <QueryPanel
        title={t('health.devices')}
        query={devices}
        options={devicesOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('health.noDevices')}
      >
        {({ items }) => {
          const count = (state: Device['deviceState']) => items.filter((d) => d.deviceState === state).length;
          const shown = search.state ? items.filter((d) => d.deviceState === search.state) : items;
          return (
            <>
              <FleetTiles devices={items} />
              <div className="filters" role="group" aria-label={t('health.filterByState')}>
                <FilterSelect
                  label={t('health.state')}
                  value={search.state}
                  options={DEVICE_STATES}
                  optionLabel={(s) => `${t(DEVICE_STATE_KEYS[s])} (${count(s)})`}
                  allLabel={t('health.all')}
                  onChange={(state) => setSearch({ state })}
                />
              </div>
              <DataTable
                caption={t('health.devicesCaption')}
                columns={columns}
                rows={shown}
                rowKey={(d) => d.id}
                selectColumn="name"
                selectedKey={deviceId}
                onSelect={(d) => select(deviceId === d.id ? null : d.id)}
                initialSort={{ key: 'state', descending: true }}
              />
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('health.attention')}
        query={devices}
        options={devicesOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('health.noDevices')}
      >
        {({ items }) => {
          const list = devicesNeedingAttention(items);
          return list.length === 0 ? (
            <p className="panel__message">{t('health.allWell')}</p>
          ) : (
            <ul className="attention-list" aria-label={t('health.attentionList')}>
              {list.map((item) => (
                <li key={item.device.id}>
                  <AttentionLine
                    item={item}
                    facilityName={facilityName}
                    name={
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={deviceId === item.device.id}
                        onClick={() => select(item.device.id)}
                      >
                        {item.device.name}
                      </button>
                    }
                  />
                </li>
              ))}
            </ul>
          );
        }}
      </QueryPanel>
      <HealthDividePanel />
    </div>
  );
}
