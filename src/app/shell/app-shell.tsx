import { useEffect } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { territoryQuery } from '../../api/queries/territory';
import { useTheme, useRefreshPaused, useUiStore } from '../../store/ui-store';
import { VIEWS } from '../views';
import { GlobalStatus, UnreachableBanner } from './global-status';
import { HeaderClock } from './header-clock';
import { useBackendHealth } from './use-backend-health';

export function AppShell() {
  const territory = useQuery(territoryQuery());
  const health = useBackendHealth();
  const theme = useTheme();
  const paused = useRefreshPaused();
  const { themeToggled, refreshPauseToggled } = useUiStore.getState();
  const { search } = useLocation();
  const name = territory.data?.name ?? 'Territorio';

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    document.title = territory.data ? `${territory.data.name} · Territorio` : 'Territorio';
  }, [territory.data]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <div className="brand">
          <span className="brand__product">Territorio</span>
          <span className="brand__territory">
            {territory.isError && !territory.data ? 'Territory not loaded' : name}
          </span>
        </div>
        <GlobalStatus health={health} />
        <div className="shell__controls">
          <button type="button" className="button" aria-pressed={paused} onClick={refreshPauseToggled}>
            {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
          </button>
          <button type="button" className="button" onClick={themeToggled}>
            {theme === 'dark' ? 'Light theme' : 'Dark theme'}
          </button>
        </div>
        <HeaderClock />
      </header>
      <nav aria-label="Views" className="shell__nav">
        <ul>
          {VIEWS.map((view) => (
            // Keep the time window and mode when moving between views; drop view-specific filters.
            <li key={view.path}>
              <NavLink to={{ pathname: `/${view.path}`, search: keepGlobalParams(search) }}>
                {view.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <UnreachableBanner health={health} />
      {paused && (
        <div className="banner banner--warning" role="status">
          Auto-refresh is paused: data on screen is ageing.
        </div>
      )}
      <main id="main" className="shell__main" tabIndex={-1}>
        <Outlet />
      </main>
      {territory.data && <footer className="shell__footer">{territory.data.dataNotice}</footer>}
    </div>
  );
}

const GLOBAL_PARAMS = ['mode', 'lang'];

function keepGlobalParams(search: string): string {
  const current = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of GLOBAL_PARAMS) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}
