// @vitest-environment node
import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet } from 'jose';
import { API_PATHS } from '../../src/api/paths';
import type { Alert } from '../../src/api/schemas/security';
import { SOURCE_VOCABULARY } from '../public-projection';
import { startSimServer, type SimServer } from '../sim-server';
import { bearerAuthenticator } from './bearer';
import { DEV_ACCOUNTS } from './dev-accounts';
import { API_AUDIENCE } from './dev-provider';
import { refresh, signInAs, type Tokens } from './sign-in-flow';

const NOON = Date.parse('2026-11-25T11:00:00Z');

/** The reference server with its development provider, and the same with a wall that may acknowledge. */
let sim: SimServer;
let acknowledgingWall: SimServer;
const tokens: Record<string, Tokens> = {};

beforeAll(async () => {
  const simulation = { sensorCount: 200, now: () => NOON };
  [sim, acknowledgingWall] = await Promise.all([
    startSimServer({ port: 0, simulation }),
    startSimServer({ port: 0, simulation, wallAcknowledges: true }),
  ]);
  for (const [id, account] of Object.entries(DEV_ACCOUNTS))
    tokens[id] = await signInAs(sim.origin, id, account.password);
}, 60_000);

afterAll(async () => {
  await sim?.close();
  await acknowledgingWall?.close();
});

const call = (path: string, token: string | null, init: RequestInit = {}, server = sim) =>
  fetch(`${server.origin}/api/v1${path}`, {
    ...init,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      Origin: server.origin,
    },
  });

const patch = (id: string, body: object, token: string, server = sim) =>
  call(`/security/alerts/${id}`, token, { method: 'PATCH', body: JSON.stringify(body) }, server);

const GET_PATHS = Object.values(API_PATHS).map((path) =>
  path.replace(
    '{id}',
    path.startsWith('/sensors') ? 'air-00001' : path.startsWith('/health') ? 'hd-001' : 'qkd-x',
  ),
);

/** The operator's token on a server. */
const operatorOn = async (server: SimServer) =>
  server === sim
    ? tokens.operator!.access_token
    : (await signInAs(server.origin, 'operator', DEV_ACCOUNTS.operator!.password)).access_token;

async function alertsOn(server = sim): Promise<Alert[]> {
  const response = await call('/security/alerts', await operatorOn(server), {}, server);
  return ((await response.json()) as { items: Alert[] }).items;
}

const taken = new Set<string>();
/** An alert no other test has changed: open, unless any will do. */
async function freshAlert(server = sim, open = true): Promise<Alert> {
  const alert = (await alertsOn(server)).find((a) => (!open || a.status === 'open') && !taken.has(a.id))!;
  taken.add(alert.id);
  return alert;
}

describe('sign-in at the development provider', () => {
  it('grants each account the scopes of its role, and no more', () => {
    expect(tokens.operator!.scope.split(' ').sort()).toEqual([
      'territorio:acknowledge',
      'territorio:public',
      'territorio:read',
      'territorio:triage',
    ]);
    expect(tokens.manager!.scope.split(' ').sort()).toEqual(['territorio:public', 'territorio:read']);
    expect(tokens.wall!.scope.split(' ').sort()).toEqual(['territorio:public', 'territorio:read']);
    expect(tokens.public!.scope).toBe('territorio:public');
  });

  it('refuses a wrong password', async () => {
    await expect(signInAs(sim.origin, 'operator', 'manager-territorio')).rejects.toThrow(
      /did not return a code/,
    );
  });

  it('renews an access token with the refresh token, without a person', async () => {
    const renewed = await refresh(sim.origin, tokens.wall!.refresh_token!);
    expect(renewed.access_token).not.toBe(tokens.wall!.access_token);
    expect((await call('/security/alerts', renewed.access_token)).status).toBe(200);
  });
});

describe('what each role may read', () => {
  it('answers 401 with a challenge to a request without a valid token, on every endpoint', async () => {
    for (const path of [...GET_PATHS, ...GET_PATHS.map((p) => `/public${p}`)]) {
      for (const token of [null, 'not-a-token', tokens.operator!.id_token]) {
        const response = await call(path, token);
        expect(response.status, `${path} with ${token?.slice(0, 12)}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      }
    }
  });

  it('lets the operator, the manager and the wall read everything', async () => {
    for (const role of ['operator', 'manager', 'wall'])
      for (const path of ['/territory', '/security/alerts', '/security/qkd-links', '/kpis'])
        expect((await call(path, tokens[role]!.access_token)).status, `${role} ${path}`).toBe(200);
  });

  it('gives a public credential 403 from every endpoint but the public projection', async () => {
    const token = tokens.public!.access_token;
    for (const path of GET_PATHS) {
      const response = await call(path, token);
      expect(response.status, path).toBe(403);
      expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
    }
    for (const path of [
      '/territory',
      '/security/alerts',
      '/security/qkd-links',
      '/kpis',
      '/network/sites',
      '/health/facilities',
      '/health/devices',
      '/health/devices/hd-001/series',
    ])
      expect((await call(`/public${path}`, token)).status, path).toBe(200);
  });

  it('sends the public no assignee, note, actor, host, node name or exact place', async () => {
    const full = (await (await call('/security/alerts', tokens.operator!.access_token)).json()) as {
      items: Alert[];
    };
    const links = (await (await call('/security/qkd-links', tokens.operator!.access_token)).json()) as {
      items: { id: string; name: string; endpoints: { id: string; name: string }[] }[];
    };
    const wire = [
      await (await call('/public/security/alerts', tokens.public!.access_token)).text(),
      await (await call('/public/security/qkd-links', tokens.public!.access_token)).text(),
    ].join('\n');
    const secrets = new Set<string>();
    for (const alert of full.items) {
      secrets.add(alert.id).add(alert.source);
      if (alert.assignee) secrets.add(alert.assignee);
      if (alert.place) secrets.add(alert.place.refId);
      for (const entry of alert.audit) {
        if (entry.actor) secrets.add(entry.actor);
        if (entry.note) secrets.add(entry.note);
      }
    }
    for (const link of links.items) {
      secrets.add(link.id).add(link.name);
      for (const node of link.endpoints) secrets.add(node.id).add(node.name);
    }
    // A source that is itself a word of the public vocabulary ("SIEM") gives nothing away.
    const leaked = [...secrets].filter((secret) => wire.includes(secret));
    expect(leaked.filter((secret) => !(SOURCE_VOCABULARY as readonly string[]).includes(secret))).toEqual([]);
  });

  it('sends the public health devices with no QKD link or node named or identified', async () => {
    const links = (await (await call('/security/qkd-links', tokens.operator!.access_token)).json()) as {
      items: { id: string; name: string; endpoints: { id: string; name: string }[] }[];
    };
    const full = await (await call('/health/devices', tokens.operator!.access_token)).text();
    const wire = await (await call('/public/health/devices', tokens.public!.access_token)).text();
    const secrets = links.items.flatMap((link) => [
      link.id,
      link.name,
      ...link.endpoints.flatMap((node) => [node.id, node.name]),
    ]);
    expect(secrets.filter((secret) => full.includes(secret)).length).toBeGreaterThan(0);
    expect(secrets.filter((secret) => wire.includes(secret))).toEqual([]);
  });

  it("serves a public link's history under its opaque id only", async () => {
    const token = tokens.public!.access_token;
    const { items } = (await (await call('/public/security/qkd-links', token)).json()) as {
      items: { id: string }[];
    };
    const series = await call(`/public/security/qkd-links/${items[0]!.id}/series?hours=2`, token);
    expect(series.status).toBe(200);
    expect(((await series.json()) as { linkId: string }).linkId).toBe(items[0]!.id);
    expect((await call('/public/security/qkd-links/qkd-isimbardi-caldera/series', token)).status).toBe(404);
  });
});

describe('what each role may do', () => {
  it('records the signed-in person as the actor, whatever the body says', async () => {
    const alert = await freshAlert();
    const response = await patch(
      alert.id,
      { actor: 'Mallory', status: 'acknowledged' },
      tokens.operator!.access_token,
    );
    expect(response.status).toBe(200);
    const changed = (await response.json()) as Alert;
    expect(changed.audit.at(-1)).toMatchObject({ actor: 'Giulia Bianchi', to: 'acknowledged' });
    expect(JSON.stringify(changed)).not.toContain('Mallory');
  });

  it('refuses triage to the manager, the wall and the public, and leaves the alert as it was', async () => {
    const alert = await freshAlert();
    for (const role of ['manager', 'wall', 'public']) {
      for (const body of [{ status: 'acknowledged' }, { assignee: 'M. Rossi' }, { note: 'seen' }]) {
        const response = await patch(alert.id, body, tokens[role]!.access_token);
        expect(response.status, `${role} ${JSON.stringify(body)}`).toBe(403);
      }
    }
    expect((await alertsOn().then((items) => items.find((a) => a.id === alert.id)!)).status).toBe('open');
  });

  it('lets a wall acknowledge, and only acknowledge, where so configured', async () => {
    const wall = await signInAs(acknowledgingWall.origin, 'wall', DEV_ACCOUNTS.wall!.password);
    expect(wall.scope).toContain('territorio:acknowledge');
    const alert = await freshAlert(acknowledgingWall);
    const token = wall.access_token;
    expect((await patch(alert.id, { status: 'in_progress' }, token, acknowledgingWall)).status).toBe(403);
    expect(
      (await patch(alert.id, { status: 'acknowledged', note: 'x' }, token, acknowledgingWall)).status,
    ).toBe(403);
    const acknowledged = await patch(alert.id, { status: 'acknowledged' }, token, acknowledgingWall);
    expect(acknowledged.status).toBe(200);
    expect(((await acknowledged.json()) as Alert).audit.at(-1)?.actor).toBe('Control-room wall');
  });

  it('refuses a note over 2,000 characters and an assignee over 100 with 413', async () => {
    const alert = await freshAlert(sim, false);
    const token = tokens.operator!.access_token;
    expect((await patch(alert.id, { note: 'n'.repeat(2001) }, token)).status).toBe(413);
    expect((await patch(alert.id, { assignee: 'a'.repeat(101) }, token)).status).toBe(413);
    expect((await patch(alert.id, { note: 'n'.repeat(2000) }, token)).status).toBe(200);
  });

  it('caps the audit trail of an alert', async () => {
    const alert = await freshAlert(sim, false);
    const token = tokens.operator!.access_token;
    let status = 200;
    let notes = 0;
    for (; notes < 120 && status === 200; notes++)
      status = (await patch(alert.id, { note: `round ${notes}` }, token)).status;
    expect(status).toBe(409);
    expect((await alertsOn().then((items) => items.find((a) => a.id === alert.id)!)).audit.length).toBe(100);
  });
});

describe('bearer tokens', async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), alg: 'ES256', kid: 'k' }] });
  const authenticate = bearerAuthenticator({ issuer: 'https://idp.example', audience: API_AUDIENCE, keys });
  const token = (claims: object, expiresIn = '5m', issuer = 'https://idp.example', audience = API_AUDIENCE) =>
    new SignJWT({ scope: 'territorio:read', name: 'A. Verdi', ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject('averdi')
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  const who = async (jwt: string) =>
    authenticate(new Request('http://x', { headers: { Authorization: `Bearer ${jwt}` } }));

  it('admits a token of the provider for the API, named and scoped', async () => {
    expect(await who(await token({}))).toEqual({ name: 'A. Verdi', scopes: new Set(['territorio:read']) });
    expect((await who(await token({ name: undefined, preferred_username: 'averdi' })))?.name).toBe('averdi');
  });

  it('refuses an expired token, another issuer, another audience and a forged signature', async () => {
    const past = Math.floor(Date.now() / 1000) - 120;
    expect(await who(await token({}, past as unknown as string))).toBeNull();
    expect(await who(await token({}, '5m', 'https://evil.example'))).toBeNull();
    expect(await who(await token({}, '5m', 'https://idp.example', 'territorio'))).toBeNull();
    const forged = (await token({})).replace(/\.[^.]+$/, '.AAAA');
    expect(await who(forged)).toBeNull();
  });
});
