import { ALERT_STATUSES } from '../api/schemas/security';
import { canTransition, transitionNeedsNote } from './alert-status';

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
