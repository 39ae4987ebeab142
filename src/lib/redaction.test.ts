import { createSimulation } from '../../mocks/territory/simulation';
import type { Alert, QkdLink } from '../api/schemas/security';
import {
  isHostOrAddress,
  isRedactedMode,
  NODE_GRID_DEG,
  REDACTED_ACTOR,
  redactAlert,
  redactQkdLink,
  withholdHosts,
} from './redaction';

/** Every string anywhere in a value, keys excluded. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Every number anywhere in a value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

/** The sensitive values that survive in `redacted`: each one found inside any of its strings. */
function leaks(redacted: unknown, sensitive: readonly string[]): string[] {
  const texts = stringsIn(redacted).map((s) => s.toLowerCase());
  return [...new Set(sensitive)].filter((secret) => texts.some((t) => t.includes(secret.toLowerCase())));
}

const HOSTS = [
  '192.168.10.23',
  '10.12.4.7',
  '10.0.0.5:8443',
  '2001:db8::17',
  'fe80::1ff:fe23:4567:890a',
  'srv-db-02.campus.local',
  'fw-edge-01',
  'ids07',
  'siem.example.org',
  '00:1a:2b:3c:4d:5e',
  'soc@example.org',
  'https://intranet.example.org/case/7',
];

/** An alert as a backend might send it, with something sensitive in every free-text field. */
const HANDMADE: Alert = {
  id: 'alr-77',
  category: 'intrusion',
  subCategory: 'port-scan',
  severity: 'high',
  source: 'IDS sensor fw-edge-01 (10.0.0.5:8443)',
  description:
    'Port scan from 192.168.10.23 against srv-db-02.campus.local [2001:db8::17] and fe80::1ff:fe23:4567:890a, ' +
    'host ids07 (MAC 00:1a:2b:3c:4d:5e) near Via Vivaio 1; mail soc@example.org, see https://intranet.example.org/case/7 or siem.example.org.',
  place: { kind: 'site', refId: 'site-042', municipalityId: 'milano', position: [9.19123, 45.46456] },
  dateIssued: '2026-03-11T08:00:00.000Z',
  status: 'in_progress',
  assignee: 'Giulia Bianchi',
  audit: [
    {
      at: '2026-03-11T08:00:00.000Z',
      actor: 'ids07',
      action: 'created',
      from: null,
      to: 'open',
      note: null,
    },
    {
      at: '2026-03-11T08:03:00.000Z',
      actor: 'Marco Rossi',
      action: 'assigned',
      from: null,
      to: 'Giulia Bianchi',
      note: null,
    },
    {
      at: '2026-03-11T08:04:00.000Z',
      actor: 'Marco Rossi',
      action: 'note',
      from: null,
      to: null,
      note: 'Called Luca Verdi on +39 02 7740 1234',
    },
    {
      at: '2026-03-11T08:05:00.000Z',
      actor: 'Giulia Bianchi',
      action: 'status',
      from: 'open',
      to: 'in_progress',
      note: 'Blocked 10.12.4.7 on fw-edge-01',
    },
  ],
};

const HANDMADE_SECRETS = [
  ...HOSTS,
  'Giulia Bianchi',
  'Marco Rossi',
  'Luca Verdi',
  '+39 02 7740 1234',
  'Blocked',
  'Via Vivaio',
  'site-042',
];

describe('redactAlert', () => {
  const redacted = redactAlert(HANDMADE, 'Milano');

  it('lets no sensitive value survive anywhere in the alert', () => {
    expect(leaks(redacted, HANDMADE_SECRETS)).toEqual([]);
    const position = HANDMADE.place!.position!;
    expect(numbersIn(redacted).filter((n) => position.includes(n))).toEqual([]);
  });

  it('keeps what the alert is, how grave, where roughly and how it was handled', () => {
    expect(redacted).toMatchObject({
      id: 'alr-77',
      category: 'intrusion',
      subCategory: 'port-scan',
      severity: 'high',
      status: 'in_progress',
      dateIssued: HANDMADE.dateIssued,
      assignee: null,
      description: 'Port scan (intrusion) in Milano.',
      source: 'IDS sensor [withheld] ([withheld])',
      place: { kind: 'municipality', refId: 'milano', municipalityId: 'milano', position: null },
    });
    expect(redacted.audit).toEqual([
      {
        at: HANDMADE.audit[0]!.at,
        actor: REDACTED_ACTOR,
        action: 'created',
        from: null,
        to: 'open',
        note: null,
      },
      {
        at: HANDMADE.audit[3]!.at,
        actor: REDACTED_ACTOR,
        action: 'status',
        from: 'open',
        to: 'in_progress',
        note: null,
      },
    ]);
  });

  it('leaves an alert without a place without one, and names no place when not told one', () => {
    const placeless = redactAlert({ ...HANDMADE, place: null });
    expect(placeless.place).toBeNull();
    expect(placeless.description).toBe('Port scan (intrusion).');
  });

  it('does not change the alert it is given', () => {
    const copy = structuredClone(HANDMADE);
    redactAlert(HANDMADE);
    expect(HANDMADE).toEqual(copy);
  });

  it('withholds every person, note, place and position of the simulated alerts', () => {
    const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
    const links = new Map(sim.qkdLinks().map((l) => [l.id, l]));
    const alerts = sim.alerts();
    expect(alerts.some((a) => a.assignee && a.audit.some((e) => e.note))).toBe(true);
    for (const alert of alerts) {
      const secrets = [
        ...(alert.assignee ? [alert.assignee] : []),
        ...alert.audit.flatMap((e) => [
          ...(e.actor !== alert.source ? [e.actor] : []),
          ...(e.note ? [e.note] : []),
          ...(e.action === 'assigned' ? [e.from, e.to].filter((v): v is string => !!v) : []),
        ]),
        ...(alert.place && alert.place.kind !== 'municipality' ? [alert.place.refId] : []),
        ...(alert.place?.kind === 'qkd-link'
          ? [
              links.get(alert.place.refId)!.name,
              ...links.get(alert.place.refId)!.endpoints.map((n) => n.name),
            ]
          : []),
      ];
      const redacted = redactAlert(alert, 'Milano');
      expect(leaks(redacted, secrets), alert.id).toEqual([]);
      const position: readonly number[] = alert.place?.position ?? [];
      expect(
        numbersIn(redacted).filter((n) => position.includes(n)),
        alert.id,
      ).toEqual([]);
      expect(redacted.place?.kind ?? 'municipality').toBe('municipality');
    }
  });
});

describe('withholding hosts and addresses in free text', () => {
  it('recognises host names and addresses', () => {
    for (const host of HOSTS) expect(isHostOrAddress(host), host).toBe(true);
    expect(isHostOrAddress('[2001:db8::1]:443')).toBe(true);
    expect(isHostOrAddress('::1')).toBe(true);
  });

  it('leaves ordinary words, numbers and times alone', () => {
    for (const word of [
      'port-scan',
      'campus-core',
      'QBER',
      '6.5',
      '11 %',
      '08:30:00',
      'e.g',
      '5G',
      'n78',
      'v2.3',
    ])
      expect(isHostOrAddress(word), word).toBe(false);
    expect(withholdHosts('QKD key manager at 08:30: QBER 6.5 %, e.g. link-down.')).toBe(
      'QKD key manager at 08:30: QBER 6.5 %, e.g. link-down.',
    );
  });

  it('keeps the punctuation around what it withholds', () => {
    expect(withholdHosts('from 10.1.2.3, (srv-db-02) and "siem.example.org".')).toBe(
      'from [withheld], ([withheld]) and "[withheld]".',
    );
  });
});

describe('redactQkdLink', () => {
  const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
  const links = sim.qkdLinks();

  it('lets no node name, id or exact position survive', () => {
    for (const link of links) {
      const redacted = redactQkdLink(link);
      const secrets = [link.name, ...link.endpoints.flatMap((n) => [n.name, n.id])];
      expect(leaks(redacted, secrets), link.id).toEqual([]);
      const exact = link.endpoints.flatMap((n) => n.location);
      expect(
        numbersIn(redacted).filter((n) => exact.includes(n)),
        link.id,
      ).toEqual([]);
    }
  });

  it('snaps node positions to the grid, no further than half a step away', () => {
    for (const link of links) {
      redactQkdLink(link).endpoints.forEach((node, i) => {
        node.location.forEach((deg, axis) => {
          expect(Math.abs(deg - link.endpoints[i]!.location[axis]!)).toBeLessThanOrEqual(NODE_GRID_DEG / 2);
          expect(Math.abs(deg / NODE_GRID_DEG - Math.round(deg / NODE_GRID_DEG))).toBeLessThan(1e-9);
        });
      });
    }
  });

  it('keeps the link id and its health, and tells links apart by generic names', () => {
    const redacted = links.map(redactQkdLink);
    redacted.forEach((r, i) => {
      const link = links[i]!;
      expect({ ...r, name: link.name, endpoints: link.endpoints }).toEqual(link);
      expect(r.name).toMatch(/^Link [0-9A-F]{4}$/);
      expect(r.endpoints.map((n) => n.kind)).toEqual(links[i]!.endpoints.map((n) => n.kind));
    });
    expect(new Set(redacted.map((r) => r.name)).size).toBe(links.length);
  });

  it('handles a hand-made link on the grid boundary', () => {
    const link: QkdLink = {
      ...links[0]!,
      endpoints: [
        { id: 'n1', name: 'Secret bunker', kind: 'site', location: [9.124999, 45.475001] },
        { id: 'n2', name: 'Vault', kind: 'campus', location: [-0.026, -0.024] },
      ],
    };
    expect(redactQkdLink(link).endpoints.map((n) => n.location)).toEqual([
      [9.1, 45.5],
      [-0.05, 0],
    ]);
  });
});

describe('isRedactedMode', () => {
  it('is true for the public and presentation modes only', () => {
    expect(isRedactedMode('public')).toBe(true);
    expect(isRedactedMode('presentation')).toBe(true);
    expect(isRedactedMode('operator')).toBe(false);
    expect(isRedactedMode(null)).toBe(false);
    expect(isRedactedMode(undefined)).toBe(false);
  });
});
