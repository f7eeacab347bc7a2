/**
 * @jest-environment jsdom
 */
import {
  NotFound,
  baseFromScript,
  isSlug,
  loadPolicy,
  normaliseBase,
  randomKey,
  sendFeedback,
} from './api';
import { jsonResponse, samplePolicy } from './test-support';

function script(attrs: Record<string, string>): HTMLScriptElement {
  const el = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

describe('where Parley is', () => {
  it('comes from the script’s own address, stable or hashed, keeping a path prefix', () => {
    expect(baseFromScript(script({ src: 'https://parley.example/embed.js' }))).toBe(
      'https://parley.example',
    );
    expect(
      baseFromScript(script({ src: 'https://parley.example/embed/embed.0123abcd.js?x=1' })),
    ).toBe('https://parley.example');
    expect(baseFromScript(script({ src: 'https://nhs.example/parley/embed.js' }))).toBe(
      'https://nhs.example/parley',
    );
    expect(baseFromScript(script({ src: 'http://127.0.0.1:3000/embed.js' }))).toBe(
      'http://127.0.0.1:3000',
    );
  });

  it('prefers data-parley-origin, and refuses anything but http(s)', () => {
    expect(
      baseFromScript(
        script({
          src: 'https://cdn.example/embed.js',
          'data-parley-origin': 'https://parley.example/',
        }),
      ),
    ).toBe('https://parley.example');
    expect(baseFromScript(script({ src: 'javascript:alert(1)' }))).toBeNull();
    expect(baseFromScript(null)).toBeNull();
    expect(normaliseBase('data:text/plain,x')).toBeNull();
  });

  it('checks practice slugs', () => {
    expect(isSlug('wilmslow-health-centre')).toBe(true);
    expect(isSlug('../admin')).toBe(false);
    expect(isSlug('A')).toBe(false);
    expect(isSlug('')).toBe(false);
  });
});

describe('loading the policy', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as any).fetch = fetchMock;
  });

  it('asks once for several elements of the same practice, without credentials', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, samplePolicy()));
    const [a, b] = await Promise.all([
      loadPolicy('https://p.example', 'one'),
      loadPolicy('https://p.example', 'one'),
    ]);
    expect(a).toBe(b);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('https://p.example/public/practices/one/policy');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ credentials: 'omit', mode: 'cors' });
  });

  it('tells a missing practice from a failure, and retries after a failure', async () => {
    fetchMock.mockResolvedValueOnce(jsonResponse(404, {}));
    await expect(loadPolicy('https://p.example', 'gone')).rejects.toBeInstanceOf(NotFound);
    fetchMock.mockResolvedValueOnce(jsonResponse(500, {}));
    await expect(loadPolicy('https://p.example', 'two')).rejects.toThrow('HTTP 500');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, { nonsense: true }));
    await expect(loadPolicy('https://p.example', 'two')).rejects.toThrow('Unexpected policy');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, samplePolicy()));
    await expect(loadPolicy('https://p.example', 'two')).resolves.toMatchObject({ version: 3 });
  });
});

describe('sending feedback', () => {
  const fetchMock = jest.fn();
  beforeEach(() => {
    fetchMock.mockReset();
    (globalThis as any).fetch = fetchMock;
  });

  it('posts JSON with the idempotency key', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { reference: 'F-12' }));
    const result = await sendFeedback(
      'https://p.example',
      'one',
      { message: 'hi', website: '' },
      'key-1',
    );
    expect(result).toEqual({
      status: 201,
      reference: 'F-12',
      field: undefined,
      message: undefined,
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('https://p.example/public/practices/one/feedback');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'key-1' },
    });
    expect(JSON.parse(init.body)).toEqual({ message: 'hi', website: '' });
  });

  it('reads the field an error names, and reports a network failure as status 0', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(400, {
        error: { code: 'INVALID_INPUT', message: 'email is not valid', field: 'email' },
      }),
    );
    expect(
      await sendFeedback('https://p.example', 'one', { message: 'x', website: '' }, 'k'),
    ).toMatchObject({
      status: 400,
      field: 'email',
      message: 'email is not valid',
    });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(
      await sendFeedback('https://p.example', 'one', { message: 'x', website: '' }, 'k'),
    ).toEqual({ status: 0 });
  });
});

describe('randomKey', () => {
  it('makes v4 UUIDs, with or without crypto.randomUUID', () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(randomKey()).toMatch(v4);
    const original = crypto.randomUUID;
    try {
      (crypto as any).randomUUID = undefined;
      const keys = new Set(Array.from({ length: 50 }, () => randomKey()));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(v4);
    } finally {
      (crypto as any).randomUUID = original;
    }
  });
});
