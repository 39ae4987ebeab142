import { useId } from 'react';

interface AssigneeFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** People alerts have been assigned to, offered as suggestions. */
  assignees: readonly string[];
}

/** A name to assign alerts to: free text, with the known assignees suggested. */
export function AssigneeField({ label, value, onChange, assignees }: AssigneeFieldProps) {
  const listId = useId();
  return (
    <>
      <label>
        {label}{' '}
        <input list={listId} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />
      </label>
      <datalist id={listId}>
        {assignees.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
