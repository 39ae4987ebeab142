import type { QkdLink } from '../../api/schemas/security';
import type { MessageKey } from '../../i18n/catalogue';

export const QKD_TONE = { up: 'good', degraded: 'warning', down: 'bad' } as const;
export const QKD_STATE_LABEL: Record<QkdLink['state'], MessageKey> = {
  up: 'qkd.state.up',
  degraded: 'qkd.state.degraded',
  down: 'qkd.state.down',
};
