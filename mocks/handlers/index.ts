import { createSimulation, type Simulation, type SimulationOptions } from '../territory/simulation';
import { demoAuthenticate } from '../demo-identity';
import { opaqueIds } from '../public-projection';
import { accessGuard, type Authenticate } from './access';
import { forecastHandlers } from './forecasts';
import { healthHandlers } from './health';
import { kpiHandlers } from './kpis';
import { networkHandlers } from './network';
import { publicHandlers } from './public';
import { securityHandlers } from './security';
import { sensorHandlers } from './sensors';
import { territoryHandlers } from './territory';

export interface HandlerOptions {
  /** Who a request comes from: the demo's identity unless a server verifies real tokens. */
  authenticate?: Authenticate;
  /** The key public ids are made under: random unless it must survive a restart. */
  publicIdKey?: Uint8Array<ArrayBuffer>;
}

/**
 * Every API handler over one simulation shared by all of them, behind the access guard: the full
 * API for those allowed to read it, the public projection for public screens.
 */
export function createHandlers(
  options: SimulationOptions | Simulation = {},
  {
    authenticate = demoAuthenticate,
    publicIdKey = crypto.getRandomValues(new Uint8Array(32)),
  }: HandlerOptions = {},
) {
  const sim = 'world' in options ? options : createSimulation(options);
  const full = [
    ...territoryHandlers(sim),
    ...networkHandlers(sim),
    ...sensorHandlers(sim),
    ...forecastHandlers(sim),
    ...securityHandlers(sim, authenticate),
    ...kpiHandlers(sim),
    ...healthHandlers(sim),
  ];
  return [accessGuard(authenticate), ...publicHandlers(sim, full, opaqueIds(publicIdKey)), ...full];
}
