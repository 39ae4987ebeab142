import type { ReactNode } from 'react';

interface ToggleGroupProps<V extends string | number> {
  /** What the buttons choose: the group's accessible name. */
  label: string;
  options: readonly V[];
  value: V;
  onChange: (value: V) => void;
  optionLabel: (option: V) => string;
  /** Classes besides `filters`. */
  className?: string;
  /** Shown after the buttons in the same row, as an action or a loading note. */
  children?: ReactNode;
}

/** A row of buttons choosing one of a few options, the chosen one pressed. */
export function ToggleGroup<V extends string | number>({
  label,
  options,
  value,
  onChange,
  optionLabel,
  className,
  children,
}: ToggleGroupProps<V>) {
  return (
    <div className={className ? `filters ${className}` : 'filters'} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className="button"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
        >
          {optionLabel(option)}
        </button>
      ))}
      {children}
    </div>
  );
}
