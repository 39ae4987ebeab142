import type { Query } from '@tanstack/react-query';
import { HttpError, NetworkError } from '../../api/errors';
import { backendHealth } from './backend-health';

type State = Partial<Query['state']>;
const query = (state: State, observers = 1) =>
  ({
    getObserversCount: () => observers,
    state: { dataUpdatedAt: 0, errorUpdatedAt: 0, status: 'success', error: null, ...state },
  }) as unknown as Query;

const unreachable = new NetworkError('GET /security/alerts', new TypeError('Failed to fetch'));

describe('backend health', () => {
  it('is connecting until something answers, and connected once everything has', () => {
    expect(backendHealth([query({ status: 'pending' })]).connection).toBe('connecting');
    expect(backendHealth([query({ dataUpdatedAt: 1_000 }), query({ dataUpdatedAt: 2_000 })])).toEqual({
      connection: 'connected',
      oldestDataAt: 1_000,
      failing: 0,
    });
  });

  it('is unreachable once two queries fail to reach the backend and nothing has answered since', () => {
    // Alerts and readings poll often and fail first; the territory, fetched once, still holds data.
    const health = backendHealth([
      query({ dataUpdatedAt: 1_000 }),
      query({ dataUpdatedAt: 50_000, errorUpdatedAt: 72_000, error: unreachable }),
      query({ dataUpdatedAt: 55_000, errorUpdatedAt: 70_000, error: unreachable }),
    ]);
    expect(health).toEqual({ connection: 'unreachable', oldestDataAt: 1_000, failing: 2 });
    expect(
      backendHealth([query({ status: 'error', errorUpdatedAt: 9, error: unreachable })]).connection,
    ).toBe('unreachable');
  });

  it('is degraded while one endpoint alone fails to answer', () => {
    const health = backendHealth([
      query({ dataUpdatedAt: 1_000 }),
      query({ dataUpdatedAt: 50_000 }),
      query({ dataUpdatedAt: 55_000, errorUpdatedAt: 70_000, error: unreachable }),
    ]);
    expect(health.connection).toBe('degraded');
  });

  it('is degraded while endpoints that never answered fail and another answers', () => {
    const health = backendHealth([
      query({ dataUpdatedAt: 1_000 }),
      query({ status: 'error', errorUpdatedAt: 4_000, error: unreachable }),
      query({ status: 'error', errorUpdatedAt: 4_100, error: unreachable }),
    ]);
    expect(health.connection).toBe('degraded');
  });

  it('is degraded when something answered between two failures', () => {
    const health = backendHealth([
      query({ dataUpdatedAt: 71_000 }),
      query({ dataUpdatedAt: 50_000, errorUpdatedAt: 72_000, error: unreachable }),
      query({ dataUpdatedAt: 55_000, errorUpdatedAt: 70_000, error: unreachable }),
    ]);
    expect(health.connection).toBe('degraded');
  });

  it('is degraded when something answered after the failure, or the backend answered with an error', () => {
    expect(
      backendHealth([
        query({ dataUpdatedAt: 80_000 }),
        query({ dataUpdatedAt: 55_000, errorUpdatedAt: 70_000, error: unreachable }),
      ]).connection,
    ).toBe('degraded');
    const serverError = new HttpError('GET /kpis', 500);
    expect(
      backendHealth([
        query({ dataUpdatedAt: 1_000, errorUpdatedAt: 70_000, error: unreachable }),
        query({ status: 'error', errorUpdatedAt: 60_000, error: serverError }),
      ]).connection,
    ).toBe('degraded');
  });

  it('leaves out queries nothing on screen uses', () => {
    expect(
      backendHealth([query({ status: 'error', errorUpdatedAt: 9, error: unreachable }, 0)]).connection,
    ).toBe('connected');
  });
});
