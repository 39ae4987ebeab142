import { DataTable, type Column } from '../ui/data-table';
import type { MapTarget } from './map-view';

export interface ViewFeature extends MapTarget {
  name: string;
  layer: string;
  /** The feature's state in words, e.g. "Online" or "Moderate". */
  state: string;
  position: readonly [number, number];
}

const columns: Column<ViewFeature>[] = [
  { key: 'name', header: 'Name', cell: (f) => f.name, sortValue: (f) => f.name },
  { key: 'layer', header: 'Layer', cell: (f) => f.layer, sortValue: (f) => f.layer },
  { key: 'state', header: 'State', cell: (f) => f.state, sortValue: (f) => f.state },
];

/** The map's text alternative: what is in view, selectable both ways with the map. */
export function FeaturesInView({
  features,
  selected,
  onSelect,
}: {
  features: readonly ViewFeature[];
  selected: MapTarget | null;
  onSelect: (target: MapTarget) => void;
}) {
  return (
    <section className="features-in-view" aria-label="Features in view">
      <h2 className="features-in-view__title">In view ({features.length})</h2>
      {features.length === 0 ? (
        <p>Nothing of the visible layers is in view.</p>
      ) : (
        <DataTable
          caption="Features in the map's view"
          columns={columns}
          rows={features}
          rowKey={(f) => `${f.kind}:${f.id}`}
          selectColumn="name"
          selectedKey={selected ? `${selected.kind}:${selected.id}` : null}
          onSelect={(f) => onSelect(f)}
          maxRows={100}
        />
      )}
    </section>
  );
}
