import { listTables } from '@parley/api/core';
import fc from 'fast-check';
import { declaredOperations } from '../support/declared-operations';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { breakOne, day, FC_SEED, fcParams, id, oneOfEnum, show, text } from './hostile';

/** Requests per route; FC_RUNS overrides. */
const RUNS = 25;

interface HostileRequest {
  path: string;
  init: RequestInit;
  /** The input an error about this request should name, when one part was broken. */
  field?: string;
  how: string;
}

/** Path segments as clients really send them: encoded text, and raw bytes no client should. */
const RAW_SEGMENTS = [
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%00',
  'a%00b',
  '%2e%2e',
  '..%2f..%2fetc%2fpasswd',
  '%252e',
  'x'.repeat(5000),
  'WILMSLOW-HEALTH-CENTRE',
  'wilmslow-health-centre%20',
  'wilmslow-health-centre.json',
];
const segment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...RAW_SEGMENTS),
  text
    .filter((s) => s.length > 0 && s.length < 10_000)
    .map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))),
);

/** Header values must be latin-1 text without line breaks to be sent at all. */
const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '*',
    '',
    ' ',
    'W/"x"',
    '"',
    '"a", W/"b", *',
    'x'.repeat(8000),
    '\t',
    'null',
    '%00',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }),
);

/** Any value as text a form or query string could carry (lone surrogates cannot be encoded). */
const asText = (v: unknown) =>
  (v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(
    /[\ud800-\udfff]/g,
    '',
  );

/** A query string parameter: text, several values, or bracket syntax for objects. */
const queryValue = (name: string, values: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc.oneof(
    values.map((v) => `${name}=${encodeURIComponent(asText(v))}`),
    fc.constantFrom(
      `${name}=a&${name}=b`,
      `${name}[]=x`,
      `${name}[a]=b`,
      `${name}`,
      `${name}=`,
      `${name}=%00`,
      `${name}=%ZZ`,
    ),
  );

const SLUG = 'wilmslow-health-centre';

const publicFeedbackBody = {
  body: {
    message: 'Hostile-input suite: a public message.',
    name: 'Pat',
    email: 'pat@example.com',
    phone: '01625 123456',
    kind: 'suggestion',
  },
};
const PUBLIC_FEEDBACK_FIELDS = {
  'body.message': 'text',
  'body.name': 'text',
  'body.email': 'email',
  'body.phone': 'phone',
  'body.kind': { enum: ['complaint', 'compliment', 'suggestion'] },
  'body.website': 'text',
} as const;

/** Raw bodies no form sends: malformed, wrong shapes, nested deep, too big. */
const RAW_BODIES = [
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '1',
  '{"message": ',
  '{"message": "\\ud800"}',
  '{"__proto__": {"admin": true}, "message": "Prototype"}',
  '{"constructor": {"prototype": {"x": 1}}, "message": "Constructor"}',
  '['.repeat(5000) + ']'.repeat(5000),
  `{"message": "${'a'.repeat(200_000)}"}`,
  `{"message": "x", "name": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
  '{"message": "x", "message": "y"}',
  '\u0000',
];

const json = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

/** A form post's body, URL-encoded the way browsers do it. */
const form = (fields: Record<string, unknown>) =>
  Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(asText(v))}`)
    .join('&');

function feedbackPosts(prefix: string, formEncoded: boolean): fc.Arbitrary<HostileRequest> {
  const encode = (body: Record<string, unknown>): RequestInit =>
    formEncoded
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form(body),
        }
      : json(JSON.stringify(body));
  return fc.oneof(
    {
      weight: 5,
      arbitrary: breakOne(publicFeedbackBody, PUBLIC_FEEDBACK_FIELDS).map((b) => ({
        path: `${prefix}/${SLUG}/feedback`,
        init: encode(b.variables['body'] as Record<string, unknown>),
        field: b.field,
        how: b.how,
      })),
    },
    {
      weight: 2,
      arbitrary: segment.map((s) => ({
        path: `${prefix}/${s}/feedback`,
        init: encode(publicFeedbackBody.body),
        how: `slug ${show(s)}`,
      })),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({
        path: `${prefix}/${SLUG}/feedback`,
        init: json(raw),
        how: `raw body ${show(raw)}`,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          'text/plain',
          'application/xml',
          'multipart/form-data; boundary=x',
          'application/json; charset=latin1',
          '',
        )
        .map((type) => ({
          path: `${prefix}/${SLUG}/feedback`,
          init: {
            method: 'POST',
            headers: (type ? { 'content-type': type } : {}) as Record<string, string>,
            body: JSON.stringify(publicFeedbackBody.body),
          },
          how: `content-type ${show(type)}`,
        })),
    },
    {
      weight: 1,
      arbitrary: headerValue.map((key) => ({
        path: `${prefix}/${SLUG}/feedback`,
        init: json(JSON.stringify(publicFeedbackBody.body), { 'idempotency-key': key }),
        field: 'Idempotency-Key',
        how: `Idempotency-Key ${show(key)}`,
      })),
    },
  );
}

const gets = (paths: fc.Arbitrary<string>, method = 'GET'): fc.Arbitrary<HostileRequest> =>
  fc.tuple(paths, fc.option(headerValue), fc.option(headerValue)).map(([path, etag, encoding]) => ({
    path,
    init: {
      method,
      headers: {
        ...(etag !== null ? { 'if-none-match': etag } : {}),
        ...(encoding !== null ? { 'accept-encoding': encoding } : {}),
      },
    },
    how: `${method} ${path.slice(0, 100)} if-none-match=${show(etag)} accept-encoding=${show(encoding)}`,
  }));

function csvQueries(
  path: string,
  params: Record<string, fc.Arbitrary<unknown>>,
  valid: Record<string, string>,
): fc.Arbitrary<HostileRequest> {
  const names = Object.keys(params);
  return fc.oneof(
    // One parameter broken (or left out), the others valid.
    fc.tuple(fc.constantFrom(...names), fc.boolean()).chain(([broken, leaveOut]) =>
      (leaveOut ? fc.constant('') : queryValue(broken, params[broken])).map((bad) => {
        const rest = names
          .filter((n) => n !== broken && valid[n] !== undefined)
          .map((n) => `${n}=${valid[n]}`);
        return {
          path: `${path}?${[...rest, bad].filter(Boolean).join('&')}`,
          init: {},
          field: broken,
          how: `${broken}: ${leaveOut ? 'left out' : show(bad)}`,
        };
      }),
    ),
    // An unknown parameter beside valid ones.
    fc.constantFrom('bogus', '__proto__', 'constructor', 'practice_id').map((extra) => ({
      path: `${path}?${Object.entries(valid)
        .map(([k, v]) => `${k}=${v}`)
        .join('&')}&${extra}=1`,
      init: {},
      field: extra,
      how: `unknown ${extra}`,
    })),
  );
}

/**
 * Every public HTTP route (and the signed-in CSV downloads) under hostile requests: malformed
 * paths and percent-encoding, hostile headers, bodies and query strings. Never a 5xx; a refused
 * request changes nothing in the database; a 400 about an input names it.
 */
describe('hostile input: HTTP routes', () => {
  let t: TestApp;
  let auditorToken: string;
  let icbId: string;
  let fingerprintSql: string;

  const fingerprint = async (): Promise<Map<string, string>> => {
    const rows: { t: string; n: number; h: string }[] = await t.db.dataSource.query(fingerprintSql);
    return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  };

  let ipCounter = 0;
  const nextIp = () => `192.0.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

  const ROUTES: Record<string, () => fc.Arbitrary<HostileRequest>> = {
    'GET /health': () =>
      gets(
        fc.oneof(
          fc.constant('/health'),
          segment.map((s) => `/health?${s}`),
        ),
      ),
    'GET /public/practices/:slug/policy': () =>
      gets(
        fc.oneof(
          fc.constant(`/public/practices/${SLUG}/policy`),
          segment.map((s) => `/public/practices/${s}/policy`),
        ),
      ),
    'OPTIONS /public/practices/:slug/policy': () =>
      gets(
        segment.map((s) => `/public/practices/${s}/policy`),
        'OPTIONS',
      ),
    'GET /p/:slug': () =>
      gets(
        fc.oneof(
          segment.map((s) => `/p/${s}`),
          queryValue('embed', text).map((q) => `/p/${SLUG}?${q}`),
        ),
      ),
    'POST /public/practices/:slug/feedback': () => feedbackPosts('/public/practices', false),
    'OPTIONS /public/practices/:slug/feedback': () =>
      gets(
        segment.map((s) => `/public/practices/${s}/feedback`),
        'OPTIONS',
      ),
    // The hosted page's own HTML form.
    'POST /p/:slug/feedback': () => fc.oneof(feedbackPosts('/p', true), feedbackPosts('/p', false)),
    'GET /embed.js': () => gets(fc.constant('/embed.js')),
    'GET /embed/manifest.json': () => gets(fc.constant('/embed/manifest.json')),
    'GET /embed/:file': () => gets(segment.map((s) => `/embed/${s}`)),
    'GET /insights/ko41b.csv': () =>
      csvQueries(
        '/insights/ko41b.csv',
        {
          icbId: id,
          financialYear: fc.oneof(
            text,
            fc.constantFrom('2025-27', '2025-25', '0000-01', '9999-00', '2025-2026'),
          ),
          practiceId: id,
        },
        { icbId, financialYear: '2024-25' },
      ),
    'GET /insights/trends.csv': () =>
      csvQueries(
        '/insights/trends.csv',
        {
          icbId: id,
          period: oneOfEnum(['MONTH', 'QUARTER', 'FINANCIAL_YEAR']),
          from: day,
          to: day,
          practiceId: id,
        },
        { icbId, period: 'MONTH', from: '2024-04-01', to: '2025-03-31' },
      ),
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { ALERT_SWEEP_INTERVAL_SECONDS: '0' } });
    auditorToken = await t.tokenFor(DEMO.cheshireAuditor);
    const wilmslow = await t.practiceId(SLUG);
    icbId = (
      await t.db.run({ tenantPracticeId: null }, (uow) =>
        uow.query<{ icb_id: string }>('SELECT icb_id FROM practices WHERE id = $1', [wilmslow]),
      )
    )[0].icb_id;
    // The practice offers an online form, so valid posts go all the way through.
    await t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
      uow.query(
        `INSERT INTO feedback_channels (practice_id, kind, label, policy_text, position)
         VALUES ($1, 'online_form', 'Hostile online form', 'Use the form.', 99)`,
        [wilmslow],
      ),
    );
    fingerprintSql = (await listTables(t.db.dataSource))
      .map(
        ({ schema, name }) =>
          `SELECT '${schema}.${name}' AS t, count(*)::int AS n,
                  coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS h
             FROM ${schema}.${name} x`,
      )
      .join(' UNION ALL ');
    console.log(`hostile-input suite: FC_SEED=${FC_SEED}`);
  }, 240_000);
  afterAll(() => t?.close());

  it('covers every HTTP route: new ones must join ROUTES', () => {
    const routes = declaredOperations(t.app)
      .map((o) => o.name)
      .filter((name) => /^[A-Z]+ \//.test(name));
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((name) => !(name in ROUTES))).toEqual([]);
  });

  it.each(Object.keys(ROUTES))(
    '%s: no 5xx, nothing stored when refused, 400s name the input',
    async (route) => {
      const method = route.split(' ')[0];
      const signedIn = route.startsWith('GET /insights/');
      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(ROUTES[route](), async (r) => {
          const headers = new Headers(r.init.headers);
          headers.set('x-forwarded-for', nextIp());
          if (signedIn) headers.set('authorization', `Bearer ${auditorToken}`);
          const response = await fetch(`${t.url}${r.path}`, {
            ...r.init,
            headers,
            redirect: 'manual',
          });
          const body = await response.text();
          const said = `${route} with ${r.how} answered ${response.status} ${body.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(`5xx: ${said}`);
          const after = await fingerprint();
          const refused = response.status >= 400;
          if (
            (refused || method !== 'POST') &&
            [...before.keys()].some((k) => before.get(k) !== after.get(k))
          )
            throw new Error(`${refused ? 'refused' : 'a read'} but the database changed: ${said}`);
          if (
            response.status === 400 &&
            r.field &&
            response.headers.get('content-type')?.includes('json')
          ) {
            const error = (
              JSON.parse(body) as { error?: { code?: string; field?: string; message?: string } }
            ).error;
            if (error?.code === 'BAD_USER_INPUT') {
              const named =
                error.field?.toLowerCase().includes(r.field.toLowerCase()) ||
                new RegExp(`\\b${r.field.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&')}\\b`, 'i').test(
                  error.message ?? '',
                );
              if (!named) throw new Error(`the error does not name ${r.field}: ${said}`);
            }
          }
          before = after;
        }),
        fcParams(route, RUNS),
      );
    },
  );
});
