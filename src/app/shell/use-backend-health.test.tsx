import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TimeoutError } from '../../api/errors';
import type { Connection } from './backend-health';
import { useRefetchWhenBackendReturns } from './use-backend-health';

const answered = vi.hoisted(() => ({ sentAt: 0 }));
vi.mock('../../api/client', () => ({ lastAnsweredRequestSentAt: () => answered.sentAt }));

/** A query on screen that gave up (a hung endpoint) at `failedAt`; its function counts the asks. */
function gaveUp(client: QueryClient, name: string, failedAt: number) {
  const ask = vi.fn(() => new Promise<never>(() => {}));
  client
    .getQueryCache()
    .build(client, { queryKey: [name], queryFn: ask })
    .setState({
      status: 'error',
      fetchStatus: 'idle',
      error: new TimeoutError(`GET /${name}`, 10_000),
      errorUpdatedAt: failedAt,
    });
  new QueryObserver(client, { queryKey: [name], queryFn: ask, retryOnMount: false }).subscribe(() => {});
  return ask;
}

describe('useRefetchWhenBackendReturns', () => {
  it('asks again, once the backend answers, what failed before the answered request was sent, not since', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const duringOutage = gaveUp(client, 'readings', 10_000);
    // Gave up while the answered request was on its way: the backend could be reached meanwhile.
    const onItsOwn = gaveUp(client, 'sites', 20_000);
    answered.sentAt = 15_000;
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    );
    const { rerender } = renderHook(({ connection }) => useRefetchWhenBackendReturns(connection), {
      wrapper,
      initialProps: { connection: 'unreachable' as Connection },
    });
    expect(duringOutage).not.toHaveBeenCalled();
    rerender({ connection: 'degraded' });
    expect(duringOutage).toHaveBeenCalledTimes(1);
    expect(onItsOwn).not.toHaveBeenCalled();
  });
});
