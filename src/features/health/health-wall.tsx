import { devicesQuery, facilitiesQuery } from '../../api/queries/health';
import { FitList } from '../../components/ui/fit-list';
import { QueryPanel } from '../../components/ui/panel';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { devicesNeedingAttention } from '../../lib/health';
import { attentionKey, AttentionLine, REASON } from './device-attention';
import { FleetTiles } from './fleet-tiles';
import { HealthDividePanel } from './health-divide';

/** The health sector on a wall: the fleet's figures, the devices needing attention worst first, the divide. */
export function HealthWall() {
  const t = useT();
  const devicesOptions = devicesQuery();
  const devices = useLiveQuery(devicesOptions);
  const facilities = useLiveQuery(facilitiesQuery());
  const facilityById = new Map(facilities.data?.items.map((f) => [f.id, f.name]));
  const facilityName = (id: string) => facilityById.get(id) ?? id;

  return (
    <div className="view view--wall">
      <h1 className="visually-hidden">{t('health.title')}</h1>
      <QueryPanel
        title={t('health.devices')}
        query={devices}
        options={devicesOptions}
        isEmpty={(d) => d.items.length === 0}
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
      <HealthDividePanel wall />
    </div>
  );
}
