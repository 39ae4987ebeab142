import fc from 'fast-check';
import { deviceSchema, type Device } from '../src/api/schemas/health';
import type { Alert, QkdLink } from '../src/api/schemas/security';
import { alertSchema, qkdLinkSchema } from '../src/api/schemas/security';
import type { Area } from '../src/api/schemas/territory';
import * as arb from '../src/test/arbitraries';
import {
  NODE_GRID_DEG,
  opaqueIds,
  publicAlert,
  publicDevice,
  PUBLIC_FIBRE_NAME,
  publicQkdLink,
  publicSource,
  SOURCE_VOCABULARY,
} from './public-projection';
import { createSimulation } from './territory/simulation';

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

/** The sensitive values that survive in `projected`: each one found inside any of its strings. */
function leaks(projected: unknown, sensitive: readonly string[]): string[] {
  const texts = stringsIn(projected).map((s) => s.toLowerCase());
  return [...new Set(sensitive)].filter((secret) => texts.some((t) => t.includes(secret.toLowerCase())));
}

const opaqueId = opaqueIds(new Uint8Array(32).fill(7));
const NORTH: Area = {
  id: 'area-north',
  name: 'North of Milan',
  centroid: [9.15, 45.55],
  municipalityIds: ['milano', 'sesto-san-giovanni'],
};
const areaOf = (municipalityId: string) =>
  NORTH.municipalityIds.includes(municipalityId) ? NORTH : undefined;

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

describe('publicAlert', async () => {
  const projected = await publicAlert(HANDMADE, areaOf, opaqueId);

  it('lets no sensitive value survive anywhere in the alert', () => {
    expect(leaks(projected, [...HANDMADE_SECRETS, 'alr-77', 'milano', 'fw-edge-01'])).toEqual([]);
    const position = HANDMADE.place!.position!;
    expect(numbersIn(projected).filter((n) => position.includes(n))).toEqual([]);
  });

  it('keeps what the alert is, how grave, in which area and how it was handled', () => {
    expect(projected).toMatchObject({
      category: 'intrusion',
      subCategory: 'port-scan',
      severity: 'high',
      status: 'in_progress',
      dateIssued: HANDMADE.dateIssued,
      assignee: null,
      description: 'Port scan (intrusion) in North of Milan.',
      source: 'IDS',
      place: { kind: 'area', refId: 'area-north', municipalityId: null, position: null },
    });
    expect(projected.id).toMatch(/^alr-[0-9a-f]{12}$/);
    expect(projected.audit).toEqual([
      { at: HANDMADE.audit[0]!.at, actor: null, action: 'created', from: null, to: 'open', note: null },
      {
        at: HANDMADE.audit[3]!.at,
        actor: null,
        action: 'status',
        from: 'open',
        to: 'in_progress',
        note: null,
      },
    ]);
  });

  it('gives each alert its own opaque id, the same every time, and another under another key', async () => {
    const again = await publicAlert(HANDMADE, areaOf, opaqueId);
    const other = await publicAlert({ ...HANDMADE, id: 'alr-78' }, areaOf, opaqueId);
    const otherKey = await publicAlert(HANDMADE, areaOf, opaqueIds(new Uint8Array(32).fill(8)));
    expect(again.id).toBe(projected.id);
    expect(other.id).not.toBe(projected.id);
    expect(otherKey.id).not.toBe(projected.id);
  });

  it('names no place for an alert without one, or outside every area', async () => {
    const placeless = await publicAlert({ ...HANDMADE, place: null }, areaOf, opaqueId);
    expect(placeless.place).toBeNull();
    expect(placeless.description).toBe('Port scan (intrusion).');
    const elsewhere = await publicAlert(
      { ...HANDMADE, place: { ...HANDMADE.place!, municipalityId: 'lodi' } },
      areaOf,
      opaqueId,
    );
    expect(elsewhere.place).toBeNull();
  });

  it('withholds every person, note, machine, place and position of the simulated alerts', async () => {
    const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
    const simAreaOf = (id: string) => sim.world.territory.areas.find((a) => a.municipalityIds.includes(id));
    const links = new Map(sim.qkdLinks().map((l) => [l.id, l]));
    const sites = new Map(sim.world.sites.map((s) => [s.id, s]));
    const municipalities = new Map(sim.world.territory.municipalities.map((m) => [m.id, m.name]));
    const alerts = sim.alerts();
    expect(alerts.some((a) => a.assignee && a.audit.some((e) => e.note))).toBe(true);
    for (const alert of alerts) {
      const secrets = [
        alert.id,
        alert.source,
        ...(alert.assignee ? [alert.assignee] : []),
        ...alert.audit.flatMap((e) => [
          ...(e.actor ? [e.actor] : []),
          ...(e.note ? [e.note] : []),
          ...(e.action === 'assigned' ? [e.from, e.to].filter((v): v is string => !!v) : []),
        ]),
        ...(alert.place ? [alert.place.refId] : []),
        ...(alert.place?.municipalityId ? [municipalities.get(alert.place.municipalityId)!] : []),
        ...(alert.place?.kind === 'site' ? [sites.get(alert.place.refId)!.name] : []),
        ...(alert.place?.kind === 'qkd-link'
          ? [
              links.get(alert.place.refId)!.name,
              ...links.get(alert.place.refId)!.endpoints.map((n) => n.name),
            ]
          : []),
      ].filter((secret) => !SOURCE_VOCABULARY.some((word) => word.toLowerCase() === secret.toLowerCase()));
      const projected = await publicAlert(alert, simAreaOf, opaqueId);
      expect(leaks(projected, secrets), alert.id).toEqual([]);
      const position: readonly number[] = alert.place?.position ?? [];
      expect(
        numbersIn(projected).filter((n) => position.includes(n)),
        alert.id,
      ).toEqual([]);
      expect(projected.place?.kind ?? 'area').toBe('area');
      expect([...SOURCE_VOCABULARY, 'Other']).toContain(projected.source);
    }
  });

  it('tells of a health fallback alert by its kind and area only', async () => {
    const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
    const simAreaOf = (id: string) => sim.world.territory.areas.find((a) => a.municipalityIds.includes(id));
    const fallbacks = sim.alerts().filter((a) => a.subCategory === 'health-data-classical-fallback');
    expect(fallbacks.length).toBeGreaterThan(0);
    for (const alert of fallbacks) {
      const link = sim.qkdLinks().find((l) => l.id === alert.place?.refId)!;
      const projected = await publicAlert(alert, simAreaOf, opaqueId);
      expect(projected.description).toBe(
        `Health data classical fallback (qkd) in ${simAreaOf(alert.place!.municipalityId!)!.name}.`,
      );
      expect(projected.place).toMatchObject({ kind: 'area', position: null });
      expect(projected.source).toBe('QKD');
      expect(leaks(projected, [link.id, link.name, ...link.endpoints.map((n) => n.name)])).toEqual([]);
    }
  });

  it('leaves any valid alert valid, with nobody named, no notes and no position', async () => {
    await fc.assert(
      fc.asyncProperty(arb.alert, async (alert) => {
        const projected = await publicAlert(alert, areaOf, opaqueId);
        expect(alertSchema.safeParse(projected).error?.issues).toBeUndefined();
        expect(projected).toMatchObject({ severity: alert.severity, status: alert.status, assignee: null });
        expect(projected.place?.position ?? null).toBeNull();
        for (const entry of projected.audit) expect(entry).toMatchObject({ actor: null, note: null });
      }),
      { numRuns: 300 },
    );
  });
});

describe('publicSource', () => {
  it('names the kind of system and nothing of the machine', () => {
    expect(publicSource('IDS campus-core')).toBe('IDS');
    expect(publicSource('EDR fleet')).toBe('EDR');
    expect(publicSource('NOC monitor')).toBe('NOC');
    expect(publicSource('QKD key manager')).toBe('QKD');
    expect(publicSource('Site controller')).toBe('Physical security');
    expect(publicSource('SIEM')).toBe('SIEM');
  });

  it('answers "Other" for whatever it does not recognise, addresses and shares included', () => {
    for (const source of [
      'host=10.9.8.7',
      'ip:10.0.0.5',
      '\\\\fileserver\\share',
      'srv-db-02',
      '2001:db8::17',
    ])
      expect(publicSource(source), source).toBe('Other');
    for (const host of HOSTS) expect([...SOURCE_VOCABULARY, 'Other'], host).toContain(publicSource(host));
  });
});

describe('publicQkdLink', async () => {
  const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
  const links = sim.qkdLinks();
  const projected = await Promise.all(links.map((link) => publicQkdLink(link, opaqueId)));

  it('lets no link or node name, id or exact position survive', () => {
    links.forEach((link, i) => {
      const secrets = [link.id, link.name, ...link.endpoints.flatMap((n) => [n.name, n.id])];
      expect(leaks(projected[i], secrets), link.id).toEqual([]);
      const exact = link.endpoints.flatMap((n) => n.location);
      expect(
        numbersIn(projected[i]).filter((n) => exact.includes(n)),
        link.id,
      ).toEqual([]);
    });
  });

  it('snaps node positions to the grid, no further than half a step away', () => {
    links.forEach((link, i) => {
      projected[i]!.endpoints.forEach((node, end) => {
        node.location.forEach((deg, axis) => {
          expect(Math.abs(deg - link.endpoints[end]!.location[axis]!)).toBeLessThanOrEqual(NODE_GRID_DEG / 2);
          expect(Math.abs(deg / NODE_GRID_DEG - Math.round(deg / NODE_GRID_DEG))).toBeLessThan(1e-9);
        });
      });
    });
  });

  it('keeps the health figures, and tells links apart by opaque ids and generic names', () => {
    projected.forEach((p, i) => {
      const link = links[i]!;
      expect({ ...p, id: link.id, name: link.name, endpoints: link.endpoints }).toEqual(link);
      expect(p.name).toMatch(/^Link [0-9A-F]{4}$/);
      expect(qkdLinkSchema.safeParse(p).error?.issues).toBeUndefined();
    });
    expect(new Set(projected.map((p) => p.id)).size).toBe(links.length);
    expect(new Set(projected.map((p) => p.name)).size).toBe(links.length);
  });

  it('handles a hand-made link on the grid boundary', async () => {
    const link: QkdLink = {
      ...links[0]!,
      endpoints: [
        { id: 'n1', name: 'Secret bunker', kind: 'site', location: [9.124999, 45.475001] },
        { id: 'n2', name: 'Vault', kind: 'campus', location: [-0.026, -0.024] },
      ],
    };
    expect((await publicQkdLink(link, opaqueId)).endpoints.map((n) => n.location)).toEqual([
      [9.1, 45.5],
      [-0.05, 0],
    ]);
  });
});

describe('publicDevice', async () => {
  const sim = createSimulation({ now: () => Date.parse('2026-03-11T08:30:00Z') });
  const links = sim.qkdLinks();
  const publicLinks = await Promise.all(links.map((link) => publicQkdLink(link, opaqueId)));
  const devices = sim.healthDevices();
  const projected = await Promise.all(devices.map((device) => publicDevice(device, opaqueId)));
  /** Every name and id of a QKD link or node, and every exact node position. */
  const secrets = links.flatMap((link) => [
    link.id,
    link.name,
    ...link.endpoints.flatMap((n) => [n.id, n.name]),
  ]);
  const nodePositions = links.flatMap((link) => link.endpoints.flatMap((n) => n.location));

  it('lets no QKD link or node name, id or exact position survive anywhere in a device', () => {
    expect(devices.some((d) => d.path.some((hop) => hop.kind === 'qkd-link'))).toBe(true);
    expect(leaks(devices, secrets).length).toBeGreaterThan(0);
    projected.forEach((device, i) => {
      expect(leaks(device, secrets), devices[i]!.id).toEqual([]);
      expect(
        numbersIn(device).filter((n) => nodePositions.includes(n)),
        devices[i]!.id,
      ).toEqual([]);
    });
  });

  it('names each QKD link as the public links do, and the fibre generically', () => {
    const byId = new Map(publicLinks.map((link) => [link.id, link]));
    projected.forEach((device, i) => {
      const [site, fibre, ...qkd] = device.path;
      const original = devices[i]!.path;
      expect(site).toEqual(original[0]);
      expect(fibre).toMatchObject({ kind: 'fibre', refId: null, name: PUBLIC_FIBRE_NAME });
      qkd.forEach((hop, h) => {
        const link = byId.get(hop.refId!);
        expect(link, `${device.id} hop ${h}`).toBeDefined();
        expect(hop.name).toBe(link!.name);
        // It ends at one of the link's snapped nodes.
        expect(link!.endpoints.map((n) => n.location)).toContainEqual(hop.to);
        expect(hop.qkdProtected).toBe((original[h + 2] as { qkdProtected: boolean }).qkdProtected);
      });
    });
  });

  it('keeps the device, its facility, its figures and its 5G site as they are', () => {
    projected.forEach((device, i) => {
      const original = devices[i]!;
      expect({ ...device, path: original.path }).toEqual(original);
      expect(device.path).toHaveLength(original.path.length);
      expect(deviceSchema.safeParse(device).error?.issues).toBeUndefined();
    });
  });

  it('snaps where each link ends to the nodes\u2019 grid', () => {
    projected.forEach((device, i) => {
      device.path.slice(1).forEach((hop, h) => {
        hop.to.forEach((deg, axis) => {
          expect(Math.abs(deg - devices[i]!.path[h + 1]!.to[axis]!)).toBeLessThanOrEqual(NODE_GRID_DEG / 2);
          expect(Math.abs(deg / NODE_GRID_DEG - Math.round(deg / NODE_GRID_DEG))).toBeLessThan(1e-9);
        });
      });
    });
  });

  it('leaves any valid device valid, with no link hop named or identified as it was', async () => {
    await fc.assert(
      fc.asyncProperty(arb.device, async (device: Device) => {
        const out = await publicDevice(device, opaqueId);
        expect(deviceSchema.safeParse(out).error?.issues).toBeUndefined();
        out.path.slice(1).forEach((hop, h) => {
          const before = device.path[h + 1]!;
          expect(hop.name === before.name && hop.name !== PUBLIC_FIBRE_NAME).toBe(false);
          if (hop.refId !== null) expect(hop.refId).toMatch(/^qkd-[0-9a-f]{12}$/);
        });
      }),
      { numRuns: 300 },
    );
  });
});
