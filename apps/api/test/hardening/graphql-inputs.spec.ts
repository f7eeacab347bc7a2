import { GraphQLSchemaHost } from '@nestjs/graphql';
import { listTables } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import fc from 'fast-check';
import { declaredOperations } from '../support/declared-operations';
import {
  DEMO,
  type GqlOptions,
  type GqlResult,
  startTestApp,
  type TestApp,
} from '../support/test-app';
import { type Breakage, breakOne, FC_SEED, fcParams, namesField, show, text } from './hostile';
import { type Caller, type Fixtures, OPERATION_CASES, prepareFixtures } from './operation-cases';

/** Runs per operation; FC_RUNS overrides. The whole file stays around a minute on two cores. */
const RUNS = 14;

/** Codes a rejected hostile input may answer with; anything else is a finding. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
]);

/** The errors (code, field, message) or the data of an answer, shortened for a failure message. */
function answerOf(result: GqlResult): string {
  if (!result.errors?.length) return `data ${show(result.data)}`;
  return result.errors
    .map((e) => `${e.extensions?.code} [${e.extensions?.field ?? ''}] "${e.message.slice(0, 300)}"`)
    .join('; ');
}

let ipCounter = 0;
/** A fresh client address per request, so the public form's per-address limits do not hide the checks. */
const nextIp = () => `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

/**
 * Every mutation (and every query that takes arguments) under hostile input: wrong types, huge strings, control
 * characters, unicode, bad numbers, dates, ids and enum values, unknown fields, nulls and missing
 * fields, injection payloads. Never a 500 or an INTERNAL_SERVER_ERROR; a rejected call changes
 * nothing in the database; BAD_USER_INPUT names the field that was broken.
 */
describe('hostile input: GraphQL operations', () => {
  let t: TestApp;
  let f: Fixtures;
  let callers: Record<Caller, GqlOptions>;
  let fingerprintSql: string;

  /** One line per table: its row count and a hash of its rows. */
  const fingerprint = async (): Promise<Map<string, string>> => {
    const rows: { t: string; n: number; h: string }[] = await t.db.dataSource.query(fingerprintSql);
    return new Map(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
  };
  const changedTables = (a: Map<string, string>, b: Map<string, string>) =>
    [...a.keys()].filter((k) => a.get(k) !== b.get(k));

  beforeAll(async () => {
    // No scheduled sweep: nothing may write to the database but the calls under test.
    t = await startTestApp({ env: { ALERT_SWEEP_INTERVAL_SECONDS: '0' } });
    const wilmslow = await t.practiceId('wilmslow-health-centre');
    callers = {
      manager: { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow },
      admin: { token: await t.tokenFor(DEMO.admin) },
      auditor: { token: await t.tokenFor(DEMO.cheshireAuditor) },
      anonymous: {},
    };
    f = await prepareFixtures(t, callers);
    const tables = await listTables(t.db.dataSource);
    fingerprintSql = tables
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

  const callerOf = (name: string): Caller => {
    const access = declaredOperations(t.app).find((o) => o.name === name)?.access;
    if (!access || access.kind === 'public') return 'anonymous';
    if (access.permission === Permission.PlatformManage) return 'admin';
    if (access.permission === Permission.InsightsRead) return 'auditor';
    return 'manager';
  };

  it('covers every mutation and every query with arguments: new ones must join OPERATION_CASES', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    const queries = Object.values(schema.getQueryType()?.getFields() ?? {})
      .filter((field) => field.args.length > 0)
      .map((field) => field.name);
    const operations = [
      ...mutations.map((name) => `Mutation.${name}`),
      ...queries.map((name) => `Query.${name}`),
    ];
    expect(mutations.length).toBeGreaterThan(30);
    expect(operations.filter((name) => !(name in OPERATION_CASES))).toEqual([]);
    // And no case for an operation that is gone.
    expect(Object.keys(OPERATION_CASES).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it.each(Object.keys(OPERATION_CASES))(
    '%s: no 500, nothing stored when refused, BAD_USER_INPUT names the field',
    async (name) => {
      const c = OPERATION_CASES[name];
      const caller = callers[callerOf(name)];
      const fields = Object.keys(c.fields);
      const inputFields = fields.map(
        (p) =>
          p
            .split('.')
            .filter((s) => !/^\d+$/.test(s))
            .pop() as string,
      );
      // An operation without arguments is sent an argument it does not have.
      const query =
        fields.length > 0
          ? c.query
          : c.query.replace(/^(\w+) \{ (\w+)/, '$1 ($v: String) { $2(bogus: $v)');
      const breakages: fc.Arbitrary<Breakage> =
        fields.length > 0
          ? breakOne(c.base(f), c.fields)
          : text.map((v) => ({ variables: { v }, field: 'bogus', how: `bogus: ${show(v)}` }));

      let before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(breakages, async (b) => {
          const result: GqlResult = await t.gql(query, b.variables, {
            ...caller,
            headers: { 'x-forwarded-for': nextIp() },
          });
          const errors = result.errors ?? [];
          const said = `${name} with ${b.how} answered ${result.status} ${answerOf(result)}`;
          if (result.status >= 500) throw new Error(`5xx: ${said}`);
          const unexpected = errors.filter((e) => !EXPECTED_CODES.has(e.extensions?.code ?? ''));
          if (unexpected.length > 0) throw new Error(`unexpected error code: ${said}`);
          const after = await fingerprint();
          // A query never writes; a refused mutation writes nothing either.
          if (errors.length > 0 || name.startsWith('Query.')) {
            const changed = changedTables(before, after).filter(
              (table) => !c.refusalMayWrite?.includes(table),
            );
            if (changed.length > 0)
              throw new Error(
                `refused or read, but stored something (${changed.join(', ')}): ${said}`,
              );
            for (const error of errors) {
              // graphql-js stops after 50 bad variables, saying so; the 50 name the field.
              if (error.message.startsWith('Too many errors processing variables')) continue;
              if (error.extensions?.code !== 'BAD_USER_INPUT' || namesField(error, b.field))
                continue;
              // A rule across two fields (eventOn after receivedAt, a range too long) may name
              // the other one: it must still name a field of this input.
              if (!inputFields.some((other) => namesField(error, other)))
                throw new Error(`the error does not name ${b.field}: ${said}`);
            }
          }
          before = after;
        }),
        fcParams(name, RUNS),
      );
    },
  );
});
