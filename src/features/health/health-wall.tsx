import { useQuery } from '@tanstack/react-query';
import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { territoryQuery } from '../../api/queries/territory';
import { DependencyMessage } from '../../components/ui/dependency-message';
import { FitList } from '../../components/ui/fit-list';
import { QueryPanel } from '../../components/ui/panel';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { devicesNeedingAttention } from '../../lib/health';
import { attentionKey, AttentionLine, REASON } from './device-attention';
import { FleetTiles } from './fleet-tiles';
import { HealthDivide } from './health-divide';

/** The health sector on a wall: the fleet's figures, the devices needing attention worst first, the divide. */
export function HealthWall() {
  const t = useT();
  const devicesOptions = devicesQuery();
  const devices = useLiveQuery(devicesOptions);
  const facilities = useLiveQuery(facilitiesQuery());
  const territory = useQuery(territoryQuery());
  const facilityById = new Map(facilities.data?.items.map((f) => [f.id, f.name]));
  const facilityName = (id: string) => facilityById.get(id) ?? id;
  const empty = { isEmpty: (d: { items: readonly unknown[] }) => d.items.length === 0 };

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('health.title')}</h1>
      <QueryPanel
        title={t('health.devices')}
        query={devices}
        options={devicesOptions}
        {...empty}
        emptyMessage={t('health.noDevices')}
        className="panel--fill panel--major"
      >
        {({ items }) => {
          const list = devicesNeedingAttention(items);
          return (
            <>
              <FleetTiles devices={items} wall />
              {list.length === 0 ? (
                <p className="panel__message">{t('health.allWell')}</p>
              ) : (
                <FitList
                  label={t('health.attentionList')}
                  items={list}
                  itemKey={attentionKey}
                  tone={(item) => REASON[item.reason].tone}
                  render={(item) => <AttentionLine item={item} facilityName={facilityName} />}
                />
              )}
            </>
          );
        }}
      </QueryPanel>
      <QueryPanel
        title={t('health.divide.title')}
        query={devices}
        options={devicesOptions}
        {...empty}
        emptyMessage={t('health.noDevices')}
      >
        {({ items }) =>
          territory.data && facilities.data ? (
            <HealthDivide
              territory={territory.data}
              facilities={facilities.data.items}
              devices={items}
              wall
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
    </div>
  );
}
