import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { DataTable, type Column } from '../ui/data-table';
import { formatTarget, type Target } from '../../lib/selection';

export interface ViewFeature extends Target {
  name: string;
  /** The layer's name, in the language on screen. */
  layer: string;
  /** The feature's state in words, e.g. "Online" or "Moderate", in the language on screen. */
  state: string;
  position: readonly [number, number];
}

const columns = (t: Translate): Column<ViewFeature>[] => [
  { key: 'name', header: t('map.inView.name'), cell: (f) => f.name, sortValue: (f) => f.name },
  { key: 'layer', header: t('map.inView.layer'), cell: (f) => f.layer, sortValue: (f) => f.layer },
  { key: 'state', header: t('map.inView.state'), cell: (f) => f.state, sortValue: (f) => f.state },
];

/** The map's text alternative: what is in view, selectable both ways with the map. */
export function FeaturesInView({
  features,
  selected,
  onSelect,
}: {
  features: readonly ViewFeature[];
  selected: Target | null;
  onSelect: (target: Target) => void;
}) {
  const t = useT();
  return (
    <section className="features-in-view" aria-label={t('map.inView.region')}>
      <h2 className="features-in-view__title">{t('map.inView.title', { count: features.length })}</h2>
      {features.length === 0 ? (
        <p>{t('map.inView.none')}</p>
      ) : (
        <DataTable
          caption={t('map.inView.caption')}
          columns={columns(t)}
          rows={features}
          rowKey={(f) => formatTarget(f)!}
          selectColumn="name"
          selectedKey={formatTarget(selected) ?? null}
          onSelect={(f) => onSelect(f)}
          maxRows={100}
        />
      )}
    </section>
  );
}
