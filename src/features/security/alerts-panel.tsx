import { useQuery, useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { z } from 'zod/mini';
import { sitesQuery } from '../../api/queries/network';
import {
  alertsQuery,
  alertsWithIndex,
  qkdLinksQuery,
  updateAlertsMutation,
  type AlertChange,
} from '../../api/queries/security';
import { sensorsQuery } from '../../api/queries/sensors';
import { territoryQuery } from '../../api/queries/territory';
import { ALERT_STATUSES, SEVERITIES, type Alert, type AlertPatch } from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import { Badge } from '../../components/ui/badge';
import { DataTable, type Column } from '../../components/ui/data-table';
import { QueryPanel } from '../../components/ui/panel';
import { StatGrid, StatTile } from '../../components/ui/stat-tile';
import { ALERT_STATUS_KEYS, SEVERITY_KEYS, SEVERITY_TONE } from '../../components/ui/tones';
import { useNow } from '../../hooks/use-now';
import { useIdentity } from '../../hooks/use-identity';
import { useRedaction } from '../../hooks/use-redaction';
import { SCOPES } from '../../api/access';
import { useSearchState } from '../../hooks/use-search-state';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { isActive, locatePlace, placeKey, type PlaceDirectory } from '../../lib/alert-places';
import { formatAge } from '../../lib/format';
import { AlertDetails } from './alert-details';
import { AlertFilters, passesFilter } from './alert-filters';
import { BulkActions } from './bulk-actions';
import { describeChange } from './describe-change';
import { formatTarget, targetField } from '../../lib/selection';
import { withLayer } from '../../components/map/map-url';

const searchSchema = z.object({
  severity: z.catch(z.optional(z.enum(SEVERITIES)), undefined),
  status: z.catch(z.optional(z.enum(ALERT_STATUSES)), undefined),
  q: z.catch(z.optional(z.string()), undefined),
  alert: z.catch(z.optional(z.string()), undefined),
  /** The map's selection and layers: showing an alert's place sets them. */
  sel: targetField,
  layers: z.catch(z.optional(z.string()), undefined),
});

const PLACE_LABEL: Record<NonNullable<Alert['place']>['kind'], MessageKey> = {
  site: 'alerts.place.site',
  sensor: 'alerts.place.sensor',
  'qkd-link': 'alerts.place.qkdLink',
  municipality: 'alerts.place.municipality',
  area: 'alerts.place.area',
};

/** Alerts issued this recently and still open are highlighted as new. */
export const NEW_FOR_MS = 10 * 60_000;

/** Every alert, filtered and searched from the URL, worked from arrival to closure. */
export function AlertsPanel() {
  const [search, setSearch] = useSearchState(searchSchema);
  // A public or presentation screen shows the public projection, and is not where alerts are worked.
  const redact = useRedaction();
  const t = useT();
  const alertsOptions = { ...alertsQuery(), select: alertsWithIndex };
  const alerts = useLiveQuery(alertsOptions);
  const territory = useQuery(territoryQuery());
  const sites = useLiveQuery(sitesQuery());
  const sensors = useLiveQuery(sensorsQuery());
  const links = useLiveQuery(qkdLinksQuery());
  const now = useNow(5000);
  const identity = useIdentity();
  const canTriage = identity.scopes.has(SCOPES.triage) && !redact;
  const change = useMutation(updateAlertsMutation());
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  // Each alert's place is named once when the data changes, not again in every cell, sort and search.
  const placeNames = useMemo(() => {
    if (!territory.data) return new Map<string, string>();
    const directory: PlaceDirectory = {
      territory: territory.data,
      sites: sites.data?.items,
      sensors: sensors.data?.items,
      qkdLinks: links.data?.items,
    };
    return new Map(
      alerts.data?.items.flatMap((a) =>
        a.place ? [[a.id, locatePlace(a.place, directory).name] as const] : [],
      ),
    );
  }, [alerts.data, territory.data, sites.data, sensors.data, links.data]);
  const placeName = (a: Alert) => (a.place ? (placeNames.get(a.id) ?? a.place.refId) : '');
  const isNew = (a: Alert) => a.status === 'open' && now - Date.parse(a.dateIssued) < NEW_FOR_MS;
  const apply = (ids: readonly string[], patch: AlertPatch) =>
    change.mutate({ ids, patch, actor: identity.name } satisfies AlertChange);
  const showOnMap = (a: Alert) =>
    a.place &&
    setSearch({
      sel: formatTarget({ kind: 'alert-place', id: placeKey(a.place) }),
      layers: withLayer(search.layers, 'security'),
    });

  const columns: Column<Alert>[] = [
    {
      key: 'pick',
      header: t('alerts.column.select'),
      cell: (a) => (
        <input
          type="checkbox"
          aria-label={t('alerts.selectOne', { alert: `${a.category} · ${a.subCategory}`, id: a.id })}
          checked={picked.has(a.id)}
          onChange={(e) => {
            const next = new Set(picked);
            if (e.target.checked) next.add(a.id);
            else next.delete(a.id);
            setPicked(next);
          }}
        />
      ),
    },
    {
      key: 'severity',
      header: t('alerts.field.severity'),
      cell: (a) => <Badge tone={SEVERITY_TONE[a.severity]} label={t(SEVERITY_KEYS[a.severity])} />,
      sortValue: (a) => SEVERITIES.indexOf(a.severity),
    },
    {
      key: 'category',
      header: t('alerts.column.alert'),
      cell: (a) => (
        <>
          {isNew(a) && <span className="tag-new">{t('alerts.new')} </span>}
          {a.category} · {a.subCategory}
        </>
      ),
      sortValue: (a) => `${a.category} ${a.subCategory}`,
    },
    { key: 'source', header: t('alerts.field.source'), cell: (a) => a.source, sortValue: (a) => a.source },
    {
      key: 'place',
      header: t('alerts.field.place'),
      cell: (a) =>
        a.place ? (
          <>
            {t(PLACE_LABEL[a.place.kind])} {placeName(a)}{' '}
            <button
              type="button"
              className="link-button"
              aria-label={t('alerts.showPlaceOnMap', { place: placeName(a) })}
              onClick={() => showOnMap(a)}
            >
              {t('alerts.map')}
            </button>
          </>
        ) : (
          '—'
        ),
      sortValue: (a) => placeName(a) || null,
    },
    {
      key: 'issued',
      header: t('alerts.column.age'),
      cell: (a) => formatAge(now - Date.parse(a.dateIssued)),
      sortValue: (a) => Date.parse(a.dateIssued),
    },
    {
      key: 'status',
      header: t('alerts.field.status'),
      cell: (a) => t(ALERT_STATUS_KEYS[a.status]),
      sortValue: (a) => ALERT_STATUSES.indexOf(a.status),
    },
    {
      key: 'assignee',
      header: t('alerts.field.assignee'),
      cell: (a) => a.assignee ?? t('alerts.unassigned'),
      sortValue: (a) => a.assignee,
    },
  ];

  return (
    <QueryPanel
      title={t('alerts.title')}
      query={alerts}
      options={alertsOptions}
      isEmpty={(d) => d.items.length === 0}
      emptyMessage={t('alerts.empty')}
    >
      {({ items, byId }) => {
        const active = items.filter(isActive);
        const shown = items.filter((a) => passesFilter(a, search, placeName(a)));
        const selected = search.alert ? byId.get(search.alert) : undefined;
        const pickedAlerts = items.filter((a) => picked.has(a.id));
        const assignees = [...new Set(items.flatMap((a) => (a.assignee ? [a.assignee] : [])))].sort();
        return (
          <>
            <StatGrid>
              {[...SEVERITIES].reverse().map((s) => {
                const n = active.filter((a) => a.severity === s).length;
                return (
                  <StatTile
                    key={s}
                    label={t('alerts.activeOfSeverity', { severity: t(SEVERITY_KEYS[s]) })}
                    value={n}
                    tone={n && (s === 'critical' || s === 'high') ? 'bad' : 'neutral'}
                  />
                );
              })}
              {ALERT_STATUSES.map((s) => (
                <StatTile
                  key={s}
                  label={t(ALERT_STATUS_KEYS[s])}
                  value={items.filter((a) => a.status === s).length}
                />
              ))}
            </StatGrid>
            <AlertFilters filter={search} shown={shown.length} total={items.length} onChange={setSearch} />
            <p
              className="triage-feedback"
              role={change.isError || change.data?.failed.length ? 'alert' : 'status'}
            >
              {change.isPending
                ? t('alerts.saving')
                : change.variables
                  ? describeChange(change, byId, t)
                  : ''}
            </p>
            {canTriage && (
              <BulkActions
                picked={pickedAlerts}
                shown={shown}
                assignees={assignees}
                busy={change.isPending}
                onPick={(ids) => setPicked(new Set(ids))}
                onApply={apply}
              />
            )}
            <DataTable
              caption={t('alerts.caption')}
              columns={canTriage ? columns : columns.filter((c) => c.key !== 'pick')}
              rows={shown}
              rowKey={(a) => a.id}
              selectColumn="category"
              selectedKey={search.alert}
              onSelect={(a) => setSearch({ alert: a.id === search.alert ? undefined : a.id })}
              initialSort={{ key: 'issued', descending: true }}
              maxRows={100}
              // A selected row shows as selected only: the new-alert tint over the selection colour
              // leaves its links below AA contrast in the light theme (its "New" tag stays).
              rowClass={(a) => (isNew(a) && a.id !== search.alert ? 'is-new' : undefined)}
            />
            {search.alert && (
              <AlertDetails
                canAct={canTriage}
                alert={selected}
                placeName={selected ? placeName(selected) : ''}
                assignees={assignees}
                operator={identity.name}
                busy={change.isPending}
                onChange={(patch) => selected && apply([selected.id], patch)}
                onShowOnMap={selected?.place ? () => showOnMap(selected) : undefined}
                onClose={() => setSearch({ alert: undefined })}
              />
            )}
          </>
        );
      }}
    </QueryPanel>
  );
}
