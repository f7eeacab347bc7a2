import { randomUUID } from 'node:crypto';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  addChannel,
  countItems,
  disableOnlineForms,
  type Item,
  ITEM,
  BOOT_TIMEOUT_MS,
} from './feedback-fixtures';

interface Posted {
  status: number;
  headers: Headers;
  body: {
    status?: string;
    reference?: string;
    receivedAt?: string;
    error?: { code: string; message: string; field?: string };
  };
}

let ipCounter = 1;
/** A fresh client address per test (the app trusts X-Forwarded-For from loopback), so limits do not leak between tests. */
const nextIp = () => `203.0.113.${ipCounter++}`;

describe('public online feedback form', () => {
  let t: TestApp;
  let wilmslow: string;
  let formChannel: string;

  const post = async (
    slug: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Posted> => {
    const response = await fetch(`${t.url}/public/practices/${slug}/feedback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': headers['x-forwarded-for'] ?? nextIp(),
        origin: 'https://www.example-practice.nhs.uk',
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as Posted['body'],
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    formChannel = await addChannel(t, wilmslow, 'online_form', { label: 'Online form (test)' });
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('answers 201 with a receipt and logs one complaint through the online form channel, contact kept apart', async () => {
    const before = await countItems(t, wilmslow);
    const res = await post('wilmslow-health-centre', {
      message: '  The repeat prescription was not ready after five working days.  ',
      name: 'Pat Example',
      email: 'Pat@Example.com',
      phone: '07700 900123',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      status: 'received',
      reference: expect.stringMatching(/^[0-9A-F]{8}$/),
      receivedAt: expect.any(String),
    });
    expect(await countItems(t, wilmslow)).toBe(before + 1);

    const manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    const list = await t.gqlOk<{ feedbackItems: { items: { id: string; reference: string }[] } }>(
      `query ($s: String) { feedbackItems(filter: { search: $s }) { items { id reference } } }`,
      { s: res.body.reference },
      manager,
    );
    const item = (
      await t.gqlOk<{ feedbackItem: Item }>(ITEM, { id: list.feedbackItems.items[0].id }, manager)
    ).feedbackItem;
    expect(item).toMatchObject({
      source: 'online_form',
      kind: 'complaint',
      sentiment: 'negative',
      oral: false,
      status: 'received',
      summary: 'The repeat prescription was not ready after five working days.',
      channel: { id: formChannel, kind: 'online_form' },
      contact: { name: 'Pat Example', email: 'pat@example.com', phone: '07700 900123' },
    });
    expect(item.history).toEqual([
      expect.objectContaining({ from: null, to: 'received', by: null }),
    ]);
    expect(item.clocks?.acknowledgementDue).toBeTruthy();
  });

  it('answers the CORS preflight', async () => {
    const response = await fetch(`${t.url}/public/practices/wilmslow-health-centre/feedback`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.example-practice.nhs.uk',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'idempotency-key',
    );
  });

  it('tells a robot that filled in the honeypot that it worked, and stores nothing', async () => {
    const before = await countItems(t, wilmslow);
    const res = await post('wilmslow-health-centre', {
      message: 'Buy cheap watches',
      website: 'https://spam.example',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      status: 'received',
      reference: expect.stringMatching(/^[0-9A-F]{8}$/),
      receivedAt: expect.any(String),
    });
    expect(await countItems(t, wilmslow)).toBe(before);
  });

  it('404 for an unknown practice', async () => {
    for (const slug of ['no-such-practice', 'Not_A_Slug']) {
      const res = await post(slug, { message: 'Hello' });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({
        code: 'NOT_FOUND',
        message: 'The practice was not found.',
      });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
  });

  it('403 with a clear message when the practice has no online form, or has switched it off', async () => {
    const trumpington = await t.practiceId('trumpington-street');
    await disableOnlineForms(t, trumpington);
    const before = await countItems(t, trumpington);
    const none = await post('trumpington-street', { message: 'Hello' });
    expect(none.status).toBe(403);
    expect(none.body.error?.message).toBe(
      'Trumpington Street Medical Practice does not take feedback through an online form. Please use one of the other ways of contacting the practice.',
    );
    await addChannel(t, trumpington, 'online_form', { enabled: false });
    expect((await post('trumpington-street', { message: 'Hello' })).status).toBe(403);
    expect(await countItems(t, trumpington)).toBe(before);
  });

  it('400 naming the field for an invalid body or Idempotency-Key', async () => {
    const before = await countItems(t, wilmslow);
    const cases: [unknown, string, Record<string, string>?][] = [
      [{}, 'message'],
      [{ message: '   ' }, 'message'],
      [{ message: 'x'.repeat(4001) }, 'message'],
      [{ message: 'Hi', email: 'not-an-email' }, 'email'],
      [{ message: 'Hi', phone: 'call me' }, 'phone'],
      [{ message: 'Hi', kind: 'rant' }, 'kind'],
      [{ message: 'Hi', colour: 'blue' }, 'colour'],
      [{ message: 'Hi' }, 'Idempotency-Key', { 'idempotency-key': 'x'.repeat(201) }],
    ];
    for (const [body, field, headers] of cases) {
      const res = await post('wilmslow-health-centre', body, headers);
      expect({
        field,
        status: res.status,
        code: res.body.error?.code,
        named: res.body.error?.field,
      }).toEqual({ field, status: 400, code: 'BAD_USER_INPUT', named: field });
    }
    for (const raw of ['{"message": ', '[{"message": "Hi"}]', '"Hi"', '']) {
      const res = await post('wilmslow-health-centre', raw);
      expect({ raw, status: res.status }).toEqual({ raw, status: 400 });
    }
    expect(await countItems(t, wilmslow)).toBe(before);
  });

  it('429 with Retry-After after 10 submissions from one address', async () => {
    const ip = nextIp();
    for (let i = 0; i < 10; i++) {
      expect(
        (
          await post(
            'wilmslow-health-centre',
            { message: `Message ${i}`, kind: 'suggestion' },
            { 'x-forwarded-for': ip },
          )
        ).status,
      ).toBe(201);
    }
    const limited = await post(
      'wilmslow-health-centre',
      { message: 'One too many' },
      { 'x-forwarded-for': ip },
    );
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    // Another address is unaffected.
    expect((await post('wilmslow-health-centre', { message: 'Someone else' })).status).toBe(201);
  });

  it(
    '429 after 100 submissions to one practice in an hour, whatever the addresses',
    async () => {
      const riverside = await t.practiceId('demo-riverside-surgery');
      await addChannel(t, riverside, 'online_form');
      for (let batch = 0; batch < 10; batch++) {
        const statuses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            post('demo-riverside-surgery', { message: `Busy morning ${batch}-${i}` }).then(
              (r) => r.status,
            ),
          ),
        );
        expect(statuses).toEqual(Array(10).fill(201));
      }
      const limited = await post('demo-riverside-surgery', { message: 'Number 101' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    },
    BOOT_TIMEOUT_MS,
  );

  it('the same Idempotency-Key retried 10 times at once creates exactly one item and returns the first receipt', async () => {
    const before = await countItems(t, wilmslow);
    const key = randomUUID();
    const ip = nextIp();
    const body = {
      message: 'Retried on a patchy connection.',
      kind: 'compliment',
      name: 'Retry Example',
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        post('wilmslow-health-centre', body, { 'idempotency-key': key, 'x-forwarded-for': ip }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const references = new Set(results.map((r) => r.body.reference));
    expect(references.size).toBe(1);
    expect(new Set(results.map((r) => r.body.receivedAt)).size).toBe(1);
    expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await countItems(t, wilmslow)).toBe(before + 1);

    const later = await post('wilmslow-health-centre', body, { 'idempotency-key': key });
    expect(later.body.reference).toBe(results[0].body.reference);
    const different = await post(
      'wilmslow-health-centre',
      { ...body, message: 'Something else' },
      { 'idempotency-key': key },
    );
    expect(different.status).toBe(409);
    expect(different.body.error).toMatchObject({ code: 'CONFLICT', field: 'Idempotency-Key' });
    expect(await countItems(t, wilmslow)).toBe(before + 1);
  });

  it('the same form as a GraphQL mutation, sharing idempotency keys with the route', async () => {
    const SUBMIT = `mutation ($slug: String!, $input: PublicFeedbackInput!, $key: String) {
      submitPublicFeedback(practiceSlug: $slug, input: $input, idempotencyKey: $key) { status reference receivedAt } }`;
    const key = randomUUID();
    const before = await countItems(t, wilmslow);
    const viaRoute = await post(
      'wilmslow-health-centre',
      { message: 'Via either door.' },
      { 'idempotency-key': key },
    );
    const viaGraphql = await t.gqlOk<{ submitPublicFeedback: { reference: string } }>(SUBMIT, {
      slug: 'wilmslow-health-centre',
      input: { message: 'Via either door.' },
      key,
    });
    expect(viaGraphql.submitPublicFeedback.reference).toBe(viaRoute.body.reference);
    expect(await countItems(t, wilmslow)).toBe(before + 1);

    const unknown = await t.gql(SUBMIT, { slug: 'no-such-practice', input: { message: 'Hello' } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const invalid = await t.gql(SUBMIT, {
      slug: 'wilmslow-health-centre',
      input: { message: 'Hi', email: 'nope' },
    });
    expect(invalid.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
    });
    const trap = await t.gqlOk<{ submitPublicFeedback: { status: string } }>(SUBMIT, {
      slug: 'wilmslow-health-centre',
      input: { message: 'Spam', website: 'x' },
    });
    expect(trap.submitPublicFeedback.status).toBe('received');
    expect(await countItems(t, wilmslow)).toBe(before + 1);
  });
});
