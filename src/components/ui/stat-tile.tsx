import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warning' | 'bad';

interface StatTileProps {
  label: string;
  value: ReactNode;
  /** Set smaller after the value, so the number keeps the tile's width. */
  unit?: string;
  detail?: ReactNode;
  tone?: Tone;
}

/** One headline figure, large enough to read across a control room. */
export function StatTile({ label, value, unit, detail, tone = 'neutral' }: StatTileProps) {
  return (
    <div className={`stat-tile stat-tile--${tone}`}>
      <dt className="stat-tile__label">{label}</dt>
      <dd className="stat-tile__value">
        {value}
        {unit && <span className="stat-tile__unit"> {unit}</span>}
      </dd>
      {detail !== undefined && <dd className="stat-tile__detail">{detail}</dd>}
    </div>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <dl className="stat-grid">{children}</dl>;
}
