import { setupServer } from 'msw/node';
import { createHandlers } from './handlers/index';
import type { SimulationOptions } from './territory/simulation';

/** The simulated API for unit and component tests. */
export const createTestServer = (options?: SimulationOptions) => setupServer(...createHandlers(options));
