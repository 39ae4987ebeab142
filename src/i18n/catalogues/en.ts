import type { Language } from '../catalogue';

export const language: Language = { code: 'en', name: 'English', locale: 'en-GB' };

/**
 * The reference catalogue. Keys are grouped by the part of the screen that shows them; a
 * `{placeholder}` is filled in at run time, and `{ one, other }` picks the form for `{count}`.
 */
export const messages = {
  // Time and ages
  'time.justNow': 'just now',
  'time.ago': '{age} ago',
  'time.dayUnit': 'd',

  // Shell: header, navigation, global status, banners
  'shell.skipToContent': 'Skip to content',
  'shell.loading': 'Loading Territorio…',
  'shell.territoryNotLoaded': 'Territory not loaded',
  'shell.pauseRefresh': 'Pause auto-refresh',
  'shell.resumeRefresh': 'Resume auto-refresh',
  'shell.lightTheme': 'Light theme',
  'shell.darkTheme': 'Dark theme',
  'shell.language': 'Language',
  'shell.views': 'Views',
  'shell.refreshPaused': 'Auto-refresh is paused: data on screen is ageing.',
  'shell.mapPanel': 'Territory map',
  'shell.loadingMap': 'Loading the map…',
  'view.overview': 'Overview',
  'view.network': 'Network',
  'view.environment': 'Environment',
  'view.mobility': 'Mobility',
  'view.security': 'Security',
  'view.kpis': 'KPIs',
  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.degraded': 'Degraded',
  'status.unreachable': 'Backend unreachable',
  'status.failing': { one: '{count} source failing', other: '{count} sources failing' },
  'status.oldestData': 'oldest data {age}',
  'unreachable.title': 'The backend is unreachable.',
  'unreachable.lastData': 'What you see is the last data received.',
  'unreachable.lastDataAged': 'What you see is the last data received, the oldest from {age}.',
  'unreachable.retrying': 'Retrying automatically.',
  'critical.region': 'Critical alerts',
  'critical.announce': 'Critical alert: {alert}.',
  'critical.describe': '{category} · {subCategory}, issued {time}',
  'critical.waiting': {
    one: 'Critical alert not yet acknowledged:',
    other: '{count} critical alerts not yet acknowledged:',
  },
  'critical.newest': '(newest)',
  'critical.openIt': 'Open it',
  'critical.reviewThem': 'Review them',

  // Security view: alerts, triage, QKD links, response times

  // Map: toolbar, legend, timeline, details, search, features in view

  // Views: overview, network, environment, mobility; charts, forecasts, panels, domain labels

  // KPIs

  // Wall mode

  // Presentation mode
} as const;
