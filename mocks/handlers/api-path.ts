/** Matches the API on any origin, so tests, the demo and e2e runs share the same handlers. */
export const apiPath = (path: string) => `*/api/v1${path}`;
