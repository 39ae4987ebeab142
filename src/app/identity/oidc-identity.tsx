import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { AuthProvider, hasAuthParams, useAuth } from 'react-oidc-context';
import { ROLES, type Role } from '../../api/access';
import { oidcConfig } from '../../api/config';
import { apiSession } from '../../api/session';
import { IdentityContext, type Identity } from '../../hooks/use-identity';
import { forgetLastKnownStates } from './last-known-state';
import { useT } from '../../i18n/use-t';
import { resetScreenClients, useScreenClients } from './screen-clients';

/** Where the provider sends the browser back: the app's own page, without any view (kept in `state`). */
const appUrl = () => `${window.location.origin}${window.location.pathname}`;

/**
 * Authorization Code with PKCE against the configured provider. Tokens live in memory only: a
 * reload signs in again, silently while the provider's session lasts. Access tokens are renewed
 * before they expire with the refresh token, without a person.
 */
const userManager = new UserManager({
  authority: oidcConfig.authority,
  client_id: oidcConfig.clientId,
  scope: oidcConfig.scope,
  redirect_uri: appUrl(),
  post_logout_redirect_uri: appUrl(),
  response_type: 'code',
  userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
  automaticSilentRenew: true,
});

// The API client asks with the newest access token from the moment it arrives (a sign-in, a renewal),
// before any screen asks for data.
let accessToken: string | null = null;
userManager.events.addUserLoaded((user) => void (accessToken = user.access_token));
userManager.events.addUserUnloaded(() => void (accessToken = null));
apiSession.accessToken = () => accessToken;

/** Back from the provider: drop the code from the address and reopen the view asked for. */
function restoreView(user: User | undefined) {
  const view = typeof user?.state === 'string' && user.state.startsWith('#') ? user.state : '';
  window.history.replaceState(null, '', `${window.location.pathname}${view}`);
}

const signIn = () => userManager.signinRedirect({ state: window.location.hash });

// Every poll refused at once asks for one renewal: a refresh token is used once, then replaced.
let renewal: Promise<unknown> | null = null;
const renewOrSignIn = () => {
  renewal ??= userManager
    .signinSilent()
    .catch(() => signIn())
    .finally(() => (renewal = null));
};

function identityOf(user: User, signOut: () => void): Identity {
  const profile = user.profile;
  const role = typeof profile.territorio_role === 'string' ? profile.territorio_role : null;
  return {
    id: profile.sub,
    name: profile.name ?? profile.preferred_username ?? profile.sub,
    role: (ROLES as readonly (string | null)[]).includes(role) ? (role as Role) : null,
    scopes: new Set(user.scope?.split(' ') ?? []),
    demo: false,
    signOut,
  };
}

/** Signs in on arrival (a wall has no one to press a button) and shows the app once signed in. */
function SignedIn({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const t = useT();
  const clients = useScreenClients();
  const tried = useRef(false);
  const user = auth.user;

  useEffect(() => {
    if (hasAuthParams() || auth.isAuthenticated || auth.activeNavigator || auth.isLoading || tried.current)
      return;
    tried.current = true;
    void signIn();
  }, [auth.isAuthenticated, auth.activeNavigator, auth.isLoading]);

  useEffect(() => {
    // A token the API refuses (revoked, or the provider restarted): renew, or sign in again.
    apiSession.onUnauthorized = renewOrSignIn;
    // A renewal that fails (the refresh token expired): the provider's session may still be there.
    return userManager.events.addSilentRenewError(() => void signIn());
  }, []);

  const identity = useMemo(
    () =>
      user &&
      identityOf(user, () => {
        // Whoever signs out leaves nothing of what they saw on this browser.
        void Promise.all([resetScreenClients(clients), forgetLastKnownStates()]).finally(
          () => void auth.signoutRedirect(),
        );
      }),
    [user, auth, clients],
  );

  if (!identity || !auth.isAuthenticated) {
    return (
      <main className="sign-in" aria-busy={!auth.error}>
        <h1>Territorio</h1>
        {auth.error ? (
          <>
            <p role="alert">{t('identity.signInFailed', { reason: auth.error.message })}</p>
            <button type="button" className="button" onClick={() => void signIn()}>
              {t('identity.signIn')}
            </button>
          </>
        ) : (
          <p role="status">{t('identity.signingIn')}</p>
        )}
      </main>
    );
  }
  return <IdentityContext.Provider value={identity}>{children}</IdentityContext.Provider>;
}

/** The identity of a live build: whoever signed in at the configured OpenID Connect provider. */
export const OidcIdentity = ({ children }: { children: ReactNode }) => (
  <AuthProvider userManager={userManager} onSigninCallback={restoreView}>
    <SignedIn>{children}</SignedIn>
  </AuthProvider>
);
