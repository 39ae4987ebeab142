import type { Pollutant } from '../../api/schemas/forecasts';
import type { Band } from '../../api/schemas/network';
import { useT } from '../../i18n/use-t';
import { useUiStore } from '../../store/ui-store';
import { bandName } from '../../lib/bands';
import { POLLUTANT_LABELS } from '../../lib/eaqi';
import { COVERED_THRESHOLD } from '../../lib/signal';
import type { CoverageMetric, MapLayer } from './map-style';
import type { TimeMode } from './map-time';
import {
  CONGESTION_CLASSES,
  DL_CLASSES,
  EAQI_CLASSES,
  POPULATION_COVERAGE_CLASSES,
  RSRP_CLASS_COLOURS,
  QKD_STATE_CLASSES,
  SEVERITY_CLASSES,
  SITE_STATUS_CLASSES,
  STALE_CLASS,
  MMWAVE_COLOUR,
  FACILITY_STATE_CLASSES,
  FALLBACK_COLOUR,
  PATH_CLASSES,
  inTheme,
  shade,
  type LegendClass,
} from './palettes';

interface MapLegendProps {
  visible: readonly MapLayer[];
  clustered: boolean;
  pollutant: Pollutant | 'all';
  coverageMetric: CoverageMetric;
  band: Band;
  timeMode: TimeMode;
}

function LegendGroup({
  title,
  classes,
  shape = 'dot',
}: {
  title: string;
  classes: LegendClass[];
  shape?: 'dot' | 'square' | 'ring' | 'line';
}) {
  return (
    <div className="map-legend__group">
      <h3 className="map-legend__title">{title}</h3>
      <ul>
        {classes.map((c) => (
          <li key={c.value}>
            <span
              className={`map-legend__swatch map-legend__swatch--${shape}`}
              style={shape === 'ring' ? { borderColor: c.colour } : { background: c.colour }}
              aria-hidden="true"
            />
            {c.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Names every class of every visible layer in words. */
export function MapLegend({ visible, clustered, pollutant, coverageMetric, band, timeMode }: MapLegendProps) {
  const t = useT();
  const theme = useUiStore((s) => s.theme);
  const sensorsShown = visible.includes('air') || visible.includes('traffic');
  return (
    <section className="map-legend" aria-label={t('map.legend.title')}>
      {sensorsShown && timeMode === 'forecast' && (
        <p className="map-legend__note">
          <span
            className="map-legend__swatch map-legend__swatch--ring map-legend__swatch--forecast"
            aria-hidden="true"
          />{' '}
          {t('map.legend.forecastNote')}
        </p>
      )}
      {sensorsShown && timeMode === 'past' && <p className="map-legend__note">{t('map.legend.pastNote')}</p>}
      {clustered && (visible.includes('air') || visible.includes('traffic')) && (
        <p className="map-legend__note">{t('map.legend.clusterNote')}</p>
      )}
      {visible.includes('sites') && (
        <LegendGroup
          title={t('map.layer.sites')}
          classes={[
            ...SITE_STATUS_CLASSES,
            { value: 'mmwave', label: t('map.legend.mmWave'), colour: shade(MMWAVE_COLOUR, theme) },
          ]}
        />
      )}
      {visible.includes('air') && (
        <LegendGroup
          title={
            pollutant === 'all'
              ? t('map.legend.airIndex')
              : t('map.legend.airPollutant', { pollutant: POLLUTANT_LABELS[pollutant] })
          }
          classes={[...EAQI_CLASSES, STALE_CLASS]}
        />
      )}
      {visible.includes('traffic') && (
        <LegendGroup
          title={t('map.layer.traffic')}
          classes={[...inTheme(CONGESTION_CLASSES, theme), STALE_CLASS]}
        />
      )}
      {visible.includes('coverage') && (
        <LegendGroup
          title={t(coverageMetric === 'rsrp' ? 'map.legend.coverageRsrp' : 'map.legend.coverageDl', {
            band: bandName(band, t),
          })}
          classes={coverageMetric === 'rsrp' ? RSRP_CLASS_COLOURS : DL_CLASSES}
          shape="square"
        />
      )}
      {visible.includes('security') && (
        <LegendGroup title={t('map.legend.alerts')} classes={inTheme(SEVERITY_CLASSES, theme)} shape="ring" />
      )}
      {visible.includes('qkd') && (
        <LegendGroup title={t('map.layer.qkd')} classes={inTheme(QKD_STATE_CLASSES, theme)} shape="line" />
      )}
      {visible.includes('health') && (
        <>
          <LegendGroup title={t('map.legend.facilities')} classes={FACILITY_STATE_CLASSES} />
          <p className="map-legend__note">
            <span
              className="map-legend__swatch map-legend__swatch--ring"
              style={{ borderColor: FALLBACK_COLOUR }}
              aria-hidden="true"
            />{' '}
            {t('map.legend.fallback')}
          </p>
          <LegendGroup
            title={t('map.legend.devicePath')}
            classes={inTheme(PATH_CLASSES, theme)}
            shape="line"
          />
        </>
      )}
      {visible.includes('municipalities') && (
        <LegendGroup
          title={t('map.legend.municipalities', { threshold: COVERED_THRESHOLD })}
          classes={POPULATION_COVERAGE_CLASSES}
          shape="square"
        />
      )}
      <p className="map-legend__note">{t('map.legend.schematicBasemap')}</p>
    </section>
  );
}
