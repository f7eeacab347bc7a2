import fc from 'fast-check';

/**
 * Hostile values for the hardening suite: wrong types, huge and control-character strings,
 * unicode oddities, bad dates and ids, unknown enum values, injection payloads. Runs are
 * reproducible: the seed is fixed unless FC_SEED says otherwise, and FC_RUNS scales every property.
 */

export const FC_SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 909;

/** fast-check parameters for one property, seeded by the suite's seed and the property's name. */
export function fcParams(name: string, numRuns: number): fc.Parameters<unknown> {
  const runs = process.env['FC_RUNS'] ? Number(process.env['FC_RUNS']) : numRuns;
  let hash = FC_SEED | 0;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return {
    seed: hash,
    numRuns: Math.max(1, Math.round(runs)),
    // Each run is a round trip to the app: report the first counterexample rather than shrink
    // for minutes. FC_SHRINK=1 shrinks it when hunting a failure.
    endOnFailure: process.env['FC_SHRINK'] !== '1',
  };
}

/** Injection and markup payloads, and strings that mean something to some layer. */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(document.cookie)>',
  'javascript:alert(1)',
  '<svg/onload=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  "' OR '1'='1",
  "'; DROP TABLE feedback_items; --",
  "1' AND pg_sleep(2)--",
  '" OR ""="',
  '\\',
  '%',
  '_%_',
  '$1',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\ufeff',
  '\u202eevil.exe',
  'e\u0301',
  '👩‍⚕️🏥',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'Zoë Ñúñez-O’Brien',
  'مرحبا بالعالم',
  '中文测试',
  '\u200b',
  '\u00a0',
  ' ',
  '',
  '\t\r\n',
  'null',
  'undefined',
  'NaN',
  '-1',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
] as const;

const CONTROL_UNIT = fc.constantFrom(
  ...'\u0000\u0001\u0008\t\n\u000b\u000c\r\u001b\u007f\u0085\u2028\u2029\ufffe'.split(''),
  'a',
  'é',
  '😀',
  ' ',
);

/** Long strings just past the usual limits, in characters of one, two and four bytes. */
const huge = fc
  .tuple(
    fc.constantFrom(81, 101, 201, 256, 501, 1001, 2001, 4001, 5001, 20_001, 120_000),
    fc.constantFrom('a', 'é', '😀', ' ', '<', '\u0000'),
  )
  .map(([n, c]) => c.repeat(n));

export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: CONTROL_UNIT, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: huge },
);

export const number: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      -1,
      0,
      0.5,
      -0.5,
      -2147483648,
      2147483647,
      2147483648,
      -2147483649,
      2 ** 53,
      2 ** 53 + 2,
      1e21,
      1e308,
      -1e308,
      5e-324,
    ),
  },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  // What a client may send when it means NaN or Infinity (JSON has neither).
  {
    weight: 1,
    arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '0x10', '', '12'),
  },
);

/** Any JSON value, for a field of some other type. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  number,
  text,
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)), {
    maxLength: 4,
  }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);

const BAD_DAYS = [
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '2024-00-10',
  '2024-01-00',
  '2024-01-32',
  '0000-00-00',
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '99999-01-01',
  '2024-1-1',
  '01/02/2024',
  '2024/02/01',
  '2024-02-01T10:00:00Z',
  '2024-02-01 ',
  ' 2024-02-01',
  '2024-02-01\u0000',
  '2024-02-01\n',
  'today',
  '-2024-01-01',
  '1899-12-31',
  '1969-12-31',
  '2100-01-01',
  '+002024-01-01',
  '２０２４-０１-０１',
  '',
];

const anyInstant = fc.date({
  min: new Date(-8.64e15),
  max: new Date(8.64e15),
  noInvalidDate: true,
});

/** Calendar days (yyyy-mm-dd fields): impossible, malformed, and far past or future. */
export const day: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_DAYS) },
  { weight: 2, arbitrary: anyInstant.map((d) => d.toISOString().slice(0, 10)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.nat(99), fc.nat(99))
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      ),
  },
);

/** DateTime fields: out of PostgreSQL's range, impossible, malformed, epoch numbers. */
export const instant: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '2024-02-30T10:00:00Z',
      '2024-02-01T25:00:00Z',
      '2024-02-01T10:60:00Z',
      'not a date',
      '',
      '0000-01-01T00:00:00Z',
      '+275760-09-13T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '9999-12-31T23:59:59Z',
      '1900-01-01T00:00:00Z',
      '2024-02-01',
      '2024-02-01T10:00:00',
      '2024-02-01T10:00:00+99:00',
      '1706781600000',
      '2024-02-01T10:00:00.123456789Z',
      1706781600000,
      -1,
    ),
  },
  { weight: 2, arbitrary: anyInstant.map((d) => d.toISOString()) },
);

/** yyyy-mm fields. */
export const month: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('2024-13', '2024-00', '24-01', '2024-1', '0000-01', '99999-01', '2024-01-01', ''),
  fc
    .tuple(fc.integer({ min: -1, max: 100000 }), fc.integer({ min: -1, max: 99 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);

/** Ids: malformed, nil, shaped like SQL, and well-formed ids of nothing. */
export const id: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      "' OR 1=1 --",
      '1',
      '-1',
      '123e4567-e89b-12d3-a456-42661417400',
      '123e4567-e89b-12d3-a456-4266141740000',
      '{123e4567-e89b-12d3-a456-426614174000}',
      '123e4567e89b12d3a456426614174000',
      '123e4567-e89b-12d3-a456-426614174000\u0000',
      'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
      '------------------------------------',
      12345,
    ),
  },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.uuid().map((u) => u.toUpperCase()) },
);

export function oneOfEnum(values: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      '',
      'UNKNOWN',
      '__proto__',
      'constructor',
      'toString',
      ...values.map((v) => v.toUpperCase()),
      ...values.map((v) => ` ${v}`),
      ...values.map((v) => `${v}\u0000`),
    ),
    fc.string({ maxLength: 20 }),
  );
}

export const email: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'not-an-email',
    'a@b',
    '@example.com',
    'a@@example.com',
    'a@example..com',
    `${'x'.repeat(250)}@example.com`,
    '"a b"@example.com',
    'a@example.com\u0000',
    'pat@example.com<script>',
    'ünïcode@exämple.com',
    ' a@example.com ',
    'a@example.com\nBcc: victim@example.com',
  ),
  text,
);

export const phone: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '+',
    '++44 1625',
    '0'.repeat(50),
    '01625 123456\u0000',
    '01625-CALL-NOW',
    '٠١٢٣٤٥٦٧٨٩',
  ),
  text,
);

/** Paging cursors: garbage, and well-encoded cursors carrying impossible dates and ids. */
export const cursor: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc
    .tuple(fc.oneof(instant, day, anyJson), fc.oneof(id, anyJson))
    .map(([a, b]) => Buffer.from(JSON.stringify([a, b])).toString('base64url')),
  anyJson.map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
);

/** What one input field holds: the hostile values tried on it depend on it. */
export type FieldKind =
  | 'text'
  | 'id'
  | 'day'
  | 'instant'
  | 'month'
  | 'int'
  | 'float'
  | 'bool'
  | 'email'
  | 'phone'
  | 'cursor'
  | 'object'
  | { enum: readonly string[] }
  | { list: FieldKind };

export function valuesFor(kind: FieldKind): fc.Arbitrary<unknown> {
  if (typeof kind === 'object' && 'enum' in kind) return oneOfEnum(kind.enum);
  if (typeof kind === 'object' && 'list' in kind)
    return fc.oneof(
      fc.array(valuesFor(kind.list), { maxLength: 6 }),
      fc.integer({ min: 21, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => `v${i}`)),
      anyJson,
    );
  switch (kind) {
    case 'text':
      return text;
    case 'id':
      return id;
    case 'day':
      return day;
    case 'instant':
      return instant;
    case 'month':
      return month;
    case 'int':
    case 'float':
      return number;
    case 'bool':
      return fc.oneof(fc.constantFrom('true', 'false', 0, 1, 'yes'), anyJson);
    case 'email':
      return email;
    case 'phone':
      return phone;
    case 'cursor':
      return cursor;
    case 'object':
      return anyJson;
  }
}

/** One way of breaking a valid set of variables, and the field an error about it should name. */
export interface Breakage {
  variables: Record<string, unknown>;
  /** The field broken (an unknown field's own name when one was added). */
  field: string;
  how: string;
}

/** Names that no input type defines: sent as extra fields. */
const UNKNOWN_FIELDS = ['bogus', '__proto__', 'constructor', 'toString', '$where', 'practice_id'];

/**
 * Variables with exactly one thing wrong: one field (a dotted path, numeric segments for list
 * items) set to a hostile value of its kind or of another type, set to null, left out, or an
 * unknown field added beside it.
 */
export function breakOne(
  base: Record<string, unknown>,
  fields: Record<string, FieldKind>,
): fc.Arbitrary<Breakage> {
  const paths = Object.keys(fields);
  if (paths.length === 0) throw new Error('breakOne needs at least one field');
  const path = fc.constantFrom(...paths);
  // Objects only: a list's items have no fields to add to.
  const parents = [
    ...new Set(
      paths
        .map((p) => p.split('.').slice(0, -1).join('.'))
        .filter((p) => p !== '' && !Array.isArray(get(base, p))),
    ),
  ];
  const options: fc.Arbitrary<Breakage>[] = [
    path.chain((p) =>
      valuesFor(fields[p]).map((value) => set(base, p, value, `${p} = ${show(value)}`)),
    ),
    path.chain((p) => anyJson.map((value) => set(base, p, value, `${p} = ${show(value)} (type)`))),
    path.map((p) => set(base, p, null, `${p} = null`)),
    path.map((p) => set(base, p, undefined, `${p} left out`)),
  ];
  if (parents.length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...parents), fc.constantFrom(...UNKNOWN_FIELDS), anyJson)
        .map(([parent, key, value]) => {
          const variables = structuredClone(base);
          const target = get(variables, parent);
          if (target && typeof target === 'object' && !Array.isArray(target))
            Object.defineProperty(target, key, { value, enumerable: true, writable: true });
          return { variables, field: key, how: `${parent}.${key} added` };
        }),
    );
  return fc.oneof(...options);
}

function set(base: Record<string, unknown>, path: string, value: unknown, how: string): Breakage {
  const variables = structuredClone(base);
  const segments = path.split('.');
  const last = segments.pop() as string;
  // Optional objects the base leaves out are made on the way.
  let parent = variables;
  for (const segment of segments) {
    const child = parent[segment];
    if (!child || typeof child !== 'object') parent[segment] = {};
    parent = parent[segment] as Record<string, unknown>;
  }
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  const field = [...segments, last].filter((s) => !/^\d+$/.test(s)).pop() as string;
  return { variables, field, how };
}

function get(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

/** A short, printable rendering of a value for failure messages. */
export function show(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 60)}…(${json.length} chars)` : json;
}

/** True when an error message or field names the field (as a word, or as the last part of a path). */
export function namesField(
  error: { message: string; extensions?: { field?: string } },
  field: string,
): boolean {
  const escaped = field.replace(/[$^.*+?()[\]{}|\\]/g, '\\$&');
  const word = new RegExp(`(^|[^A-Za-z0-9_])${escaped}([^A-Za-z0-9_]|$)`);
  return (
    word.test(error.message) || (!!error.extensions?.field && word.test(error.extensions.field))
  );
}
