import { StrictMode, useState, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ScreenClientsProvider, type ScreenClients } from './identity/screen-clients';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { loadLanguage } from '../i18n/i18n';
import { chooseLanguage, languageNow } from '../i18n/language';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';

// Before any chart or map is made: they write to sinks that Trusted Types guard.
installTrustedTypesPolicy();

/** Made once signed in, so that it opens the view the address names after a return from sign-in. */
function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}

async function start() {
  let Identity: ComponentType<{ children: ReactNode }>;
  // Statically false in the live build, so the simulated territory and the demo's identity are
  // left out of it entirely.
  if (import.meta.env.VITE_DEMO === 'true') {
    const { startSimulatedTerritory } = await import('../../mocks/browser');
    try {
      await startSimulatedTerritory();
    } catch (error) {
      // Service workers need a secure context (https or localhost); say so instead of a blank page.
      document.getElementById('root')!.textContent =
        `The simulated territory could not start: ${error instanceof Error ? error.message : String(error)}. ` +
        'Serve the demo from localhost or over https.';
      return;
    }
    Identity = (await import('./identity/demo-identity')).DemoIdentity;
  } else {
    Identity = (await import('./identity/oidc-identity')).OidcIdentity;
  }
  // A link's `?lang=` (a wall's, a presenter's) speaks from the first frame.
  const linkLanguage = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('lang');
  if (linkLanguage) chooseLanguage(linkLanguage);
  await loadLanguage(linkLanguage ?? languageNow());
  const clients: ScreenClients = { full: createQueryClient(), public: createQueryClient() };
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ScreenClientsProvider clients={clients}>
        <Identity>
          <AppRouter />
        </Identity>
      </ScreenClientsProvider>
    </StrictMode>,
  );
}

void start();
