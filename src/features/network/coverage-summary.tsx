import { BANDS, type Band, type CoverageResponse } from '../../api/schemas/network';
import { formatNumber, formatPercent } from '../../lib/format';
import { RSRP_CLASSES, RSRP_LABELS, rsrpClass } from '../../lib/signal';

interface CoverageSummaryProps {
  coverage: CoverageResponse;
  band: Band;
  onBandChange: (band: Band) => void;
}

/** Coverage cells by SS-RSRP class, with the expected download speed in each class. */
export function CoverageSummary({ coverage, band, onBandChange }: CoverageSummaryProps) {
  const rows = RSRP_CLASSES.map((cls) => {
    const cells = coverage.cells.filter((c) => rsrpClass(c.ssRsrpDbm) === cls);
    const meanDl = cells.length ? cells.reduce((s, c) => s + c.expectedDlMbps, 0) / cells.length : null;
    return { cls, count: cells.length, share: cells.length / coverage.cells.length, meanDl };
  });
  return (
    <>
      <div className="filters" role="group" aria-label="Band">
        {BANDS.map((b) => (
          <button
            key={b}
            type="button"
            className="button"
            aria-pressed={b === band}
            onClick={() => onBandChange(b)}
          >
            {b === 'n78' ? 'n78 · 3.5 GHz' : 'n258 · 26 GHz'}
          </button>
        ))}
      </div>
      <table className="data-table">
        <caption className="visually-hidden">Coverage cells of band {band} by signal class</caption>
        <thead>
          <tr>
            <th scope="col">Signal (SS-RSRP)</th>
            <th scope="col" className="numeric">
              Cells
            </th>
            <th scope="col" className="numeric">
              Share of area
            </th>
            <th scope="col" className="numeric">
              Mean expected DL
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cls}>
              <th scope="row">{RSRP_LABELS[r.cls]}</th>
              <td className="numeric">{formatNumber(r.count)}</td>
              <td className="numeric">{formatPercent(r.share)}</td>
              <td className="numeric">{r.meanDl === null ? '—' : `${formatNumber(r.meanDl)} Mbit/s`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="panel__note">
        {formatNumber(coverage.cells.length)} hexagons of {formatNumber(coverage.hexRadiusM / 1000, 1)} km
        radius.
      </p>
    </>
  );
}
