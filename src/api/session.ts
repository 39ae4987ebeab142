/**
 * Who the API client asks as and which projection it reads, set by the app's identity (a
 * sign-in, or the offline demo's identity) and by the screen's mode. One session per page.
 */
export type Projection = 'full' | 'public';

interface ApiSession {
  /** The access token to send, or null before sign-in. */
  accessToken: () => string | null;
  /** Public and presentation screens read the public projection, which holds nothing sensitive. */
  projection: Projection;
  /** Called when the API answers 401: the token expired or was revoked. */
  onUnauthorized: () => void;
  /** Settles once the backend can be asked: the demo's simulated territory starts beside the app. */
  ready: Promise<void>;
}

export const apiSession: ApiSession = {
  accessToken: () => null,
  projection: 'full',
  onUnauthorized: () => undefined,
  ready: Promise.resolve(),
};
