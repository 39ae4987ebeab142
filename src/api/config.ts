import { DEFAULT_TIMEOUT_MS } from './schedule';

/** Where the API lives and how long a request may take; set at build time (see README). */
export const apiConfig = {
  baseUrl: import.meta.env.VITE_API_BASE_URL || '/api/v1',
  timeoutMs: Number(import.meta.env.VITE_API_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
};
