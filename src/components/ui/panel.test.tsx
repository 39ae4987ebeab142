import type { UseQueryResult } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { NetworkError, ValidationError } from '../../api/errors';
import { QueryPanel } from './panel';

interface Items {
  items: { id: string; name: string }[];
}

/** A query result as React Query gives it, in the state a test needs. */
function result(state: Partial<UseQueryResult<Items, unknown>>): UseQueryResult<Items, unknown> {
  return {
    data: undefined,
    error: null,
    isError: false,
    isFetching: false,
    dataUpdatedAt: 0,
    errorUpdatedAt: 0,
    refetch: vi.fn(),
    ...state,
  } as UseQueryResult<Items, unknown>;
}

/** Renders like the overview's QKD panel: it reads the first item, so it needs a non-empty list. */
function Panel({
  query,
  refetchInterval = 10_000,
}: {
  query: UseQueryResult<Items, unknown>;
  refetchInterval?: number;
}) {
  return (
    <QueryPanel
      title="Links"
      query={query}
      options={{ refetchInterval }}
      isEmpty={(d) => d.items.length === 0}
      emptyMessage="No links reported."
    >
      {({ items }) => <p>First: {items[0]!.name}</p>}
    </QueryPanel>
  );
}

const region = () => screen.getByRole('region', { name: 'Links' });
const unreachable = new NetworkError('GET /security/qkd-links', new TypeError('Failed to fetch'));

describe('QueryPanel', () => {
  test('an empty answer that can no longer be refreshed stays empty, marked stale, without a crash', () => {
    const now = Date.now();
    render(
      <Panel
        query={result({
          data: { items: [] },
          dataUpdatedAt: now - 30_000,
          isError: true,
          error: unreachable,
          errorUpdatedAt: now,
        })}
      />,
    );
    expect(within(region()).getByText('No links reported.')).toBeVisible();
    expect(within(region()).getByRole('status')).toHaveTextContent(/Stale: as of .*, 30 s ago/);
    expect(
      within(region()).getByText('The backend could not be reached (GET /security/qkd-links).'),
    ).toBeVisible();
    expect(within(region()).queryByText('This panel failed to display its data.')).toBeNull();
  });

  test('stale data is still shown with its age and why', () => {
    const now = Date.now();
    render(
      <Panel
        query={result({
          data: { items: [{ id: 'l1', name: 'MIND – Bicocca' }] },
          dataUpdatedAt: now - 12_000,
          isError: true,
          error: unreachable,
          errorUpdatedAt: now,
        })}
      />,
    );
    expect(within(region()).getByText('First: MIND – Bicocca')).toBeVisible();
    expect(within(region()).getByRole('status')).toHaveTextContent(/Stale: as of .*, 12 s ago/);
  });

  test('data is stale once older than two of the refresh intervals its query options declare', () => {
    const now = Date.now();
    const answered = result({
      data: { items: [{ id: 'l1', name: 'MIND – Bicocca' }] },
      dataUpdatedAt: now - 25_000,
    });
    const { rerender } = render(<Panel query={answered} refetchInterval={15_000} />);
    expect(within(region()).getByText(/^Updated /)).toBeVisible();
    expect(within(region()).queryByRole('status')).toBeNull();

    rerender(<Panel query={answered} refetchInterval={10_000} />);
    expect(within(region()).getByRole('status')).toHaveTextContent(/Stale: as of .*, 25 s ago/);
    expect(within(region()).getByText('First: MIND – Bicocca')).toBeVisible();
  });

  test('a failed query asked again keeps saying what failed instead of going back to loading', () => {
    const failedAt = Date.now() - 5_000;
    const failed = result({ isError: true, error: unreachable, errorUpdatedAt: failedAt });
    const { rerender } = render(<Panel query={failed} />);
    expect(within(region()).getByRole('alert')).toHaveTextContent('could not be reached');

    // React Query clears the error of a query without data while it is fetched again.
    rerender(<Panel query={result({ isFetching: true, errorUpdatedAt: failedAt })} />);
    expect(within(region()).getByRole('alert')).toHaveTextContent(
      'The backend could not be reached (GET /security/qkd-links).',
    );
    expect(within(region()).queryByText('Loading…')).toBeNull();

    // Another query (a new key, never failed) loads as usual.
    rerender(<Panel query={result({ isFetching: true })} />);
    expect(within(region()).getByText('Loading…')).toBeVisible();
  });

  test('refused data says it is invalid, names the endpoint and blames the server', () => {
    const error = new ValidationError('GET /security/qkd-links', [
      { code: 'custom', message: 'duplicate id "l1"', path: ['items', 1, 'id'], input: 'l1' },
    ]);
    render(<Panel query={result({ isError: true, error, errorUpdatedAt: Date.now() })} />);
    const alert = within(region()).getByRole('alert');
    expect(alert).toHaveTextContent(
      'Invalid data: GET /security/qkd-links sent invalid data at items.1.id: duplicate id "l1". It is not shown.',
    );
    expect(alert).toHaveTextContent('This is a data problem on the server side.');
    expect(within(alert).getByRole('button', { name: 'Try again now' })).toBeVisible();
  });
});
