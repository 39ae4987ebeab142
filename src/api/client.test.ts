// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod/mini';
import { apiRequest, lastAnsweredRequestSentAt } from './client';
import { apiConfig } from './config';
import {
  ApiError,
  HttpError,
  InvalidJsonError,
  isApiError,
  NetworkError,
  TimeoutError,
  ValidationError,
} from './errors';
import { MAX_RETRIES, retryDelay, shouldRetry } from './retry';
import { sitesResponseSchema, type Site } from './schemas/network';

const BASE = 'http://api.test/api/v1';
const SITES = `${BASE}/network/sites`;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const site: Site = {
  id: 'site-01',
  name: 'Milano 1 5G',
  municipalityId: 'milano',
  location: [9.234829, 45.464],
  operator: 'WindTre',
  bands: ['n78', 'n258'],
  status: 'online',
  throughputDlMbps: 1007.3,
  throughputUlMbps: 151.1,
  latencyMs: 14.4,
  load: 0.525,
  connectedDevices: 1102,
  leaseRevenueEurPerYear: 37139,
  dateLastValueReported: '2026-11-25T11:00:00.000Z',
};

/** Serves `resolver` for GET /network/sites and requests it; resolves to what the client threw. */
async function failureOf(
  resolver: Parameters<typeof http.get>[1],
  options: Parameters<typeof apiRequest>[2] = {},
): Promise<unknown> {
  server.use(http.get(SITES, resolver));
  return apiRequest('/network/sites', sitesResponseSchema, { baseUrl: BASE, ...options }).then(
    (data) => expect.unreachable(`expected a failure, got ${JSON.stringify(data)}`),
    (error: unknown) => error,
  );
}

describe('apiRequest turns each failure into its own typed error', () => {
  it('a network error becomes a retryable NetworkError naming the endpoint', async () => {
    const error = await failureOf(() => HttpResponse.error());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      kind: 'network',
      retryable: true,
      endpoint: 'GET /network/sites',
      message: 'GET /network/sites could not be reached',
    });
    expect((error as NetworkError).cause).toBeDefined();
  });

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
  ])('HTTP %i becomes an HttpError with that status (retryable: %s)', async (status, retryable) => {
    const error = await failureOf(() => HttpResponse.json({ error: 'nope' }, { status }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      kind: 'http',
      status,
      retryable,
      endpoint: 'GET /network/sites',
      reason: 'nope',
      message: `GET /network/sites answered HTTP ${status}: nope`,
    });
  });

  it('an error answer without a readable reason gives the status alone', async () => {
    const error = await failureOf(() => new HttpResponse('<html>Bad gateway</html>', { status: 502 }));
    expect(error).toMatchObject({
      status: 502,
      reason: undefined,
      message: 'GET /network/sites answered HTTP 502',
    });
  });

  it('a server that hangs past the timeout becomes a TimeoutError', async () => {
    const error = await failureOf(
      async () => {
        await delay('infinite');
        return HttpResponse.json({ items: [] });
      },
      { timeoutMs: 50 },
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({
      kind: 'timeout',
      retryable: true,
      timeoutMs: 50,
      endpoint: 'GET /network/sites',
    });
    expect((error as Error).message).toMatch(/^GET \/network\/sites did not answer within /);
  });

  it('states the timeout in seconds', () => {
    expect(new TimeoutError('GET /network/sites', 10_000).message).toBe(
      'GET /network/sites did not answer within 10 s',
    );
  });

  it('a body that is not JSON becomes an InvalidJsonError carrying the parse error', async () => {
    const error = await failureOf(
      () => new HttpResponse('{"items": [ {"id": ', { headers: { 'Content-Type': 'application/json' } }),
    );
    expect(error).toBeInstanceOf(InvalidJsonError);
    expect(error).toMatchObject({
      kind: 'invalid-json',
      retryable: false,
      message: 'GET /network/sites sent a response that is not valid JSON',
    });
    expect((error as InvalidJsonError).cause).toBeInstanceOf(SyntaxError);
  });

  it('an empty body is not valid JSON either', async () => {
    expect(await failureOf(() => new HttpResponse(null, { status: 200 }))).toBeInstanceOf(InvalidJsonError);
  });

  it.each([
    ['an out-of-range latitude', { items: [{ ...site, location: [9.23, 91] }] }, 'items.0.location.1'],
    ['a null position', { items: [site, { ...site, id: 'site-02', location: null }] }, 'items.1.location'],
    ['a missing field', { items: [{ ...site, status: undefined }] }, 'items.0.status'],
    ['an unknown status', { items: [{ ...site, status: 'on-fire' }] }, 'items.0.status'],
    ['a duplicate id', { items: [site, { ...site }] }, 'items.1.id'],
    ['a list where an object belongs', [site], '(root)'],
  ])('a payload with %s becomes a ValidationError naming the field', async (_label, payload, fieldPath) => {
    const error = await failureOf(() => HttpResponse.json(payload));
    expect(error).toBeInstanceOf(ValidationError);
    const validation = error as ValidationError;
    expect(validation).toMatchObject({
      kind: 'validation',
      retryable: false,
      endpoint: 'GET /network/sites',
    });
    expect(validation.fieldPath).toBe(fieldPath);
    expect(validation.message).toContain(`GET /network/sites sent invalid data at ${fieldPath}: `);
    expect(validation.issues.length).toBeGreaterThan(0);
  });

  it('every typed error is an ApiError', async () => {
    const errors = await Promise.all([
      failureOf(() => HttpResponse.error()),
      failureOf(() => new HttpResponse(null, { status: 500 })),
      failureOf(() => new HttpResponse('<html>', { status: 200 })),
      failureOf(() => HttpResponse.json({ items: 'none' })),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      expect(isApiError(error)).toBe(true);
    }
  });
});

describe('apiRequest passes a caller’s abort through', () => {
  const hang = async () => {
    await delay('infinite');
    return HttpResponse.json({ items: [] });
  };

  it('rejects with the caller’s own reason, not a TimeoutError or NetworkError', async () => {
    const controller = new AbortController();
    const reason = new Error('the query was cancelled');
    setTimeout(() => controller.abort(reason), 20);
    const error = await failureOf(hang, { signal: controller.signal, timeoutMs: 5_000 });
    expect(error).toBe(reason);
    expect(isApiError(error)).toBe(false);
  });

  it('keeps the default AbortError of a plain abort()', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const error = await failureOf(hang, { signal: controller.signal, timeoutMs: 5_000 });
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(NetworkError);
  });

  it('does not even ask when the signal is already aborted', async () => {
    const calls = vi.fn();
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(
      () => {
        calls();
        return HttpResponse.json({ items: [site] });
      },
      { signal: controller.signal },
    );
    expect(error).toBe(controller.signal.reason);
    expect(calls).not.toHaveBeenCalled();
  });

  it('still times out when the caller’s signal stays quiet', async () => {
    const controller = new AbortController();
    const error = await failureOf(hang, { signal: controller.signal, timeoutMs: 50 });
    expect(error).toBeInstanceOf(TimeoutError);
  });
});

describe('apiRequest on success', () => {
  it('resolves to the data as the schema parsed it', async () => {
    server.use(
      http.get(SITES, () => HttpResponse.json({ items: [{ ...site, name: '  Milano 1 5G ', extra: 1 }] })),
    );
    const data = await apiRequest('/network/sites', sitesResponseSchema, { baseUrl: BASE });
    // Strings are trimmed and unknown keys dropped: the parsed value, not the raw JSON.
    expect(data).toEqual({ items: [site] });
  });

  it('encodes query parameters and drops empty, null and undefined ones', async () => {
    let url: URL | undefined;
    server.use(
      http.get(SITES, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [] });
      }),
    );
    await apiRequest('/network/sites', sitesResponseSchema, {
      baseUrl: `${BASE}/`,
      query: {
        since: '2026-11-25T12:00:00+01:00',
        name: 'Rho & Pero = 2',
        count: 0,
        empty: '',
        nothing: null,
        unset: undefined,
      },
    });
    expect(url?.pathname).toBe('/api/v1/network/sites');
    expect([...(url?.searchParams.keys() ?? [])]).toEqual(['since', 'name', 'count']);
    expect(url?.searchParams.get('since')).toBe('2026-11-25T12:00:00+01:00');
    expect(url?.searchParams.get('name')).toBe('Rho & Pero = 2');
    expect(url?.searchParams.get('count')).toBe('0');
    expect(url?.search).toContain('since=2026-11-25T12%3A00%3A00%2B01%3A00');
    expect(url?.search).not.toContain('Rho & Pero');
  });

  it('sends no question mark when every parameter is dropped', async () => {
    let url = '';
    server.use(
      http.get(SITES, ({ request }) => {
        url = request.url;
        return HttpResponse.json({ items: [] });
      }),
    );
    await apiRequest('/network/sites', sitesResponseSchema, {
      baseUrl: BASE,
      query: { since: null, band: '' },
    });
    expect(url).toBe(SITES);
  });

  it('sends a PATCH body as JSON', async () => {
    let received: { contentType: string | null; body: unknown } | undefined;
    server.use(
      http.patch(`${BASE}/security/alerts/:id`, async ({ request }) => {
        received = { contentType: request.headers.get('Content-Type'), body: await request.json() };
        return HttpResponse.json({ ok: true });
      }),
    );
    const body = { actor: 'tester', status: 'acknowledged' };
    await apiRequest('/security/alerts/alr-1', z.object({ ok: z.boolean() }), {
      baseUrl: BASE,
      method: 'PATCH',
      body,
    });
    expect(received).toEqual({ contentType: 'application/json', body });
  });

  it('works with the default, relative base URL under jsdom', async () => {
    expect(apiConfig.baseUrl).toBe('/api/v1');
    let url: URL | undefined;
    server.use(
      http.get('*/api/v1/territory', ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ id: 'milano' });
      }),
    );
    await expect(apiRequest('/territory', z.object({ id: z.string() }))).resolves.toEqual({ id: 'milano' });
    expect(url?.origin).toBe(globalThis.location.origin);
    expect(url?.pathname).toBe('/api/v1/territory');
  });
});

describe('lastAnsweredRequestSentAt', () => {
  afterEach(() => vi.useRealTimers());

  it('is when the newest request the backend answered was sent; failures leave it', async () => {
    // Later than the requests of the tests before.
    const sent = Date.now() + 3_600_000;
    vi.useFakeTimers({ toFake: ['Date'], now: sent });
    server.use(
      http.get(SITES, () => {
        // Answered a while after it was sent.
        vi.setSystemTime(sent + 5_000);
        return HttpResponse.json({ items: [site] });
      }),
    );
    await apiRequest('/network/sites', sitesResponseSchema, { baseUrl: BASE });
    expect(lastAnsweredRequestSentAt()).toBe(sent);
    vi.setSystemTime(sent + 10_000);
    await failureOf(() => HttpResponse.error());
    await failureOf(() => new HttpResponse(null, { status: 503 }));
    expect(lastAnsweredRequestSentAt()).toBe(sent);
  });
});

describe('shouldRetry', () => {
  const retryable: [string, unknown][] = [
    ['a NetworkError', new NetworkError('GET /x', new TypeError('failed'))],
    ['a TimeoutError', new TimeoutError('GET /x', 10_000)],
    ['an HTTP 500', new HttpError('GET /x', 500)],
    ['an HTTP 502', new HttpError('GET /x', 502)],
    ['an HTTP 503', new HttpError('GET /x', 503)],
    ['an HTTP 504', new HttpError('GET /x', 504)],
    ['an HTTP 429', new HttpError('GET /x', 429)],
  ];
  const final: [string, unknown][] = [
    ['a ValidationError', new ValidationError('GET /x', [])],
    ['an InvalidJsonError', new InvalidJsonError('GET /x', new SyntaxError('bad'))],
    ['an HTTP 400', new HttpError('GET /x', 400)],
    ['an HTTP 401', new HttpError('GET /x', 401)],
    ['an HTTP 403', new HttpError('GET /x', 403)],
    ['an HTTP 404', new HttpError('GET /x', 404)],
    ['an HTTP 409', new HttpError('GET /x', 409)],
    ['an HTTP 422', new HttpError('GET /x', 422)],
    ['a plain Error', new Error('boom')],
    ['an AbortError', new DOMException('aborted', 'AbortError')],
  ];

  it.each(retryable)('retries %s up to MAX_RETRIES times', (_label, error) => {
    for (let failures = 0; failures < MAX_RETRIES; failures++)
      expect(shouldRetry(failures, error)).toBe(true);
    expect(shouldRetry(MAX_RETRIES, error)).toBe(false);
    expect(shouldRetry(MAX_RETRIES + 1, error)).toBe(false);
  });

  it.each(final)('never retries %s', (_label, error) => {
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('allows a couple of retries, not an endless loop', () => {
    expect(MAX_RETRIES).toBeGreaterThanOrEqual(1);
    expect(MAX_RETRIES).toBeLessThanOrEqual(5);
  });
});

describe('retryDelay', () => {
  it('grows exponentially from one second', () => {
    expect([0, 1, 2, 3].map(retryDelay)).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped at eight seconds', () => {
    for (const attempt of [4, 5, 10, 100, 5000]) expect(retryDelay(attempt)).toBe(8000);
  });

  it('never shrinks as attempts grow', () => {
    const delays = Array.from({ length: 20 }, (_, attempt) => retryDelay(attempt));
    delays.slice(1).forEach((d, i) => expect(d).toBeGreaterThanOrEqual(delays[i]!));
  });
});

describe('React Query with shouldRetry', () => {
  async function attemptsFor(resolver: Parameters<typeof http.get>[1]) {
    let attempts = 0;
    server.use(
      http.get(SITES, (info) => {
        attempts++;
        return resolver(info);
      }),
    );
    const client = new QueryClient({
      defaultOptions: { queries: { retry: shouldRetry, retryDelay: () => 1 } },
    });
    const error = await client
      .fetchQuery({
        queryKey: ['sites'],
        queryFn: ({ signal }) => apiRequest('/network/sites', sitesResponseSchema, { baseUrl: BASE, signal }),
      })
      .catch((e: unknown) => e);
    client.clear();
    return { attempts, error };
  }

  it.each([
    ['a network error', () => HttpResponse.error(), NetworkError],
    ['HTTP 503', () => new HttpResponse(null, { status: 503 }), HttpError],
  ])('tries %s 1 + MAX_RETRIES times', async (_label, resolver, type) => {
    const { attempts, error } = await attemptsFor(resolver);
    expect(error).toBeInstanceOf(type);
    expect(attempts).toBe(1 + MAX_RETRIES);
  });

  it.each([
    ['HTTP 404', () => new HttpResponse(null, { status: 404 }), HttpError],
    ['malformed JSON', () => new HttpResponse('{', { status: 200 }), InvalidJsonError],
    ['a schema violation', () => HttpResponse.json({ items: [{ ...site, load: 2 }] }), ValidationError],
  ])('tries %s only once', async (_label, resolver, type) => {
    const { attempts, error } = await attemptsFor(resolver);
    expect(error).toBeInstanceOf(type);
    expect(attempts).toBe(1);
  });
});
