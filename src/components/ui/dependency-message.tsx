import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';
import { describeError } from './error-text';

/** What a panel's data needs besides its own query. */
export type Dependency =
  'sensors' | 'sensorsAndMunicipalities' | 'sensorsAndRoads' | 'territoryAndFacilities';

const MESSAGES: Record<Dependency, { loading: MessageKey; failed: MessageKey }> = {
  sensors: { loading: 'panel.loadingSensors', failed: 'panel.failedSensors' },
  sensorsAndMunicipalities: {
    loading: 'panel.loadingSensorsAndMunicipalities',
    failed: 'panel.failedSensorsAndMunicipalities',
  },
  sensorsAndRoads: { loading: 'panel.loadingSensorsAndRoads', failed: 'panel.failedSensorsAndRoads' },
  territoryAndFacilities: {
    loading: 'panel.loadingTerritoryAndFacilities',
    failed: 'panel.failedTerritoryAndFacilities',
  },
};

/**
 * Said in a panel whose data needs another resource that has not arrived (or failed). A failure
 * names what failed: `errors` holds those of the resources still missing (falsy entries are skipped).
 */
export function DependencyMessage({
  what,
  failed,
  errors = [],
}: {
  what: Dependency;
  failed: boolean;
  errors?: readonly unknown[];
}) {
  const t = useT();
  const messages = MESSAGES[what];
  if (!failed) return <p className="panel__message">{t(messages.loading)}</p>;
  const reasons = [...new Set(errors.filter(Boolean).map((e) => describeError(e, t)))];
  return (
    <div className="panel__message panel__message--error" role="alert">
      <p>{t(messages.failed)}</p>
      {reasons.map((reason) => (
        <p key={reason}>{reason}</p>
      ))}
    </div>
  );
}
