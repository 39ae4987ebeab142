import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';

interface AssignFieldProps {
  label: string;
  /** People alerts have been assigned to, offered as suggestions. */
  assignees: readonly string[];
  /** Nothing can be assigned now: a change is being saved, or there is no alert to assign. */
  disabled: boolean;
  /** The name already assigned, which assigning again would not change. */
  assigned?: string | null;
  onAssign: (assignee: string) => void;
}

/**
 * A name to assign one alert or a selection to, free text with the known assignees suggested, and
 * the button that assigns it; the field empties once the change is asked for.
 */
export function AssignField({ label, assignees, disabled, assigned, onAssign }: AssignFieldProps) {
  const [name, setName] = useState('');
  const listId = useId();
  const t = useT();
  const assignee = name.trim();
  return (
    <>
      <label>
        {label}{' '}
        <input list={listId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
      </label>
      <datalist id={listId}>
        {assignees.map((known) => (
          <option key={known} value={known} />
        ))}
      </datalist>
      <button
        type="button"
        className="button"
        disabled={disabled || assignee === '' || assignee === assigned}
        onClick={() => {
          onAssign(assignee);
          setName('');
        }}
      >
        {t('alerts.assign')}
      </button>
    </>
  );
}
