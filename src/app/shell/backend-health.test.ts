import type { Query } from '@tanstack/react-query';
import { HttpError, NetworkError } from '../../api/errors';
import { backendHealth, UNREACHABLE_AFTER_SILENCE_MS } from './backend-health';

type State = Partial<Query['state']>;
const query = (state: State, observers = 1) =>
  ({
    getObserversCount: () => observers,
    state: { dataUpdatedAt: 0, errorUpdatedAt: 0, status: 'success', error: null, ...state },
  }) as unknown as Query;

const unreachable = new NetworkError('GET /security/alerts', new TypeError('Failed to fetch'));

describe('backend health', () => {
  it('is connecting until something answers, and connected once everything has', () => {
    expect(backendHealth([query({ status: 'pending' })], 0).connection).toBe('connecting');
    expect(backendHealth([query({ dataUpdatedAt: 1_000 }), query({ dataUpdatedAt: 2_000 })], 3_000)).toEqual({
      connection: 'connected',
      oldestDataAt: 1_000,
      failing: 0,
    });
  });

  it('is unreachable once failures to reach the backend follow a silence of two readings polls', () => {
    // Alerts and readings poll often and fail first; the territory, fetched once, still holds data.
    const queries = [
      query({ dataUpdatedAt: 1_000 }),
      query({ dataUpdatedAt: 50_000, errorUpdatedAt: 58_000, error: unreachable }),
      query({ dataUpdatedAt: 55_000, errorUpdatedAt: 56_000, error: unreachable }),
    ];
    expect(backendHealth(queries, 58_000).connection).toBe('degraded');
    expect(backendHealth(queries, 55_000 + UNREACHABLE_AFTER_SILENCE_MS)).toEqual({
      connection: 'unreachable',
      oldestDataAt: 1_000,
      failing: 2,
    });
    // A screen that never heard from the backend since it started.
    const refused = [query({ status: 'error', errorUpdatedAt: 3_000, error: unreachable })];
    expect(backendHealth(refused, 3_000, 0).connection).toBe('degraded');
    expect(backendHealth(refused, UNREACHABLE_AFTER_SILENCE_MS, 0).connection).toBe('unreachable');
  });

  it('is degraded while endpoints fail to answer and another has answered lately', () => {
    const health = backendHealth(
      [
        query({ dataUpdatedAt: 1_000 }),
        query({ dataUpdatedAt: 9_000 }),
        query({ status: 'error', errorUpdatedAt: 4_000, error: unreachable }),
        query({ dataUpdatedAt: 2_000, errorUpdatedAt: 10_000, error: unreachable }),
      ],
      11_000,
    );
    expect(health.connection).toBe('degraded');
  });

  it('is degraded when something answered after the failure, or the backend answered with an error', () => {
    expect(
      backendHealth(
        [
          query({ dataUpdatedAt: 80_000 }),
          query({ dataUpdatedAt: 55_000, errorUpdatedAt: 70_000, error: unreachable }),
        ],
        200_000,
      ).connection,
    ).toBe('degraded');
    const serverError = new HttpError('GET /kpis', 500);
    expect(
      backendHealth(
        [
          query({ dataUpdatedAt: 1_000, errorUpdatedAt: 70_000, error: unreachable }),
          query({ status: 'error', errorUpdatedAt: 60_000, error: serverError }),
        ],
        200_000,
      ).connection,
    ).toBe('degraded');
  });

  it('leaves out queries nothing on screen uses', () => {
    expect(
      backendHealth([query({ status: 'error', errorUpdatedAt: 9, error: unreachable }, 0)], 100_000)
        .connection,
    ).toBe('connected');
  });
});
