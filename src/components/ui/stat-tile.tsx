import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'good' | 'warning' | 'bad';

interface StatTileProps {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  tone?: Tone;
}

/** One headline figure, large enough to read across a control room. */
export function StatTile({ label, value, detail, tone = 'neutral' }: StatTileProps) {
  return (
    <div className={`stat-tile stat-tile--${tone}`}>
      <dt className="stat-tile__label">{label}</dt>
      <dd className="stat-tile__value">{value}</dd>
      {detail !== undefined && <dd className="stat-tile__detail">{detail}</dd>}
    </div>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <dl className="stat-grid">{children}</dl>;
}
