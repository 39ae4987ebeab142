import type { MessageKey } from '../i18n/catalogue';
import { t } from '../i18n/i18n';

/**
 * A label map read in the language on screen: `labels[x]` is the message `keys[x]` translated
 * when it is read. For code that indexes a shared map; components translate `keys[x]` with `useT()`.
 */
export function liveLabels<K extends string>(
  keys: Readonly<Record<K, MessageKey>>,
): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[])
    Object.defineProperty(labels, k, { enumerable: true, get: () => t(keys[k]) });
  return labels;
}
