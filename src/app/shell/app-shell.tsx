import { lazy, Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { territoryQuery } from '../../api/queries/territory';
import { useTheme, useRefreshPaused, useUiStore } from '../../store/ui-store';
import { chooseLanguage, useLanguage } from '../../i18n/language';
import { withAllMessages } from '../../i18n/i18n';
import { viewMap, VIEWS } from '../views';
import { PanelBoundary } from '../../components/ui/panel';
import { CriticalAlerts } from './critical-alerts';
import { GlobalStatus, UnreachableBanner } from './global-status';
import { HeaderClock } from './header-clock';
import { useBackendHealth, useRefetchWhenBackendReturns } from './use-backend-health';
import { keepGlobalParams } from '../../lib/global-params';
import { useUrlSearch } from '../../hooks/url-state';
import { useT } from '../../i18n/use-t';
import { IdentityMenu } from './identity-menu';
import { LanguageSwitcher } from './language-switcher';
import { ShellLoading } from './shell-loading';
import { useViewSettled } from './view-settled';

// MapLibre and the map's code load only once a view shows the map.
// Wall and presentation modes load only on the screens that use them.
const WallMode = lazy(() =>
  withAllMessages(import('../wall/wall-mode')).then((m) => ({ default: m.WallMode })),
);
const PresentationMode = lazy(() =>
  withAllMessages(import('../presentation/presentation-mode')).then((m) => ({ default: m.PresentationMode })),
);
const TerritoryMap = lazy(() =>
  withAllMessages(import('../../components/map/territory-map')).then((m) => ({ default: m.TerritoryMap })),
);

export function AppShell() {
  const territory = useQuery(territoryQuery());
  const health = useBackendHealth();
  useRefetchWhenBackendReturns(health.connection);
  const theme = useTheme();
  const paused = useRefreshPaused();
  const { themeToggled, refreshPauseToggled } = useUiStore.getState();
  const t = useT();
  const search = useUrlSearch();
  const name = territory.data?.name ?? 'Territorio';
  const viewMapConfig = viewMap(useLocation().pathname);
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  // A presentation is told on the map alone, full screen: no header, navigation, view or footer.
  const presenting = mode === 'presentation';
  const showsMap = !!viewMapConfig || presenting;
  const shellClass = [
    'shell',
    (mode === 'wall' || presenting) && `shell--${mode}`,
    presenting && params.has('handout') && 'shell--handout',
  ]
    .filter(Boolean)
    .join(' ');
  // Once shown, the map stays mounted (hidden on views without it): one WebGL context for the page's life.
  // The map's place is kept from the first paint, so nothing moves when it arrives.
  const mapLoading = (
    <p className="shell__map-loading" aria-busy="true">
      {t('shell.loadingMap')}
    </p>
  );
  // On a view, only once its first data is in: the map never holds up the view's first paint.
  const view = useViewSettled();
  const [mapShown, setMapShown] = useState(false);
  if (showsMap && !mapShown && (presenting || view.settled)) setMapShown(true);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  // `?lang=` in a link (a wall screen's, a presenter's) chooses the language, which is then remembered.
  const language = useLanguage();
  const linkLanguage = params.get('lang');
  useEffect(() => {
    if (linkLanguage) chooseLanguage(linkLanguage);
  }, [linkLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  useEffect(() => {
    document.title = territory.data ? `${territory.data.name} · Territorio` : 'Territorio';
  }, [territory.data]);

  return (
    <div className={shellClass}>
      {/* The hash router owns the URL fragment: following "#main" would open the Overview. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('shell.skipToContent')}
      </a>
      {/* A wall is a kiosk: its strip replaces the header and the navigation. */}
      {mode !== 'wall' && !presenting && (
        <>
          <header className="shell__header">
            <div className="brand">
              <span className="brand__product">Territorio</span>
              <span className="brand__territory">
                {territory.isError && !territory.data ? t('shell.territoryNotLoaded') : name}
              </span>
            </div>
            <GlobalStatus health={health} />
            <div className="shell__controls">
              <button type="button" className="button" aria-pressed={paused} onClick={refreshPauseToggled}>
                {t(paused ? 'shell.resumeRefresh' : 'shell.pauseRefresh')}
              </button>
              <button type="button" className="button" onClick={themeToggled}>
                {t(theme === 'dark' ? 'shell.lightTheme' : 'shell.darkTheme')}
              </button>
              <LanguageSwitcher />
              <IdentityMenu />
            </div>
            <HeaderClock />
          </header>
          <nav aria-label={t('shell.views')} className="shell__nav">
            <ul>
              {VIEWS.map((view) => (
                // Keep the time window and mode when moving between views; drop view-specific filters.
                <li key={view.path}>
                  <NavLink to={{ pathname: `/${view.path}`, search: keepGlobalParams(search) }}>
                    {t(view.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        </>
      )}
      <Suspense>{mode === 'wall' && <WallMode territory={name} health={health} />}</Suspense>
      <UnreachableBanner health={health} />
      {/* The audience's screen is not where alerts are worked. */}
      {!presenting && <CriticalAlerts />}
      {paused && (
        <div className="banner banner--warning" role="status">
          {t('shell.refreshPaused')}
        </div>
      )}
      <main id="main" className={`shell__main${showsMap ? ' shell__main--with-map' : ''}`} tabIndex={-1}>
        {(mapShown || showsMap) && (
          <div className="shell__map" hidden={!showsMap}>
            <PanelBoundary title={t('shell.mapPanel')}>
              {mapShown ? (
                <Suspense fallback={mapLoading}>
                  <TerritoryMap
                    defaultLayers={viewMapConfig?.layers ?? []}
                    defaultPollutant={viewMapConfig?.pollutant}
                  />
                </Suspense>
              ) : (
                mapLoading
              )}
            </PanelBoundary>
          </div>
        )}
        {presenting ? (
          <Suspense>
            <PresentationMode />
          </Suspense>
        ) : (
          <div className="shell__view">
            <Suspense fallback={<ShellLoading />}>
              <Outlet />
              {view.viewShownMarker}
            </Suspense>
          </div>
        )}
      </main>
      {territory.data && !presenting && (
        <footer className="shell__footer">{territory.data.dataNotice}</footer>
      )}
    </div>
  );
}
