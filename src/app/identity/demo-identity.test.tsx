import { screen, within } from '@testing-library/react';
import { renderApp, setupSimulatedApi } from '../../test/render-app';
import { demoToken } from '../../../mocks/demo-identity';

const server = setupSimulatedApi();

afterEach(() => server.events.removeAllListeners());

describe('the demo identity', () => {
  it('is labelled as such, and a presenter switches its role to show what the public sees', async () => {
    // Who asked, by the token sent: an operator's poll due as the role changes is not the public's.
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.headers.get('authorization') === `Bearer ${demoToken('public')}`)
        asked.push(new URL(request.url).pathname);
    });
    const { user } = renderApp('/security');
    const alerts = await screen.findByRole('region', { name: 'Alerts' });
    await within(alerts).findAllByRole('checkbox');
    const role = screen.getByRole('combobox', { name: 'Demo identity' });
    expect(role).toHaveDisplayValue('Operator');

    expect(asked).toEqual([]);
    await user.selectOptions(role, 'Public visitor');
    expect(localStorage.getItem('territorio-demo-role')).toBe('public');
    // Read again as the public: the public projection only, and no triage.
    await vi.waitFor(() =>
      expect(asked.some((path) => path === '/api/v1/public/security/alerts')).toBe(true),
    );
    await vi.waitFor(() => expect(within(alerts).queryAllByRole('checkbox')).toHaveLength(0));
    expect(asked.filter((path) => !path.startsWith('/api/v1/public/'))).toEqual([]);
  });
});
