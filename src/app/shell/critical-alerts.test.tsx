import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Alert } from '../../api/schemas/security';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

const server = setupSimulatedApi();
const alerts = expectedTerritory().alerts();
const critical: Alert = {
  ...alerts.find((a) => a.status === 'open')!,
  id: 'alr-critical-1',
  severity: 'critical',
  category: 'qkd',
  subCategory: 'eavesdropping-suspected',
  dateIssued: new Date(SIMULATED_NOW - 60_000).toISOString(),
};

function serveAlerts(items: Alert[]) {
  server.use(http.get('*/api/v1/security/alerts', () => HttpResponse.json({ items })));
}

describe('Critical alerts on every view', () => {
  it('shows an unacknowledged critical alert in a banner that opens it, and announces it', async () => {
    serveAlerts([critical, ...alerts]);
    const { user, location } = renderApp('/environment');
    const banner = await screen.findByRole('region', { name: 'Critical alerts' });
    expect(banner).toHaveTextContent('Critical alert not yet acknowledged: qkd · eavesdropping-suspected');
    expect(document.querySelector('[aria-live="assertive"]')).toHaveTextContent(
      'Critical alert: qkd · eavesdropping-suspected',
    );
    await user.click(within(banner).getByRole('link', { name: 'Open it' }));
    expect(
      await screen.findByRole('region', { name: 'Selected alert' }, { timeout: 20_000 }),
    ).toHaveTextContent('qkd · eavesdropping-suspected');
    expect(location().pathname).toBe('/security');
  }, 40_000); // Opening the Security view from another view is slow in jsdom.

  it('counts several and links to them all', async () => {
    const second = { ...critical, id: 'alr-critical-2', dateIssued: new Date(SIMULATED_NOW).toISOString() };
    serveAlerts([critical, second]);
    renderApp('/overview');
    expect(await screen.findByRole('region', { name: 'Critical alerts' })).toHaveTextContent(
      '2 critical alerts not yet acknowledged',
    );
    expect(screen.getByRole('link', { name: 'Review them' })).toHaveAttribute(
      'href',
      '#/security?severity=critical&status=open',
    );
  });

  it('stays away when no critical alert waits', async () => {
    serveAlerts([{ ...critical, status: 'acknowledged' }]);
    renderApp('/overview');
    await screen.findByRole('region', { name: 'Territory map' });
    expect(screen.queryByRole('region', { name: 'Critical alerts' })).toBeNull();
  });
});
