import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { alertsQuery, updateAlertsMutation } from '../../api/queries/security';
import type { Alert } from '../../api/schemas/security';
import { useLiveQuery } from '../../hooks/use-live-query';
import { describeError } from '../../components/ui/error-text';
import { useT } from '../../i18n/use-t';
import { formatTime } from '../../lib/format';
import { SCOPES } from '../../api/access';
import { useIdentity } from '../../hooks/use-identity';
import { addPruned, interruptingAlert, waitingCriticalIds } from './critical-interruption';

/** The critical alert interrupting the wall, if any, and what the screen can do with it. */
export function useCriticalInterruption() {
  const alerts = useLiveQuery(alertsQuery());
  const items = alerts.data?.items;
  const [seenAtStart, setSeenAtStart] = useState<ReadonlySet<string> | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  // What waits when the wall starts is already in the banner; only what arrives later interrupts.
  if (items && seenAtStart === null) setSeenAtStart(waitingCriticalIds(items));
  const alert = items && seenAtStart ? interruptingAlert(items, seenAtStart, dismissed) : null;

  const identity = useIdentity();
  const { mutate, error, data } = useMutation(updateAlertsMutation());
  const mayAcknowledge = identity.scopes.has(SCOPES.acknowledge);
  const acknowledge = useCallback(() => {
    if (alert) mutate({ ids: [alert.id], patch: { status: 'acknowledged' }, actor: identity.name });
  }, [alert, mutate, identity.name]);
  const dismiss = useCallback(() => {
    if (alert && items) setDismissed((ids) => addPruned(ids, alert.id, items));
  }, [alert, items]);
  // The change is undone when refused or failed; the dialog then says why.
  const refusal = error ?? data?.failed.find((f) => f.id === alert?.id)?.error;
  return {
    alert,
    acknowledge: mayAcknowledge ? acknowledge : undefined,
    dismiss,
    problem: refusal ? describeError(refusal) : null,
  };
}

interface CriticalInterruptProps {
  alert: Alert;
  problem: string | null;
  /** Absent where the wall may not acknowledge: the dialog then only dismisses. */
  onAcknowledge: (() => void) | undefined;
  onDismiss: () => void;
}

/** Over the playlist until someone acknowledges or dismisses it; Escape dismisses, Tab stays inside. */
export function CriticalInterrupt({ alert, problem, onAcknowledge, onDismiss }: CriticalInterruptProps) {
  const t = useT();
  const acknowledgeButton = useRef<HTMLButtonElement>(null);
  const dismissButton = useRef<HTMLButtonElement>(null);
  useEffect(() => (acknowledgeButton.current ?? dismissButton.current)?.focus(), [alert.id]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
      if (event.key !== 'Tab') return;
      event.preventDefault();
      const other = document.activeElement === acknowledgeButton.current ? dismissButton : acknowledgeButton;
      (other.current ?? dismissButton.current)?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onDismiss]);
  return (
    <div className="wall-interrupt">
      <div
        className="wall-interrupt__dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="wall-interrupt-title"
        aria-describedby="wall-interrupt-body"
      >
        <h2 id="wall-interrupt-title">{t('wall.interrupt.title')}</h2>
        <p id="wall-interrupt-body" className="wall-interrupt__body">
          <strong>
            {alert.category} · {alert.subCategory}
          </strong>
          <br />
          {t('wall.interrupt.issued', {
            time: formatTime(Date.parse(alert.dateIssued)),
            source: alert.source,
          })}
        </p>
        {alert.description && <p>{alert.description}</p>}
        {problem && (
          <p className="wall-interrupt__problem" role="alert">
            {t('wall.interrupt.refused', { reason: problem })}
          </p>
        )}
        <div className="wall-interrupt__actions">
          {onAcknowledge && (
            <button ref={acknowledgeButton} type="button" className="button" onClick={onAcknowledge}>
              {t('wall.interrupt.acknowledge')}
            </button>
          )}
          <button ref={dismissButton} type="button" className="button" onClick={onDismiss}>
            {t('wall.interrupt.dismiss')}
          </button>
        </div>
      </div>
    </div>
  );
}
