import { POLLUTANTS, type Pollutant } from '../../api/schemas/forecasts';
import { BANDS, type Band } from '../../api/schemas/network';
import { POLLUTANT_LABELS } from '../../lib/eaqi';
import { MAP_LAYERS, type CoverageMetric, type MapLayer } from './map-style';

export const LAYER_LABELS: Record<MapLayer, string> = {
  municipalities: 'Municipalities (5G coverage)',
  coverage: 'Coverage',
  traffic: 'Traffic',
  air: 'Air quality',
  sites: '5G sites',
  qkd: 'QKD links',
  security: 'Open alerts',
};

interface MapToolbarProps {
  visible: readonly MapLayer[];
  onToggle: (layer: MapLayer) => void;
  pollutant: Pollutant | 'all';
  onPollutant: (pollutant: Pollutant | 'all') => void;
  band: Band;
  onBand: (band: Band) => void;
  coverageMetric: CoverageMetric;
  onCoverageMetric: (metric: CoverageMetric) => void;
}

/** Layer switches and each layer's options, all reachable from the keyboard. */
export function MapToolbar(props: MapToolbarProps) {
  const { visible } = props;
  return (
    <div className="map-toolbar">
      <fieldset className="map-toolbar__layers">
        <legend>Layers</legend>
        {[...MAP_LAYERS].reverse().map((layer) => (
          <label key={layer}>
            <input type="checkbox" checked={visible.includes(layer)} onChange={() => props.onToggle(layer)} />{' '}
            {LAYER_LABELS[layer]}
          </label>
        ))}
      </fieldset>
      {visible.includes('air') && (
        <label>
          Pollutant{' '}
          <select
            value={props.pollutant}
            onChange={(e) => props.onPollutant(e.target.value as Pollutant | 'all')}
          >
            <option value="all">Index (worst pollutant)</option>
            {POLLUTANTS.map((p) => (
              <option key={p} value={p}>
                {POLLUTANT_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
      )}
      {visible.includes('coverage') && (
        <>
          <label>
            Band{' '}
            <select value={props.band} onChange={(e) => props.onBand(e.target.value as Band)}>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {b === 'n78' ? 'n78 · 3.5 GHz' : 'n258 · 26 GHz'}
                </option>
              ))}
            </select>
          </label>
          <label>
            Classed by{' '}
            <select
              value={props.coverageMetric}
              onChange={(e) => props.onCoverageMetric(e.target.value as CoverageMetric)}
            >
              <option value="rsrp">Signal (SS-RSRP)</option>
              <option value="dl">Expected download</option>
            </select>
          </label>
        </>
      )}
    </div>
  );
}
