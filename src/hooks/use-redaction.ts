import { useSearchParams } from 'react-router';
import { isRedactedMode } from '../lib/redaction';

/**
 * Whether the screen is in a public or presentation mode (`?mode=public`, `?mode=presentation`),
 * where alerts and QKD links are shown with their sensitive details withheld.
 */
export function useRedaction(): boolean {
  const [params] = useSearchParams();
  return isRedactedMode(params.get('mode'));
}
