import type { UseQueryResult } from '@tanstack/react-query';
import { Component, memo, useId, type ErrorInfo, type ReactNode } from 'react';
import { panelState } from '../../api/freshness';
import { isApiError } from '../../api/errors';
import { useNow } from '../../hooks/use-now';
import { useT } from '../../i18n/use-t';
import { formatAge, formatTime } from '../../lib/format';
import { describeError } from './error-text';
import { useShownError } from './shown-error';

interface PanelFrameProps {
  title: string;
  /** Freshness line or other status shown beside the title. */
  status?: ReactNode;
  className?: string;
  /**
   * The body's least height in rem, about what its content usually takes: kept from the first
   * paint, so the panels below do not jump when the data arrives or a list shrinks.
   */
  reserve?: number;
  children: ReactNode;
}

export function PanelFrame({ title, status, className, reserve, children }: PanelFrameProps) {
  const headingId = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={headingId}>
      <header className="panel__header">
        <h2 id={headingId} className="panel__title">
          {title}
        </h2>
        {status}
      </header>
      <div className="panel__body" style={reserve ? { minHeight: `${reserve}rem` } : undefined}>
        {children}
      </div>
    </section>
  );
}

/** Query options as far as a panel reads them: how often their data is refreshed. */
interface RefreshingOptions {
  refetchInterval?: number | false | ((query: never) => unknown);
}

/**
 * Data refreshed on a fixed interval is stale after a few of them; data that is not (fetched once,
 * or asked again only until it has loaded) does not age.
 */
const refreshMsOf = (options: RefreshingOptions) =>
  typeof options.refetchInterval === 'number' ? options.refetchInterval : Infinity;

interface QueryPanelProps<T> {
  title: string;
  query: UseQueryResult<T, unknown>;
  /** The options the query was made with: its `refetchInterval` says when its data is stale. */
  options: RefreshingOptions;
  isEmpty?: (data: T) => boolean;
  emptyMessage?: string;
  className?: string;
  /** The body's least height in rem (PanelFrame). */
  reserve?: number;
  children: (data: T) => ReactNode;
}

/**
 * A panel fed by one query. It always says which state its data is in — loading, error, empty,
 * stale with its age, or fresh — so a wall screen never shows old data as if it were new.
 */
export function QueryPanel<T>({
  title,
  query,
  options,
  isEmpty,
  emptyMessage,
  className,
  reserve,
  children,
}: QueryPanelProps<T>) {
  const now = useNow(1000);
  const t = useT();
  const shownError = useShownError(query);
  const shown = shownError && !query.isError ? { ...query, isError: true, error: shownError } : query;
  const state = panelState(
    shown,
    refreshMsOf(options),
    now,
    isEmpty as ((data: never) => boolean) | undefined,
  );
  const updated = query.dataUpdatedAt;
  const error = shown.error;
  const invalid = isApiError(error) && !error.retryable;
  // Stale data is judged as fresh data is: an empty answer that can no longer be refreshed is still empty.
  const emptyData = query.data !== undefined && !!isEmpty?.(query.data);

  const status =
    state === 'stale' ? (
      <p className="panel__status panel__status--stale" role="status">
        <span aria-hidden="true">⚠ </span>
        {t('panel.stale', { time: formatTime(updated), age: formatAge(now - updated) })}
      </p>
    ) : state === 'ready' || state === 'empty' ? (
      <p className="panel__status">{t('panel.updated', { time: formatTime(updated) })}</p>
    ) : null;

  return (
    <PanelFrame title={title} status={status} className={className} reserve={reserve}>
      <PanelBoundary title={title}>
        {state === 'loading' && (
          <p className="panel__message" aria-busy="true">
            {t('panel.loading')}
          </p>
        )}
        {state === 'error' && (
          <div className="panel__message panel__message--error" role="alert">
            <p>{describeError(error, t)}</p>
            <p>{t(invalid ? 'panel.serverDataProblem' : 'panel.retrying')}</p>
            <button type="button" className="button" onClick={() => void query.refetch()}>
              {t('panel.tryAgain')}
            </button>
          </div>
        )}
        {state === 'stale' && query.isError && <p className="panel__note">{describeError(error, t)}</p>}
        {(state === 'empty' || (state === 'stale' && emptyData)) && (
          <p className="panel__message">{emptyMessage ?? t('panel.empty')}</p>
        )}
        {(state === 'ready' || (state === 'stale' && !emptyData)) && query.data !== undefined && (
          <PanelContent data={query.data} render={children as (data: unknown) => ReactNode} />
        )}
      </PanelBoundary>
    </PanelFrame>
  );
}

/**
 * The clock ticks a panel every second for its age label; its content renders only when its data
 * or its parent changes, and inside the panel's error boundary.
 */
const PanelContent = memo(function PanelContent({
  data,
  render,
}: {
  data: unknown;
  render: (data: unknown) => ReactNode;
}) {
  return render(data);
});

interface BoundaryState {
  error: Error | null;
}

/** Keeps a failing component inside its panel: the rest of the screen lives on. */
export class PanelBoundary extends Component<{ title: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`Panel "${this.props.title}" failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <PanelFailed onRetry={() => this.setState({ error: null })} />;
  }
}

function PanelFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div className="panel__message panel__message--error" role="alert">
      <p>{t('panel.failed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('panel.retry')}
      </button>
    </div>
  );
}
