import type { Site } from '../../api/schemas/network';
import { Badge } from '../../components/ui/badge';
import { PanelFrame } from '../../components/ui/panel';
import { SITE_STATUS_LABEL, SITE_STATUS_TONE } from '../../components/ui/tones';
import { formatDateTime, formatEuro, formatNumber, formatPercent } from '../../lib/format';

interface SiteDetailsProps {
  site: Site | undefined;
  municipalityName: (id: string) => string;
  onClose: () => void;
}

export function SiteDetails({ site, municipalityName, onClose }: SiteDetailsProps) {
  return (
    <PanelFrame
      title={site ? site.name : 'Selected site'}
      status={
        <button type="button" className="button" onClick={onClose}>
          Close details
        </button>
      }
    >
      {!site ? (
        <p className="panel__message">The selected site is not in the current data.</p>
      ) : (
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <Badge tone={SITE_STATUS_TONE[site.status]} label={SITE_STATUS_LABEL[site.status]} />
          </dd>
          <dt>Municipality</dt>
          <dd>{municipalityName(site.municipalityId)}</dd>
          <dt>Operator</dt>
          <dd>{site.operator}</dd>
          <dt>Bands</dt>
          <dd>{site.bands.map((b) => (b === 'n78' ? 'n78 (3.5 GHz)' : 'n258 (26 GHz)')).join(', ')}</dd>
          <dt>Throughput</dt>
          <dd>
            {formatNumber(site.throughputDlMbps)} Mbit/s down, {formatNumber(site.throughputUlMbps)} Mbit/s up
          </dd>
          <dt>Latency</dt>
          <dd>{formatNumber(site.latencyMs, 1)} ms</dd>
          <dt>Load</dt>
          <dd>{formatPercent(site.load)}</dd>
          <dt>Connected devices</dt>
          <dd>{formatNumber(site.connectedDevices)}</dd>
          <dt>Lease revenue</dt>
          <dd>{formatEuro(site.leaseRevenueEurPerYear)} per year</dd>
          <dt>Last report</dt>
          <dd>{formatDateTime(Date.parse(site.dateLastValueReported))}</dd>
          <dt>Position</dt>
          <dd>
            {site.location[1].toFixed(4)}° N, {site.location[0].toFixed(4)}° E
          </dd>
        </dl>
      )}
    </PanelFrame>
  );
}
