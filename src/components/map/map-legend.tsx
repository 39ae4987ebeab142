import type { Pollutant } from '../../api/schemas/forecasts';
import { POLLUTANT_LABELS } from '../../lib/eaqi';
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
  STALE_COLOUR,
  STALE_LABEL,
  type LegendClass,
} from './palettes';

interface MapLegendProps {
  visible: readonly MapLayer[];
  clustered: boolean;
  pollutant: Pollutant | 'all';
  coverageMetric: CoverageMetric;
  band: string;
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

const stale: LegendClass = { value: 'stale', label: STALE_LABEL, colour: STALE_COLOUR };

/** Names every class of every visible layer in words. */
export function MapLegend({ visible, clustered, pollutant, coverageMetric, band, timeMode }: MapLegendProps) {
  if (visible.length === 0) return null;
  const sensorsShown = visible.includes('air') || visible.includes('traffic');
  return (
    <section className="map-legend" aria-label="Map legend">
      {sensorsShown && timeMode === 'forecast' && (
        <p className="map-legend__note">
          <span
            className="map-legend__swatch map-legend__swatch--ring map-legend__swatch--forecast"
            aria-hidden="true"
          />{' '}
          Forecast: sensors show the predicted median, ringed, inside a hatched frame; a sensor&rsquo;s
          details give its p10–p90 range. Sites and coverage stay live.
        </p>
      )}
      {sensorsShown && timeMode === 'past' && (
        <p className="map-legend__note">
          Past: sensors show what they had last reported at that time. Sites and coverage stay live.
        </p>
      )}
      {clustered && (visible.includes('air') || visible.includes('traffic')) && (
        <p className="map-legend__note">
          Numbered circles group nearby sensors: air groups take their worst band, traffic groups show
          congestion when more than a fifth of their sensors are congested. Zoom in or click a group to see
          each sensor.
        </p>
      )}
      {visible.includes('sites') && (
        <LegendGroup
          title="5G sites"
          classes={[
            ...SITE_STATUS_CLASSES,
            { value: 'mmwave', label: 'Yellow ring: also n258 (26 GHz)', colour: '#f0e442' },
          ]}
        />
      )}
      {visible.includes('air') && (
        <LegendGroup
          title={`Air quality, ${pollutant === 'all' ? 'EAQI (worst pollutant)' : `${POLLUTANT_LABELS[pollutant]} band`}`}
          classes={[...EAQI_CLASSES, stale]}
        />
      )}
      {visible.includes('traffic') && (
        <LegendGroup title="Traffic" classes={[...CONGESTION_CLASSES, stale]} />
      )}
      {visible.includes('coverage') && (
        <LegendGroup
          title={`Coverage ${band}, ${coverageMetric === 'rsrp' ? 'signal (SS-RSRP)' : 'expected download'}`}
          classes={coverageMetric === 'rsrp' ? RSRP_CLASS_COLOURS : DL_CLASSES}
          shape="square"
        />
      )}
      {visible.includes('security') && (
        <LegendGroup
          title="Open alerts: ring in the worst severity"
          classes={SEVERITY_CLASSES}
          shape="ring"
        />
      )}
      {visible.includes('qkd') && <LegendGroup title="QKD links" classes={QKD_STATE_CLASSES} shape="line" />}
      {visible.includes('municipalities') && (
        <LegendGroup
          title="Municipalities: area with good 5G signal (dashed outline: periphery)"
          classes={POPULATION_COVERAGE_CLASSES}
          shape="square"
        />
      )}
    </section>
  );
}
