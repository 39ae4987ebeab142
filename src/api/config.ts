import { SCOPES } from './access';
import { DEFAULT_TIMEOUT_MS } from './schedule';

/** Where the API lives and how long a request may take; set at build time (see README). */
export const apiConfig = {
  baseUrl: import.meta.env.VITE_API_BASE_URL || '/api/v1',
  timeoutMs: Number(import.meta.env.VITE_API_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS,
};

/** Scopes the live build asks for; the provider grants those of the person's role. */
const DEFAULT_OIDC_SCOPE = ['openid', 'profile', 'offline_access', ...Object.values(SCOPES)].join(' ');

/**
 * The OpenID Connect provider a live build signs in at (see README, "Security model"): by default
 * the development provider of `npm run serve:sim`, on the app's own origin.
 */
export const oidcConfig = {
  authority: import.meta.env.VITE_OIDC_AUTHORITY || `${globalThis.location?.origin ?? ''}/oidc`,
  clientId: import.meta.env.VITE_OIDC_CLIENT_ID || 'territorio',
  scope: import.meta.env.VITE_OIDC_SCOPE || DEFAULT_OIDC_SCOPE,
};
