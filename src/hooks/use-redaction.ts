import { useProjection } from './use-identity';

/**
 * Whether the screen shows the public projection (a public or presentation screen, or a public
 * identity): the API then withholds names, notes, machines and exact places, and the screen
 * offers no triage.
 */
export function useRedaction(): boolean {
  return useProjection() === 'public';
}
