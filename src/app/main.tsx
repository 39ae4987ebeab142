import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { HashRouter } from 'react-router';
import { ScreenClientsProvider, type ScreenClients } from './identity/screen-clients';
import { createQueryClient } from './query-client';
import { AppRoutes, preloadView } from './router';
import { apiSession } from '../api/session';
import { DEFAULT_LANGUAGE, loadLanguage } from '../i18n/i18n';
import { chooseLanguage, languageNow } from '../i18n/language';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';

type IdentityComponent = ComponentType<{ children: ReactNode }>;

// Before any chart or map is made: they write to sinks that Trusted Types guard.
installTrustedTypesPolicy();

/** Service workers need a secure context (https or localhost); say so instead of a blank page. */
function sayTerritoryCannotStart(error: unknown) {
  document.getElementById('root')!.textContent =
    `The simulated territory could not start: ${error instanceof Error ? error.message : String(error)}. ` +
    'Serve the demo from localhost or over https.';
}

/** Whether the address carries the provider's answer to a sign-in (`?code=…&state=…`, or `?error=…`). */
function backFromSignIn(search: string) {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

async function start() {
  // Statically false in the live build, so the simulated territory and the demo's identity are
  // left out of it entirely.
  const demo = import.meta.env.VITE_DEMO === 'true';
  // The demo's territory starts beside the app: the shell paints while it builds, and the API
  // client waits for it before its first request.
  const territory = demo ? import('../../mocks/browser').then((m) => m.startSimulatedTerritory()) : null;
  let root: Root | null = null;
  let territoryFailed = false;
  if (territory) {
    apiSession.ready = territory;
    territory.catch((error: unknown) => {
      territoryFailed = true;
      root?.unmount();
      sayTerritoryCannotStart(error);
    });
  }
  // A link's `?lang=` (a wall's, a presenter's) speaks from the first frame.
  const linkLanguage = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('lang');
  if (linkLanguage) chooseLanguage(linkLanguage);
  // A live page that is not back from the provider leaves for its sign-in at once (tokens live in
  // memory only): what it started loading beside would be cut off half-way, so it starts only what
  // it shows before it goes.
  const stays = demo || backFromSignIn(window.location.search);
  // What the first screen needs, asked for at once rather than one after another.
  if (stays) preloadView(window.location.hash);
  // The first screen's English is built in: the rest of it loads beside; another language first.
  const language = linkLanguage ?? languageNow();
  const catalogue = stays || language !== DEFAULT_LANGUAGE ? loadLanguage(language) : null;
  const [Identity] = await Promise.all([
    demo
      ? import('./identity/demo-identity').then((m): IdentityComponent => m.DemoIdentity)
      : import('./identity/oidc-identity').then((m): IdentityComponent => m.OidcIdentity),
    language === DEFAULT_LANGUAGE ? null : catalogue,
  ]);
  if (territoryFailed) return;
  const clients: ScreenClients = { full: createQueryClient(), public: createQueryClient() };
  root = createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <ScreenClientsProvider clients={clients}>
        <Identity>
          {/* Mounted once signed in, so it opens the view the address names after a return from sign-in. */}
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </Identity>
      </ScreenClientsProvider>
    </StrictMode>,
  );
}

void start();
