import { POLLUTANTS, type Pollutant } from '../../api/schemas/forecasts';
import { BANDS, type Band } from '../../api/schemas/network';
import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { bandName } from '../../lib/bands';
import { POLLUTANT_LABELS } from '../../lib/eaqi';
import { MAP_LAYERS, type CoverageMetric, type MapLayer } from './map-style';

export const LAYER_LABELS: Record<MapLayer, MessageKey> = {
  municipalities: 'map.layer.municipalities',
  coverage: 'map.layer.coverage',
  traffic: 'map.layer.traffic',
  air: 'map.layer.air',
  health: 'map.layer.health',
  sites: 'map.layer.sites',
  qkd: 'map.layer.qkd',
  security: 'map.layer.security',
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
  const t = useT();
  return (
    <div className="map-toolbar">
      <fieldset className="map-toolbar__layers">
        <legend>{t('map.layers')}</legend>
        {[...MAP_LAYERS].reverse().map((layer) => (
          <label key={layer}>
            <input type="checkbox" checked={visible.includes(layer)} onChange={() => props.onToggle(layer)} />{' '}
            {t(LAYER_LABELS[layer])}
          </label>
        ))}
      </fieldset>
      {visible.includes('air') && (
        <label>
          {t('map.pollutant')}{' '}
          <select
            value={props.pollutant}
            onChange={(e) => props.onPollutant(e.target.value as Pollutant | 'all')}
          >
            <option value="all">{t('map.pollutant.index')}</option>
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
            {t('map.band')}{' '}
            <select value={props.band} onChange={(e) => props.onBand(e.target.value as Band)}>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {bandName(b, t)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('map.classedBy')}{' '}
            <select
              value={props.coverageMetric}
              onChange={(e) => props.onCoverageMetric(e.target.value as CoverageMetric)}
            >
              <option value="rsrp">{t('map.metric.rsrp')}</option>
              <option value="dl">{t('map.metric.dl')}</option>
            </select>
          </label>
        </>
      )}
    </div>
  );
}
