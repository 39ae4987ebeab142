import { z } from 'zod/mini';
import { qkdLinksQuery, qkdLinksWithIndex } from '../../api/queries/security';
import type { QkdLink } from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { useSearchState } from '../../hooks/use-search-state';
import { useT } from '../../i18n/use-t';
import { formatNumber } from '../../lib/format';
import { AlertsPanel } from './alerts-panel';
import { QKD_STATE_LABEL, QKD_TONE } from './qkd-states';
import { SecurityWall } from './security-wall';
import { useIsWall } from '../../hooks/use-screen-mode';
import { QkdLinkDetail } from './qkd-link-detail';
import { ResponseTimesPanel } from './response-times-panel';

const searchSchema = z.object({
  /** The QKD link whose history is shown. */
  link: z.catch(z.optional(z.string()), undefined),
});

export function SecurityView() {
  return useIsWall() ? <SecurityWall /> : <SecurityDesk />;
}

function SecurityDesk() {
  const [search, setSearch] = useSearchState(searchSchema);
  const t = useT();
  const linksOptions = { ...qkdLinksQuery(), select: qkdLinksWithIndex };
  const links = useLiveQuery(linksOptions);

  const linkColumns: Column<QkdLink>[] = [
    { key: 'name', header: t('qkd.column.link'), cell: (l) => l.name, sortValue: (l) => l.name },
    {
      key: 'state',
      header: t('qkd.column.state'),
      cell: (l) => <Badge tone={QKD_TONE[l.state]} label={t(QKD_STATE_LABEL[l.state])} />,
      sortValue: (l) => l.state,
    },
    {
      key: 'qber',
      header: t('qkd.column.qber'),
      numeric: true,
      cell: (l) =>
        t('qkd.qberWithAlarm', {
          qber: formatNumber(l.qberPercent, 2),
          alarm: formatNumber(l.qberAlarmPercent),
        }),
      sortValue: (l) => l.qberPercent,
    },
    {
      key: 'rate',
      header: t('qkd.column.rate'),
      numeric: true,
      cell: (l) => formatNumber(l.secretKeyRateKbps, 2),
      sortValue: (l) => l.secretKeyRateKbps,
    },
    {
      key: 'stored',
      header: t('qkd.column.stored'),
      numeric: true,
      cell: (l) => formatNumber(l.storedKeysKbit),
      sortValue: (l) => l.storedKeysKbit,
    },
    {
      key: 'use',
      header: t('qkd.column.use'),
      numeric: true,
      cell: (l) => formatNumber(l.consumptionKbps, 1),
      sortValue: (l) => l.consumptionKbps,
    },
    {
      key: 'length',
      header: t('qkd.column.length'),
      numeric: true,
      cell: (l) => formatNumber(l.lengthKm, 1),
    },
  ];

  return (
    <div className="view">
      <h1 className="view__title">{t('view.security')}</h1>
      <AlertsPanel />
      <QueryPanel
        title={t('qkd.links.title')}
        query={links}
        options={linksOptions}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage={t('qkd.links.empty')}
      >
        {({ items }) => (
          <DataTable
            caption={t('qkd.links.caption')}
            columns={linkColumns}
            rows={items}
            rowKey={(l) => l.id}
            selectColumn="name"
            selectedKey={search.link}
            onSelect={(l) => setSearch({ link: l.id === search.link ? undefined : l.id })}
            initialSort={{ key: 'qber', descending: true }}
          />
        )}
      </QueryPanel>
      {search.link && (
        <QkdLinkDetail
          linkId={search.link}
          link={links.data?.byId.get(search.link)}
          onClose={() => setSearch({ link: undefined })}
        />
      )}
      <ResponseTimesPanel />
    </div>
  );
}
