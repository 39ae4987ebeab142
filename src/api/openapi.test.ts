import { storyIn } from '../../mocks/territory/story';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getResponse, HttpHandler } from 'msw';
import { accessGuard, bearerToken, type Authenticate } from '../../mocks/handlers/access';
import { createHandlers } from '../../mocks/handlers/index';
import { AUDIT_TRAIL_LIMIT, FIELD_LIMITS, PUBLIC_API_PREFIX, SCOPES } from './access';
import { dailyAirOutlook } from '../../mocks/territory/air-forecasts';
import { sensorForecasts } from '../../mocks/territory/forecasts';
import { placeTrafficForecast } from '../../mocks/territory/traffic-forecasts';
import { createSimulation } from '../../mocks/territory/simulation';

/** The parts of an OpenAPI 3.1 schema object that these checks read. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  maxLength?: number;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema | false;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
}

interface MediaType {
  schema?: Schema;
}

interface ResponseObject {
  $ref?: string;
  description?: string;
  headers?: Record<string, { required?: boolean; schema?: Schema }>;
  content?: Record<string, MediaType>;
}

/** Alternatives, any one of which is enough: each names schemes and the scopes it needs of them. */
type SecurityRequirements = Record<string, string[]>[];

interface Operation {
  description?: string;
  security?: SecurityRequirements;
  parameters?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, ResponseObject>;
}

interface SecurityScheme {
  type: string;
  openIdConnectUrl?: string;
  flows?: Record<
    string,
    { authorizationUrl?: string; tokenUrl?: string; refreshUrl?: string; scopes: Record<string, string> }
  >;
}

interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  security?: SecurityRequirements;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, SecurityScheme>;
  };
}

const DOC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.json');
const doc = JSON.parse(readFileSync(DOC_PATH, 'utf8')) as OpenApiDocument;

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const SCHEMA_PREFIX = '#/components/schemas/';

/** The full API: every resource as it is, and the one change it takes. */
const FULL_OPERATIONS = [
  'GET /territory',
  'GET /territory/story',
  'GET /network/sites',
  'GET /network/coverage',
  'GET /sensors',
  'GET /readings',
  'GET /sensors/{id}/series',
  'GET /forecasts/traffic',
  'GET /forecasts/traffic/place',
  'GET /forecasts/air',
  'GET /forecasts/sensors',
  'GET /forecasts/air/daily',
  'GET /security/alerts',
  'PATCH /security/alerts/{id}',
  'GET /security/qkd-links',
  'GET /security/qkd-links/{id}/series',
  'GET /security/response-times',
  'GET /kpis',
  'GET /health/facilities',
  'GET /health/devices',
  'GET /health/devices/{id}/series',
];

/** What mocks/handlers/public.ts projects before serving it; the other public reads are served as they are. */
const PROJECTED_PATHS = [
  '/security/alerts',
  '/security/qkd-links',
  '/security/qkd-links/{id}/series',
  '/health/devices',
];

/** The public projection: every read of the full API, under PUBLIC_API_PREFIX. */
const PUBLIC_OPERATIONS = FULL_OPERATIONS.filter((key) => key.startsWith('GET ')).map((key) =>
  key.replace('GET ', `GET ${PUBLIC_API_PREFIX}`),
);

const EXPECTED_OPERATIONS = [...FULL_OPERATIONS, ...PUBLIC_OPERATIONS];

/** The scopes an operation needs, any one of which is enough, as src/api/access.ts tells them. */
function expectedScopes(key: string): string[] {
  const [method, path] = key.split(' ') as [string, string];
  if (path.startsWith(`${PUBLIC_API_PREFIX}/`)) return [SCOPES.public];
  if (method === 'GET') return [SCOPES.read];
  if (method === 'PATCH') return [SCOPES.triage, SCOPES.acknowledge];
  throw new Error(`no scope is known for ${key}`);
}

function operations(): { key: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  );
}

function operation(key: string): Operation {
  const found = operations().find((entry) => entry.key === key);
  if (!found) throw new Error(`the document has no operation ${key}`);
  return found.operation;
}

/** The components schema a `$ref` names, or undefined when it names nothing there. */
function lookUp(ref: string): Schema | undefined {
  if (!ref.startsWith(SCHEMA_PREFIX)) return undefined;
  return doc.components.schemas[ref.slice(SCHEMA_PREFIX.length)];
}

/** What a local `$ref` (`#/…`, a JSON pointer into the document) points at, or undefined. */
function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const token of ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A response, through its `$ref` when it is one. */
function response(key: string, status: string): ResponseObject | undefined {
  const found = operation(key).responses?.[status];
  return found?.$ref === undefined ? found : (resolvePointer(found.$ref) as ResponseObject | undefined);
}

/** The scopes an operation's `security` asks of `scheme`, each alternative one scope. */
function declaredScopes(security: SecurityRequirements, scheme: string): string[] {
  return security.flatMap((requirement) => requirement[scheme] ?? []);
}

function deref(schema: Schema): Schema {
  if (schema.$ref === undefined) return schema;
  const target = lookUp(schema.$ref);
  if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
  return deref(target);
}

/** The schema of an operation's 200 application/json answer. */
function okSchema(key: string): Schema {
  const schema = operation(key).responses?.['200']?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${key} has no 200 application/json schema`);
  return deref(schema);
}

function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((entry) => collectRefs(entry, refs));
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      if (key === '$ref' && typeof entry === 'string') refs.push(entry);
      else collectRefs(entry, refs);
    }
  }
  return refs;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function typeMatches(value: unknown, declared: string | string[]): boolean {
  const types = Array.isArray(declared) ? declared : [declared];
  const actual = typeOf(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

/**
 * Where a payload and a schema disagree on shape: keys the schema does not describe, required
 * keys the payload lacks, types, enums and constants. Ranges are left to the zod schemas' tests.
 */
function shapeIssues(value: unknown, raw: Schema, path: string): string[] {
  const schema = deref(raw);
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    if (value === null && branches.some((branch) => deref(branch).type === 'null')) return [];
    const discriminator = schema.discriminator;
    if (discriminator && value && typeof value === 'object') {
      const tag = (value as Record<string, unknown>)[discriminator.propertyName];
      const ref = discriminator.mapping?.[String(tag)];
      if (!ref) return [`${path}: no variant for ${discriminator.propertyName} ${JSON.stringify(tag)}`];
      return shapeIssues(value, { $ref: ref }, path);
    }
    const results = branches.map((branch) => shapeIssues(value, branch, path));
    return results.some((issues) => issues.length === 0) ? [] : (results[0] ?? []);
  }

  const issues: string[] = [];
  if (schema.type !== undefined && !typeMatches(value, schema.type)) {
    return [`${path}: ${typeOf(value)} where the document says ${JSON.stringify(schema.type)}`];
  }
  if (schema.const !== undefined && value !== schema.const)
    issues.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value))
    issues.push(`${path}: ${JSON.stringify(value)} is not in its enum`);

  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const property = schema.properties[key];
      if (!property) issues.push(`${path}.${key}: not described by the document`);
      else issues.push(...shapeIssues(record[key], property, `${path}.${key}`));
    }
    for (const key of schema.required ?? []) {
      if (!(key in record)) issues.push(`${path}.${key}: required by the document but absent`);
    }
  }

  if (Array.isArray(value)) {
    value.forEach((entry, index) => {
      const item = schema.prefixItems?.[index] ?? schema.items;
      if (item === false) issues.push(`${path}[${index}]: beyond the tuple's length`);
      else if (item) issues.push(...shapeIssues(entry, item, `${path}[${index}]`));
    });
  }
  return issues;
}

/** The schema of one item of a `{ items: [...] }` response. */
function itemSchema(key: string): Schema {
  const items = okSchema(key).properties?.items;
  if (!items) throw new Error(`${key} answers no items list`);
  const item = deref(items).items;
  if (!item) throw new Error(`${key} items have no schema`);
  return deref(item);
}

const NOW = Date.parse('2026-11-25T11:00:00Z');
const sim = createSimulation({ now: () => NOW });

describe('docs/openapi.json', () => {
  it('is OpenAPI 3.1 served under /api/v1', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.map((server) => server.url)).toEqual(['/api/v1']);
  });

  it('describes exactly the API operations', () => {
    expect(
      operations()
        .map((entry) => entry.key)
        .sort(),
    ).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('gives every operation a 200 JSON answer whose schema is a components schema', () => {
    for (const { key, operation: op } of operations()) {
      const ref = op.responses?.['200']?.content?.['application/json']?.schema?.$ref;
      expect(ref, key).toMatch(/^#\/components\/schemas\/\w+$/);
      expect(lookUp(ref!), `${key} → ${ref}`).toBeDefined();
    }
  });

  it('resolves every $ref in the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => resolvePointer(ref) === undefined)).toEqual([]);
  });

  it('describes the operations the reference handlers serve, and only those', () => {
    const served = createHandlers(sim).flatMap((handler) => {
      if (!(handler instanceof HttpHandler)) return [];
      const { method, path } = handler.info;
      if (typeof method !== 'string' || typeof path !== 'string' || method === 'ALL') return [];
      return [`${method} ${path.replace(/^\*\/api\/v1/, '').replace(/:(\w+)/g, '{$1}')}`];
    });
    expect([...new Set(served)].sort()).toEqual([...EXPECTED_OPERATIONS].sort());
  });

  it('documents the PATCH body and the answers that refuse it', () => {
    const patch = operation('PATCH /security/alerts/{id}');
    expect(patch.requestBody?.required).toBe(true);
    expect(patch.requestBody?.content?.['application/json']?.schema?.$ref).toBe(`${SCHEMA_PREFIX}AlertPatch`);
    for (const status of ['400', '404', '409', '413']) {
      expect(patch.responses?.[status]?.content?.['application/json']?.schema?.$ref, status).toBe(
        `${SCHEMA_PREFIX}Error`,
      );
    }
    expect(patch.responses?.['409']?.description).toContain(String(AUDIT_TRAIL_LIMIT));
    expect(okSchema('PATCH /security/alerts/{id}')).toBe(doc.components.schemas.Alert);
  });

  it('takes who acts from the token, not the PATCH body, and holds the body to the field limits', () => {
    const body = doc.components.schemas.AlertPatch!;
    expect(Object.keys(body.properties ?? {}).sort()).toEqual(['assignee', 'note', 'status']);
    expect(body.required ?? []).toEqual([]);
    expect(body.properties?.note?.maxLength).toBe(FIELD_LIMITS.note);
    expect(body.properties?.assignee?.maxLength).toBe(FIELD_LIMITS.name);
  });

  describe('sign-in and scopes', () => {
    const schemes = doc.components.securitySchemes;
    const knownScopes = Object.values(SCOPES).sort();

    it('offers OpenID Connect discovery and the Authorization Code flow with every scope', () => {
      expect(schemes.oidc?.type).toBe('openIdConnect');
      expect(schemes.oidc?.openIdConnectUrl).toMatch(/\/\.well-known\/openid-configuration$/);
      const flow = schemes.oauth2?.flows?.authorizationCode;
      expect(schemes.oauth2?.type).toBe('oauth2');
      expect(flow?.authorizationUrl).toBeTruthy();
      expect(flow?.tokenUrl).toBeTruthy();
      expect(flow?.refreshUrl).toBe(flow?.tokenUrl);
      expect(Object.keys(flow?.scopes ?? {}).sort()).toEqual(knownScopes);
    });

    it('asks for sign-in by default with a scheme it defines', () => {
      expect(doc.security?.length).toBeGreaterThan(0);
      for (const requirement of doc.security ?? [])
        for (const scheme of Object.keys(requirement)) expect(schemes, scheme).toHaveProperty(scheme);
    });

    it('gives every operation a security requirement naming a defined scheme and a known scope', () => {
      for (const { key, operation: op } of operations()) {
        expect(op.security?.length, key).toBeGreaterThan(0);
        for (const requirement of op.security ?? []) {
          // One scheme and one scope each: alternatives are separate requirement objects.
          expect(Object.keys(requirement), key).toHaveLength(1);
          for (const [scheme, scopes] of Object.entries(requirement)) {
            expect(schemes, `${key}: ${scheme}`).toHaveProperty(scheme);
            expect(scopes, `${key}: ${scheme}`).toHaveLength(1);
            for (const scope of scopes) expect(knownScopes, `${key}: ${scope}`).toContain(scope);
          }
        }
      }
    });

    it('names the scope each operation needs, through each scheme: public, read, or triage or acknowledge', () => {
      for (const key of EXPECTED_OPERATIONS) {
        const security = operation(key).security ?? [];
        for (const scheme of Object.keys(schemes))
          expect(declaredScopes(security, scheme).sort(), `${key}: ${scheme}`).toEqual(
            expectedScopes(key).sort(),
          );
      }
    });

    it('says that acknowledge alone permits only an acknowledgement', () => {
      expect(operation('PATCH /security/alerts/{id}').description).toMatch(
        /territorio:acknowledge.*"status": "acknowledged"/,
      );
    });

    it('documents 401 and 403, each with a WWW-Authenticate challenge and an Error body', () => {
      for (const { key, operation: op } of operations()) {
        expect(op.responses?.['401']?.$ref, key).toBe('#/components/responses/Unauthorized');
        expect(op.responses?.['403']?.$ref, key).toBe('#/components/responses/Forbidden');
        for (const status of ['401', '403']) {
          const answer = response(key, status);
          expect(answer?.headers?.['WWW-Authenticate']?.required, `${key} ${status}`).toBe(true);
          expect(answer?.content?.['application/json']?.schema?.$ref, `${key} ${status}`).toBe(
            `${SCHEMA_PREFIX}Error`,
          );
        }
      }
    });

    describe("the reference server's guard", () => {
      /** A token that is just the scopes it holds, comma-separated; `-` holds none. */
      const authenticate: Authenticate = async (request) => {
        const token = bearerToken(request);
        if (!token) return null;
        return { name: 'Tester', scopes: new Set(token === '-' ? [] : token.split(',')) };
      };
      const guard = [accessGuard(authenticate)];
      const ask = (key: string, token?: string) => {
        const [method, path] = key.split(' ') as [string, string];
        const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
        const url = `http://territorio.test/api/v1${path.replaceAll('{id}', 'x')}`;
        return getResponse(guard, new Request(url, { method, headers }));
      };

      it.each(EXPECTED_OPERATIONS)(
        '%s: 401 without a token and 403 without its scope, as documented',
        async (key) => {
          const unauthorized = await ask(key);
          expect(unauthorized?.status).toBe(401);
          expect(unauthorized?.headers.get('WWW-Authenticate')).toBe('Bearer realm="territorio"');
          expect(shapeIssues(await unauthorized?.json(), { $ref: `${SCHEMA_PREFIX}Error` }, '401')).toEqual(
            [],
          );

          const declared = declaredScopes(operation(key).security ?? [], 'oauth2');
          for (const scope of [...Object.values(SCOPES), '-']) {
            const answer = await ask(key, scope);
            if (declared.includes(scope)) {
              expect(answer, `${key} with ${scope}`).toBeUndefined();
              continue;
            }
            expect(answer?.status, `${key} with ${scope}`).toBe(403);
            expect(answer?.headers.get('WWW-Authenticate'), `${key} with ${scope}`).toMatch(
              /^Bearer realm="territorio", error="insufficient_scope", scope="[^"]+"$/,
            );
            expect(shapeIssues(await answer?.json(), { $ref: `${SCHEMA_PREFIX}Error` }, '403')).toEqual([]);
          }
        },
      );
    });
  });

  describe('the public projection', () => {
    it('answers each public read with the schema of the full read', () => {
      for (const key of PUBLIC_OPERATIONS) {
        const full = key.replace(PUBLIC_API_PREFIX, '');
        expect(operation(key).responses?.['200']?.content, key).toEqual(
          operation(full).responses?.['200']?.content,
        );
      }
    });

    it('takes the parameters and gives the answers of the full read where it serves it as it is', () => {
      for (const key of PUBLIC_OPERATIONS) {
        const full = key.replace(PUBLIC_API_PREFIX, '');
        if (PROJECTED_PATHS.some((path) => full === `GET ${path}`)) continue;
        expect(operation(key).parameters, key).toEqual(operation(full).parameters);
        expect(operation(key).responses, key).toEqual(operation(full).responses);
      }
    });
  });

  // Some answers take the simulation seconds to make on a busy 2-core machine.
  describe('matches what the simulated backend sends', { timeout: 20_000 }, () => {
    it('a 5G site: every key is described and every required key is present', () => {
      const site = sim.sites()[0]!;
      const schema = itemSchema('GET /network/sites');
      expect(Object.keys(site).filter((key) => !(key in (schema.properties ?? {})))).toEqual([]);
      expect((schema.required ?? []).filter((key) => !(key in site))).toEqual([]);
    });

    it('a health device: every key of it and of each kind of hop is described, and every required key present', () => {
      const device = sim.healthDevices().find((d) => d.path.some((hop) => hop.kind === 'qkd-link'))!;
      const schema = itemSchema('GET /health/devices');
      expect(Object.keys(device).filter((key) => !(key in (schema.properties ?? {})))).toEqual([]);
      expect((schema.required ?? []).filter((key) => !(key in device))).toEqual([]);
      const path = schema.properties!.path!;
      const hops: [unknown, Schema][] = [
        [device.path[0], deref(path.prefixItems![0]!)],
        ...device.path.slice(1).map((hop): [unknown, Schema] => [hop, deref(path.items as Schema)]),
      ];
      for (const [hop, hopSchema] of hops) {
        const keys = Object.keys(hop as object);
        expect(keys.filter((key) => !(key in (hopSchema.properties ?? {})))).toEqual([]);
        expect((hopSchema.required ?? []).filter((key) => !keys.includes(key))).toEqual([]);
      }
      expect(new Set(device.path.map((hop) => hop.kind))).toEqual(new Set(['site', 'fibre', 'qkd-link']));
    });

    it('a security alert: every key is described and every required key is present', () => {
      const alert = sim.alerts()[0]!;
      const schema = itemSchema('GET /security/alerts');
      expect(Object.keys(alert).filter((key) => !(key in (schema.properties ?? {})))).toEqual([]);
      expect((schema.required ?? []).filter((key) => !(key in alert))).toEqual([]);
    });

    it.each([
      ['GET /territory', () => sim.world.territory],
      ['GET /territory/story', () => storyIn('it')],
      ['GET /network/sites', () => ({ items: sim.sites() })],
      ['GET /sensors', () => ({ items: sim.world.sensors })],
      [
        'GET /readings',
        () => ({ generatedAt: new Date(NOW).toISOString(), since: null, items: sim.readings() }),
      ],
      [
        'GET /forecasts/traffic/place',
        () =>
          placeTrafficForecast(
            sim.world,
            { kind: 'municipality', id: sim.world.sensors.find((s) => s.kind === 'traffic')!.municipalityId },
            NOW,
          ),
      ],
      ['GET /forecasts/sensors', () => sensorForecasts(sim.world, NOW, NOW + 6 * 3_600_000)],
      ['GET /forecasts/air/daily', () => dailyAirOutlook(sim.world, 'pm10', NOW)],
      ['GET /security/alerts', () => ({ items: sim.alerts() })],
      ['GET /security/qkd-links', () => ({ items: sim.qkdLinks() })],
      ['GET /security/qkd-links/{id}/series', () => sim.qkdLinkSeries(sim.qkdLinks()[0]!.id, 24)],
      ['GET /security/response-times', () => sim.responseTimes('week')],
      ['GET /health/facilities', () => ({ items: sim.healthFacilities() })],
      ['GET /health/devices', () => ({ items: sim.healthDevices() })],
      ['GET /health/devices/{id}/series', () => sim.deviceSeries(sim.healthDevices()[0]!.id, 24)],
    ] as const)('%s: the whole answer has the documented shape', (key, payload) => {
      expect(shapeIssues(payload(), okSchema(key), '(root)')).toEqual([]);
    });

    it('PATCH /security/alerts/{id}: the changed alert has the documented shape', () => {
      const alert = sim.alerts()[0]!;
      const updated = sim.patchAlert(alert.id, { assignee: 'soc-team', note: 'looking into it' }, 'operator');
      expect(updated.audit.length).toBeGreaterThan(alert.audit.length);
      expect(shapeIssues(updated, okSchema('PATCH /security/alerts/{id}'), '(root)')).toEqual([]);
    });
  });

  describe('matches what the public projection sends', () => {
    const handlers = createHandlers(sim, {
      authenticate: async () => ({ name: 'Visitor', scopes: new Set([SCOPES.public]) }),
    });
    const read = async (path: string) => {
      const answer = await getResponse(handlers, new Request(`http://territorio.test/api/v1${path}`));
      expect(answer?.status, path).toBe(200);
      return (await answer!.json()) as unknown;
    };

    it('GET /public/security/alerts: places of kind area and audit entries with no actor', async () => {
      const payload = (await read('/public/security/alerts')) as {
        items: { place: { kind: string } | null; audit: { actor: unknown }[] }[];
      };
      expect(shapeIssues(payload, okSchema('GET /public/security/alerts'), '(root)')).toEqual([]);
      expect(payload.items.some((alert) => alert.place?.kind === 'area')).toBe(true);
      expect(payload.items.flatMap((alert) => alert.audit).every((entry) => entry.actor === null)).toBe(true);
    });

    it('GET /public/security/qkd-links and the series of a link by its opaque id', async () => {
      const links = (await read('/public/security/qkd-links')) as { items: { id: string }[] };
      expect(shapeIssues(links, okSchema('GET /public/security/qkd-links'), '(root)')).toEqual([]);
      const id = links.items[0]!.id;
      const series = await read(`/public/security/qkd-links/${encodeURIComponent(id)}/series?hours=2`);
      expect(shapeIssues(series, okSchema('GET /public/security/qkd-links/{id}/series'), '(root)')).toEqual(
        [],
      );
    });

    it('GET /public/health/devices and a device’s series, as public screens read them', async () => {
      const devices = (await read('/public/health/devices')) as { items: { id: string }[] };
      expect(shapeIssues(devices, okSchema('GET /public/health/devices'), '(root)')).toEqual([]);
      expect(devices.items.length).toBeGreaterThan(0);
      const facilities = await read('/public/health/facilities');
      expect(shapeIssues(facilities, okSchema('GET /public/health/facilities'), '(root)')).toEqual([]);
      const series = await read(`/public/health/devices/${devices.items[0]!.id}/series?hours=2`);
      expect(shapeIssues(series, okSchema('GET /public/health/devices/{id}/series'), '(root)')).toEqual([]);
    });
  });

  it('notices drift: an undescribed or missing key is reported', () => {
    const site = sim.sites()[0]!;
    const withoutLatency: Record<string, unknown> = { ...site };
    delete withoutLatency.latencyMs;
    const schema = itemSchema('GET /network/sites');
    expect(shapeIssues({ ...site, rssi: -70 }, schema, 'site')).toEqual([
      'site.rssi: not described by the document',
    ]);
    expect(shapeIssues(withoutLatency, schema, 'site')).toEqual([
      'site.latencyMs: required by the document but absent',
    ]);
  });
});
