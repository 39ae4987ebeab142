import type { MessageKey } from '../../i18n/catalogue';
import { useT } from '../../i18n/use-t';

/** What a panel's data needs besides its own query. */
export type Dependency = 'sensors' | 'sensorsAndMunicipalities' | 'sensorsAndRoads';

const MESSAGES: Record<Dependency, { loading: MessageKey; failed: MessageKey }> = {
  sensors: { loading: 'panel.loadingSensors', failed: 'panel.failedSensors' },
  sensorsAndMunicipalities: {
    loading: 'panel.loadingSensorsAndMunicipalities',
    failed: 'panel.failedSensorsAndMunicipalities',
  },
  sensorsAndRoads: { loading: 'panel.loadingSensorsAndRoads', failed: 'panel.failedSensorsAndRoads' },
};

/** Said in a panel whose data needs another resource that has not arrived (or failed). */
export function DependencyMessage({ what, failed }: { what: Dependency; failed: boolean }) {
  const t = useT();
  const messages = MESSAGES[what];
  return <p className="panel__message">{t(failed ? messages.failed : messages.loading)}</p>;
}
