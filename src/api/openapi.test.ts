import { storyIn } from '../../mocks/territory/story';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dailyAirOutlook } from '../../mocks/territory/air-forecasts';
import { sensorForecasts } from '../../mocks/territory/forecasts';
import { placeTrafficForecast } from '../../mocks/territory/traffic-forecasts';
import { createSimulation } from '../../mocks/territory/simulation';

/** The parts of an OpenAPI 3.1 schema object that these checks read. */
interface Schema {
  $ref?: string;
  type?: string | string[];
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

interface Operation {
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}

interface OpenApiDocument {
  openapi: string;
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const DOC_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/openapi.json');
const doc = JSON.parse(readFileSync(DOC_PATH, 'utf8')) as OpenApiDocument;

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const SCHEMA_PREFIX = '#/components/schemas/';

const EXPECTED_OPERATIONS = [
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
];

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
    expect(refs.filter((ref) => !lookUp(ref))).toEqual([]);
  });

  it('documents the PATCH body and the answers that refuse it', () => {
    const patch = operation('PATCH /security/alerts/{id}');
    expect(patch.requestBody?.required).toBe(true);
    expect(patch.requestBody?.content?.['application/json']?.schema?.$ref).toBe(`${SCHEMA_PREFIX}AlertPatch`);
    for (const status of ['400', '404', '409']) {
      expect(patch.responses?.[status]?.content?.['application/json']?.schema?.$ref, status).toBe(
        `${SCHEMA_PREFIX}Error`,
      );
    }
    expect(okSchema('PATCH /security/alerts/{id}')).toBe(doc.components.schemas.Alert);
  });

  describe('matches what the simulated backend sends', () => {
    it('a 5G site: every key is described and every required key is present', () => {
      const site = sim.sites()[0]!;
      const schema = itemSchema('GET /network/sites');
      expect(Object.keys(site).filter((key) => !(key in (schema.properties ?? {})))).toEqual([]);
      expect((schema.required ?? []).filter((key) => !(key in site))).toEqual([]);
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
