import { screen, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import type { AlertPatch } from '../../api/schemas/security';
import { expectedTerritory, renderApp, setupSimulatedApi } from '../../test/render-app';

const server = setupSimulatedApi();
const alerts = expectedTerritory().alerts();
const open = alerts.filter((a) => a.status === 'open');
const resolved = alerts.filter((a) => a.status === 'resolved');

/** The PATCH bodies the screen sends, in order. */
function recordPatches() {
  const sent: { id: string; body: AlertPatch }[] = [];
  server.events.on('request:start', async ({ request }) => {
    if (request.method !== 'PATCH') return;
    const id = decodeURIComponent(new URL(request.url).pathname.split('/').pop()!);
    sent.push({ id, body: (await request.clone().json()) as AlertPatch });
  });
  return sent;
}

const details = () => screen.findByRole('region', { name: 'Selected alert' });

afterEach(() => server.events.removeAllListeners());

describe('Alert triage', () => {
  it('works an alert from open to closed and back, each step a PATCH in the audit trail', async () => {
    const sent = recordPatches();
    const alert = open[0]!;
    const { user } = renderApp(`/security?alert=${alert.id}`);
    const panel = await details();
    const click = async (name: string) => user.click(await within(panel).findByRole('button', { name }));
    const status = (label: string) => within(panel).findByText(label, { selector: 'dd' });

    await click('Acknowledge');
    expect(await status('Acknowledged')).toBeInTheDocument();
    await click('Start work');
    expect(await status('In progress')).toBeInTheDocument();

    await user.type(within(panel).getByRole('combobox', { name: 'Assign to' }), 'G. Bianchi');
    await click('Assign');
    expect(await within(panel).findByText('G. Bianchi', { selector: 'dd' })).toBeInTheDocument();

    await user.type(within(panel).getByRole('textbox', { name: 'Note' }), 'Blocked the source address range');
    await click('Add note');
    expect(within(panel).getByRole('button', { name: 'Resolve with the note' })).toBeDisabled();
    await user.type(within(panel).getByRole('textbox', { name: 'Note' }), 'Rules updated, scans stopped');
    await click('Resolve with the note');
    expect(await status('Resolved')).toBeInTheDocument();
    await click('Close');
    expect(await status('Closed')).toBeInTheDocument();
    await click('Reopen');
    expect(await status('Open')).toBeInTheDocument();

    expect(sent.map((s) => ({ id: s.id, ...s.body }))).toEqual([
      { id: alert.id, status: 'acknowledged' },
      { id: alert.id, status: 'in_progress' },
      { id: alert.id, assignee: 'G. Bianchi' },
      { id: alert.id, note: 'Blocked the source address range' },
      { id: alert.id, status: 'resolved', note: 'Rules updated, scans stopped' },
      { id: alert.id, status: 'closed' },
      { id: alert.id, status: 'open' },
    ]);
    const audit = within(panel)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // The API records the person signed in (here the demo's operator), not a name the screen sends.
    expect(within(panel).getByText('Acting as')).toHaveTextContent('Acting as Demo operator');
    expect(audit.slice(-7)).toEqual([
      expect.stringMatching(/Demo operator · Status: open → acknowledged$/),
      expect.stringMatching(/Demo operator · Status: acknowledged → in_progress$/),
      expect.stringMatching(/Demo operator · Assigned: — → G. Bianchi$/),
      expect.stringMatching(/Demo operator · Note — Blocked the source address range$/),
      expect.stringMatching(/Demo operator · Status: in_progress → resolved — Rules updated, scans stopped$/),
      expect.stringMatching(/Demo operator · Status: resolved → closed$/),
      expect.stringMatching(/Demo operator · Status: closed → open$/),
    ]);
  });

  it('offers only the moves the status rules allow', async () => {
    renderApp(`/security?alert=${resolved[0]!.id}`);
    const moves = within(await details()).getByRole('group', { name: 'Change status' });
    expect(
      within(moves)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Close', 'Reopen']);
  });

  it('shows a change at once, and undoes it saying why when the backend refuses', async () => {
    const alert = open[1]!;
    server.use(
      http.patch('*/api/v1/security/alerts/:id', async () => {
        await delay(300);
        return HttpResponse.json({ error: 'alert is locked by the incident manager' }, { status: 409 });
      }),
    );
    const { user } = renderApp(`/security?alert=${alert.id}`);
    const panel = await details();
    await user.click(await within(panel).findByRole('button', { name: 'Acknowledge' }));
    expect(within(panel).getByText('Acknowledged', { selector: 'dd' })).toBeInTheDocument();

    const message = await screen.findByRole('alert');
    expect(message).toHaveTextContent(
      `${alert.category} · ${alert.subCategory} (${alert.id}) was not changed: The backend answered with an error: PATCH /security/alerts/${alert.id} answered HTTP 409: alert is locked by the incident manager.`,
    );
    expect(message).toHaveTextContent('It is back as it was.');
    expect(within(panel).getByText('Open', { selector: 'dd' })).toBeInTheDocument();
  });

  it('undoes a change the backend never received', async () => {
    const alert = open[2]!;
    server.use(http.patch('*/api/v1/security/alerts/:id', () => HttpResponse.error()));
    const { user } = renderApp(`/security?alert=${alert.id}`);
    const panel = await details();
    await user.click(await within(panel).findByRole('button', { name: 'Start work' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be reached');
    expect(within(panel).getByText('Open', { selector: 'dd' })).toBeInTheDocument();
  });

  it('acknowledges and assigns a selection in bulk', async () => {
    const sent = recordPatches();
    // Changes to these two were refused or never sent above: both are still open.
    const [first, second] = [open[1]!, open[2]!];
    const { user } = renderApp('/security?status=open');
    const panel = await screen.findByRole('region', { name: 'Alerts' });
    for (const alert of [first, second])
      await user.click(
        await within(panel).findByRole('checkbox', {
          name: `Select ${alert.category} · ${alert.subCategory}, ${alert.id}`,
        }),
      );
    const bulk = within(panel).getByRole('group', { name: 'Selected alerts' });
    expect(bulk).toHaveTextContent('2 selected');
    await user.click(within(bulk).getByRole('button', { name: 'Acknowledge selected' }));
    expect(await within(panel).findByText('Acknowledged 2 alerts.')).toBeInTheDocument();

    await user.type(within(bulk).getByRole('combobox', { name: 'Assign selected to' }), 'L. Colombo');
    await user.click(within(bulk).getByRole('button', { name: 'Assign' }));
    expect(await within(panel).findByText('Assigned to L. Colombo: 2 alerts.')).toBeInTheDocument();

    expect(sent.map((s) => ({ id: s.id, ...s.body }))).toEqual(
      expect.arrayContaining([
        { id: first.id, status: 'acknowledged' },
        { id: second.id, status: 'acknowledged' },
        { id: first.id, assignee: 'L. Colombo' },
        { id: second.id, assignee: 'L. Colombo' },
      ]),
    );
    expect(sent).toHaveLength(4);
  });

  it.each([
    ['a public screen', '/security?mode=public', 'operator'],
    ['a public identity, whatever the address says', '/security', 'public'],
  ] as const)('on %s reads the public projection and offers no triage', async (_, url, role) => {
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => void asked.push(new URL(request.url).pathname));
    renderApp(url, { role });
    const list = await screen.findByRole('region', { name: 'Alerts' });
    await within(list).findAllByRole('row');
    expect(screen.queryByRole('group', { name: 'Selected alerts' })).toBeNull();
    expect(within(list).queryAllByRole('checkbox')).toHaveLength(0);
    expect(asked.filter((path) => path.includes('/security/')).length).toBeGreaterThan(0);
    expect(asked.filter((path) => !path.startsWith('/api/v1/public/'))).toEqual([]);
    const shown = document.body.textContent!;
    for (const alert of alerts) {
      expect(shown).not.toContain(alert.id);
      if (alert.assignee) expect(shown).not.toContain(alert.assignee);
      for (const entry of alert.audit) if (entry.note) expect(shown).not.toContain(entry.note);
    }
  });

  it('lets a manager read every alert in full but not change one', async () => {
    const worked = alerts.find((a) => a.assignee)!;
    renderApp(`/security?alert=${worked.id}`, { role: 'manager' });
    const panel = await details();
    expect(await within(panel).findByText(worked.assignee!, { selector: 'dd' })).toBeInTheDocument();
    expect(within(panel).queryByRole('group', { name: 'Change status' })).toBeNull();
    expect(screen.queryByRole('group', { name: 'Selected alerts' })).toBeNull();
  });
});
