import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { loadLanguage } from '../i18n/i18n';
import { chooseLanguage, languageNow } from '../i18n/language';
import { installTrustedTypesPolicy } from './trusted-types';
import './styles.css';

// Before any chart or map is made: they write to sinks that Trusted Types guard.
installTrustedTypesPolicy();

async function start() {
  // Statically false in the live build, so the simulated territory is left out of it entirely.
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
  }
  // A link's `?lang=` (a wall's, a presenter's) speaks from the first frame.
  const linkLanguage = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('lang');
  if (linkLanguage) chooseLanguage(linkLanguage);
  await loadLanguage(linkLanguage ?? languageNow());
  const queryClient = createQueryClient();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={createAppRouter()} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
