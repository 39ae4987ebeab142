import { useScreenMode } from './use-screen-mode';
import { isRedactedMode } from '../lib/redaction';

/**
 * Whether the screen is in a public or presentation mode (`?mode=public`, `?mode=presentation`),
 * where alerts and QKD links are shown with their sensitive details withheld.
 */
export function useRedaction(): boolean {
  return isRedactedMode(useScreenMode());
}
