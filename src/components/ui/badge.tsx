import type { Tone } from './stat-tile';

/** A status in words with a shape and colour beside it: never colour alone. */
export function Badge({ tone, label }: { tone: Tone; label: string }) {
  const shape = { good: '●', warning: '▲', bad: '■', neutral: '○' }[tone];
  return (
    <span className={`badge badge--${tone}`}>
      <span className="badge__shape" aria-hidden="true">
        {shape}
      </span>
      {label}
    </span>
  );
}
