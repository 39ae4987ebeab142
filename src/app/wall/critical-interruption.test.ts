import type { Alert } from '../../api/schemas/security';
import { addPruned, interruptingAlert, waitingCriticalIds } from './critical-interruption';

const alert = (id: string, minute: number, patch: Partial<Alert> = {}): Alert => ({
  id,
  category: 'network',
  subCategory: 'intrusion',
  severity: 'critical',
  source: 'IDS',
  description: '',
  place: null,
  dateIssued: new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString(),
  status: 'open',
  assignee: null,
  audit: [],
  ...patch,
});

describe('critical alerts interrupting a wall', () => {
  const old = alert('a-old', 0);
  const fresh = alert('a-new', 5);
  const fresher = alert('a-newer', 7);

  it('interrupts only for critical alerts that arrived after the wall started, newest first', () => {
    const seen = waitingCriticalIds([old]);
    expect(interruptingAlert([old], seen, new Set())).toBeNull();
    expect(interruptingAlert([old, fresh, fresher], seen, new Set())).toBe(fresher);
  });

  it('ignores alerts that are acknowledged, not critical, or dismissed here', () => {
    const seen = new Set<string>();
    expect(interruptingAlert([alert('x', 1, { status: 'acknowledged' })], seen, new Set())).toBeNull();
    expect(interruptingAlert([alert('y', 1, { severity: 'high' })], seen, new Set())).toBeNull();
    expect(interruptingAlert([fresh, fresher], seen, new Set(['a-newer']))).toBe(fresh);
  });

  it('keeps no dismissed id once its alert has left the list', () => {
    const dismissed = addPruned(new Set(['gone']), 'a-new', [fresh, fresher]);
    expect([...dismissed]).toEqual(['a-new']);
  });
});
