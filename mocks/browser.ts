import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers/index';
import { createSimulation } from './territory/simulation';
import { applyFaultList, clearFaults, setFault, TERRITORY_STARTED } from './scenarios';

/**
 * Starts the simulated territory in the browser. The page's query string may set the sensor
 * count (`?sensors=10000`), the seed (`?seed=…`) and faults (`?faults=alerts:server-error`).
 */
export async function startSimulatedTerritory() {
  const params = new URLSearchParams(window.location.search);
  const sensorCount = Number(params.get('sensors')) || undefined;
  const seed = params.get('seed') || undefined;
  applyFaultList(params.get('faults'));
  // The service worker registers and activates while the territory is built: the app asks
  // nothing before both are done (apiSession.ready).
  const worker = setupWorker();
  const started = worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  const simulation = createSimulation({ sensorCount, seed });
  worker.resetHandlers(...createHandlers(simulation));
  await started;
  // Scenario switches for end-to-end tests and live demonstrations of failure handling, there
  // once the territory answers (it starts beside the app, which may already be on screen).
  Object.assign(window, {
    territorioScenarios: { setFault, clearFaults, raiseAlert: simulation.raiseAlert },
  });
  window.dispatchEvent(new Event(TERRITORY_STARTED));
}
