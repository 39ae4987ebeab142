import { BANDS, type Band, type CoverageResponse } from '../../api/schemas/network';
import { ToggleGroup } from '../../components/ui/toggle-group';
import { useT } from '../../i18n/use-t';
import { bandName } from '../../lib/bands';
import { formatNumber, formatPercent } from '../../lib/format';
import { COVERED_THRESHOLD, isCovered, RSRP_CLASSES, RSRP_LABELS, rsrpClass } from '../../lib/signal';

interface CoverageSummaryProps {
  coverage: CoverageResponse;
  band: Band;
  onBandChange: (band: Band) => void;
}

/** Coverage cells by SS-RSRP class, with the expected download speed in each class. */
export function CoverageSummary({ coverage, band, onBandChange }: CoverageSummaryProps) {
  const t = useT();
  const rows = RSRP_CLASSES.map((cls) => {
    const cells = coverage.cells.filter((c) => rsrpClass(c.ssRsrpDbm) === cls);
    const meanDl = cells.length ? cells.reduce((s, c) => s + c.expectedDlMbps, 0) / cells.length : null;
    return { cls, count: cells.length, share: cells.length / coverage.cells.length, meanDl };
  });
  const covered = coverage.cells.filter((c) => isCovered(c.ssRsrpDbm)).length / coverage.cells.length;
  return (
    <>
      <ToggleGroup
        label={t('network.band')}
        options={BANDS}
        value={band}
        onChange={onBandChange}
        optionLabel={(b) => bandName(b, t)}
      />
      <table className="data-table">
        <caption className="visually-hidden">
          {t('network.coverageCaption', { band: bandName(band, t) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('network.signal')}</th>
            <th scope="col" className="numeric">
              {t('network.cells')}
            </th>
            <th scope="col" className="numeric">
              {t('network.shareOfArea')}
            </th>
            <th scope="col" className="numeric">
              {t('network.meanExpectedDl')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cls}>
              <th scope="row">{t(RSRP_LABELS[r.cls])}</th>
              <td className="numeric">{formatNumber(r.count)}</td>
              <td className="numeric">{formatPercent(r.share)}</td>
              <td className="numeric">{r.meanDl === null ? '—' : `${formatNumber(r.meanDl)} Mbit/s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel__note">
        {t('network.coveredDefinition', { threshold: COVERED_THRESHOLD, share: formatPercent(covered) })}{' '}
        {t('network.hexagons', {
          cells: formatNumber(coverage.cells.length),
          radius: formatNumber(coverage.hexRadiusM / 1000, 1),
        })}
      </p>
    </>
  );
}
