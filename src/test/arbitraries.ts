/**
 * Arbitraries of answers the API schemas accept, built from each schema's shape, for property
 * tests, one module per schema; the tests use them as one namespace (`import * as arb`). Lists are
 * kept short; numbers reach the extremes the schemas allow.
 */
export * from './arbitraries-common';
export * from './arbitraries-territory';
export * from './arbitraries-story';
export * from './arbitraries-network';
export * from './arbitraries-sensors';
export * from './arbitraries-forecasts';
export * from './arbitraries-security';
export * from './arbitraries-kpis';
export * from './arbitraries-health';
