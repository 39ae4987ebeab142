import { HttpError, isApiError, TimeoutError, ValidationError } from '../../api/errors';
import { t as currentT, type Translate } from '../../i18n/i18n';

const duration = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`);

/** A sentence an operator can act on, for any error a panel may meet, in the language on screen. */
export function describeError(error: unknown, t: Translate = currentT): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : t('error.unknown');
  const { endpoint } = error;
  if (error instanceof HttpError)
    return error.reason
      ? t('error.httpReason', { endpoint, status: error.status, reason: error.reason })
      : t('error.http', { endpoint, status: error.status });
  if (error instanceof TimeoutError)
    return t('error.timeout', { endpoint, duration: duration(error.timeoutMs) });
  if (error instanceof ValidationError)
    return t('error.validation', {
      endpoint,
      field: error.fieldPath,
      issue: error.issues[0]?.message ?? t('error.unknownIssue'),
    });
  return error.kind === 'network' ? t('error.network', { endpoint }) : t('error.invalidJson', { endpoint });
}
