import { ALERT_STATUSES, type Alert } from '../api/schemas/security';
import { AlertPatchRefused, applyAlertPatch, canTransition, transitionNeedsNote } from './alert-status';

const allowed = new Set([
  'open>acknowledged',
  'open>in_progress',
  'open>resolved',
  'acknowledged>in_progress',
  'acknowledged>resolved',
  'in_progress>resolved',
  'resolved>closed',
  'resolved>open',
  'closed>open',
]);

describe('alert status transitions', () => {
  for (const from of ALERT_STATUSES) {
    for (const to of ALERT_STATUSES) {
      const key = `${from}>${to}`;
      it(`${allowed.has(key) ? 'allows' : 'refuses'} ${from} → ${to}`, () => {
        expect(canTransition(from, to)).toBe(allowed.has(key));
      });
    }
  }

  it('asks for a note only when resolving', () => {
    expect(ALERT_STATUSES.filter(transitionNeedsNote)).toEqual(['resolved']);
  });
});

describe('applying a change to an alert', () => {
  const alert: Alert = {
    id: 'alr-1',
    category: 'intrusion',
    subCategory: 'port-scan',
    severity: 'high',
    source: 'IDS',
    description: 'port scan',
    place: null,
    dateIssued: '2026-03-11T08:00:00Z',
    status: 'open',
    assignee: null,
    audit: [
      { at: '2026-03-11T08:00:00Z', actor: 'IDS', action: 'created', from: null, to: 'open', note: null },
    ],
  };
  const at = '2026-03-11T08:05:00Z';

  it('records a status change, an assignment and a note in the trail, in that order', () => {
    const next = applyAlertPatch(
      alert,
      { status: 'acknowledged', assignee: 'G. Bianchi', note: 'on it' },
      'M. Rossi',
      at,
    );
    expect(next).toMatchObject({ status: 'acknowledged', assignee: 'G. Bianchi' });
    expect(next.audit.slice(1)).toEqual([
      { at, actor: 'M. Rossi', action: 'status', from: 'open', to: 'acknowledged', note: 'on it' },
      { at, actor: 'M. Rossi', action: 'assigned', from: null, to: 'G. Bianchi', note: null },
    ]);
    expect(alert.audit).toHaveLength(1);
  });

  it('records a note on its own', () => {
    expect(applyAlertPatch(alert, { note: 'checked the logs' }, 'M. Rossi', at).audit[1]).toEqual({
      at,
      actor: 'M. Rossi',
      action: 'note',
      from: null,
      to: null,
      note: 'checked the logs',
    });
  });

  it('refuses a transition the rules forbid, and resolving without a note', () => {
    expect(() =>
      applyAlertPatch({ ...alert, status: 'closed' }, { status: 'resolved', note: 'n' }, 'x', at),
    ).toThrow(AlertPatchRefused);
    expect(() => applyAlertPatch(alert, { status: 'resolved' }, 'x', at)).toThrow(/note is required/);
  });
});
