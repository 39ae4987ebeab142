import type { ReactNode } from 'react';
import type { Device } from '../../api/schemas/health';
import { Badge } from '../../components/ui/badge';
import type { Tone } from '../../components/ui/stat-tile';
import type { MessageKey } from '../../i18n/catalogue';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { formatDuration } from '../../lib/format';
import {
  namesItsFacility,
  type AttentionReason,
  type DeviceAttention,
  type PathProtection,
} from '../../lib/health';

export const REASON: Record<AttentionReason, { tone: Tone; label: MessageKey }> = {
  fault: { tone: 'bad', label: 'deviceState.fault' },
  offline: { tone: 'bad', label: 'deviceState.offline' },
  fallback: { tone: 'warning', label: 'health.fallbackShort' },
  maintenance: { tone: 'neutral', label: 'deviceState.maintenance' },
};

/** How a device's data travels now, in a badge. */
export const PROTECTION: Record<PathProtection, { tone: Tone; label: MessageKey }> = {
  protected: { tone: 'good', label: 'health.path.qkd' },
  fallback: { tone: 'warning', label: 'health.fallbackShort' },
  partial: { tone: 'neutral', label: 'health.path.partial' },
};

/** One device needing attention in a line: why, what and where, and how long it has been silent when offline. */
export function AttentionLine({
  item,
  facilityName,
  name,
}: {
  item: DeviceAttention;
  facilityName: (id: string) => string;
  /** The device's name as shown: plain text on a wall, a control on the desk. */
  name?: ReactNode;
}) {
  const t = useT();
  const now = useNow(5000);
  const { device, reason } = item;
  const facility = facilityName(device.facilityId);
  // How long it has been silent: a length of time, not an age ("silent for 3 h").
  const silentFor = formatDuration((now - Date.parse(device.dateLastValueReported)) / 1000);
  return (
    <>
      <Badge tone={REASON[reason].tone} label={t(REASON[reason].label)} />{' '}
      {reason === 'offline' && <>{t('health.silentFor', { age: silentFor })} · </>}
      {name ?? <strong>{device.name}</strong>}
      {!namesItsFacility(device.name, facility) && <> · {facility}</>}
    </>
  );
}

export const attentionKey = (item: { device: Device }) => item.device.id;
