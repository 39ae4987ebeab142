import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useViewSettled } from './view-settled';

afterEach(() => vi.useRealTimers());

/** A view whose one request is answered when the test says, and the map's start beside it. */
function setup({ retry = 0 } = {}) {
  let answer!: (value: string) => void;
  let fail!: (error: Error) => void;
  const client = new QueryClient({ defaultOptions: { queries: { retry, retryDelay: 60_000 } } });
  const fetchView = vi.fn(
    () =>
      new Promise<string>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      }),
  );
  function View() {
    useQuery({ queryKey: ['view'], queryFn: fetchView });
    return null;
  }
  function Shell() {
    const view = useViewSettled();
    return (
      <>
        <View />
        {view.viewShownMarker}
        <p>{view.settled ? 'map starts' : 'map waits'}</p>
      </>
    );
  }
  render(
    <QueryClientProvider client={client}>
      <Shell />
    </QueryClientProvider>,
  );
  return { answer: (v: string) => act(() => answer(v)), fail: (e: Error) => act(() => fail(e)), fetchView };
}

describe("the map's start", () => {
  it("waits for the view's first answer", async () => {
    const view = setup();
    expect(screen.getByText('map waits')).toBeInTheDocument();
    await view.answer('data');
    expect(await screen.findByText('map starts')).toBeInTheDocument();
  });

  it('does not wait for the retries of a request that failed', async () => {
    const view = setup({ retry: 3 });
    await view.fail(new Error('503'));
    expect(await screen.findByText('map starts')).toBeInTheDocument();
    expect(view.fetchView).toHaveBeenCalledTimes(1);
  });

  it('waits no longer than 2.5 s for a request that hangs', async () => {
    vi.useFakeTimers();
    setup();
    await act(() => vi.advanceTimersByTimeAsync(2_400));
    expect(screen.getByText('map waits')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(screen.getByText('map starts')).toBeInTheDocument();
  });
});
