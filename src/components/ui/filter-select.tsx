interface FilterSelectProps<V extends string> {
  label: string;
  /** The option chosen, or none for all. */
  value: V | undefined;
  options: readonly V[];
  optionLabel: (option: V) => string;
  /** The first option's text: no filter. */
  allLabel: string;
  onChange: (value: V | undefined) => void;
}

/** A labelled drop-down narrowing a list to one value, or showing all. */
export function FilterSelect<V extends string>({
  label,
  value,
  options,
  optionLabel,
  allLabel,
  onChange,
}: FilterSelectProps<V>) {
  return (
    <label>
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as V | undefined)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
