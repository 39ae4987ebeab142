import { createSimulation, type Simulation, type SimulationOptions } from '../territory/simulation';
import { forecastHandlers } from './forecasts';
import { kpiHandlers } from './kpis';
import { networkHandlers } from './network';
import { securityHandlers } from './security';
import { sensorHandlers } from './sensors';
import { territoryHandlers } from './territory';

/** Every API handler, over one simulation shared by all of them. */
export function createHandlers(options: SimulationOptions | Simulation = {}) {
  const sim = 'world' in options ? options : createSimulation(options);
  return [
    ...territoryHandlers(sim),
    ...networkHandlers(sim),
    ...sensorHandlers(sim),
    ...forecastHandlers(sim),
    ...securityHandlers(sim),
    ...kpiHandlers(sim),
  ];
}
