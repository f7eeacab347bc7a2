import { DbRole } from '@parley/api/core';
import { AUDITED_ICBS_SETTING } from '@parley/api/insights';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { type Actor, addChannel, closeComplaint, logComplaint } from './insights-fixtures';

const TRENDS = `query ($icbId: ID!, $practiceId: ID) {
  insightsTrends(icbId: $icbId, period: QUARTER, from: "2023-04-01", to: "2024-03-31", practiceId: $practiceId) {
    icb { id name } practice { id name } registeredPatients
    periods { key label } series { period complaints { value suppressed display } complaintsPer1000PerYear ackWithin3DaysPercent }
    practices { practice { id name listSize } complaints { value suppressed display } complaintsPer1000PerYear ackWithin3DaysPercent flags { reason value threshold } notAssessed }
    acknowledgement { rows { key label cells { display } total { display } } columnTotals { display } grandTotal { display } }
    practiceComparison { rows { key label cells { display } total { display } } columnTotals { display } grandTotal { display } }
    feedbackByKind { rows { key cells { display } } } feedbackByChannel { rows { key cells { display } } }
    complaintsByTheme { rows { key cells { display } } } resolvedByOutcome { rows { key cells { display } } } fftByRating { rows { key cells { display } } }
    incidentsBySeverity { rows { key cells { display } } } incidentsByPlatform { rows { key cells { display } } } escalationSteps { rows { key cells { display } } }
    thresholds { maxComplaintsPer1000PerYear minAckWithin3DaysPercent } suppressionNote } }`;
const ICBS =
  '{ insightsIcbs { id name slug practices { id name listSize } thresholds { maxComplaintsPer1000PerYear } } }';
const POLICY =
  'query ($icbId: ID!) { insightsPolicyOverview(icbId: $icbId) { practice { id name } versionNumber effectiveDate publishedAt warningCodes } }';
const KO41B = `query ($icbId: ID!, $practiceId: ID) { ko41bReturn(icbId: $icbId, financialYear: "2023-24", practiceId: $practiceId) {
  icb { name } practice { name } new { display } checksPassed checks { check passed } } }`;
const SET_THRESHOLDS = `mutation ($input: IcbThresholdsInput!) { setIcbThresholds(input: $input) { icbId maxComplaintsPer1000PerYear minAckWithin3DaysPercent } }`;

/**
 * An ICB auditor reads aggregates of their own ICB only, through a database role that has no
 * grant on any practice table: proved from PostgreSQL's catalogue, by the database refusing, and
 * through the API as the Cheshire and Merseyside auditor, who never sees Trumpington Street.
 */
describe('ICB auditors: aggregates of their own ICB, and nothing else', () => {
  let t: TestApp;
  let cheshire: string;
  let cambridge: string;
  let wilmslow: string;
  let trumpington: string;
  let auditor: string;
  let trumpingtonName: string;

  beforeAll(async () => {
    t = await startTestApp();
    [cheshire, cambridge] = await Promise.all(
      ['cheshire-merseyside', 'cambridgeshire-peterborough'].map(
        async (slug) =>
          (await t.db.dataSource.query('SELECT id FROM icbs WHERE slug = $1', [slug]))[0]
            .id as string,
      ),
    );
    wilmslow = await t.practiceId('wilmslow-health-centre');
    trumpington = await t.practiceId('trumpington-street');
    trumpingtonName = (
      await t.db.dataSource.query('SELECT name FROM practices WHERE id = $1', [trumpington])
    )[0].name;
    auditor = await t.tokenFor(DEMO.cheshireAuditor);
    // A little history in both ICBs, through the API.
    for (const [practiceId, staffEmail, managerEmail] of [
      [wilmslow, DEMO.wilmslowStaff, DEMO.wilmslowManager],
      [trumpington, DEMO.trumpingtonStaff, DEMO.trumpingtonManager],
    ] as const) {
      const staff: Actor = { token: await t.tokenFor(staffEmail), practiceId };
      const manager: Actor = { token: await t.tokenFor(managerEmail), practiceId };
      const channel = await addChannel(t, practiceId, 'email');
      for (let i = 0; i < 6; i++) {
        const id = await logComplaint(t, staff, channel, `2023-0${4 + (i % 3)}-1${i}`);
        if (i < 3)
          await closeComplaint(
            t,
            staff,
            manager,
            id,
            { ack: `2023-0${4 + (i % 3)}-1${i}`, closed: '2023-09-01' },
            'upheld',
          );
      }
    }
  }, 240_000);
  afterAll(() => t.close());

  it('the auditor role has no grant on any practice table: only the ICB and practice directory, and the insights schema', async () => {
    const privileges: { schema: string; table: string; privilege: string }[] =
      await t.db.dataSource.query(
        `SELECT n.nspname AS schema, c.relname AS table, p.privilege
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
        WHERE c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname IN ('public', 'insights')
          AND has_table_privilege($1, c.oid, p.privilege)
        ORDER BY 1, 2, 3`,
        [DbRole.Auditor],
      );
    expect(privileges).toEqual([
      { schema: 'insights', table: 'complaint_monthly', privilege: 'SELECT' },
      { schema: 'insights', table: 'feedback_monthly', privilege: 'SELECT' },
      { schema: 'insights', table: 'fft_monthly', privilege: 'SELECT' },
      { schema: 'insights', table: 'icb_thresholds', privilege: 'SELECT' },
      { schema: 'insights', table: 'incident_monthly', privilege: 'SELECT' },
      { schema: 'insights', table: 'policy_overview', privilege: 'SELECT' },
      { schema: 'public', table: 'icbs', privilege: 'SELECT' },
      { schema: 'public', table: 'practices', privilege: 'SELECT' },
    ]);
    for (const table of [
      'feedback_items',
      'feedback_texts',
      'feedback_contacts',
      'fft_comments',
      'social_media_incidents',
      'incident_patients',
      'incident_actions',
      'users',
      'memberships',
    ]) {
      const [{ granted }] = await t.db.dataSource.query(
        `SELECT has_table_privilege($1, $2, 'SELECT') AS granted`,
        [DbRole.Auditor, table],
      );
      expect({ table, granted }).toEqual({ table, granted: false });
    }
    // Not even a column of a practice table.
    const columns = await t.db.dataSource.query(
      `SELECT table_name, column_name FROM information_schema.column_privileges WHERE grantee = $1 AND table_schema = 'public' AND table_name NOT IN ('icbs', 'practices')`,
      [DbRole.Auditor],
    );
    expect(columns).toEqual([]);
  });

  it('as the auditor role, PostgreSQL refuses to read the log, its free text and contacts', async () => {
    for (const table of [
      'feedback_items',
      'feedback_texts',
      'feedback_contacts',
      'feedback_status_changes',
    ]) {
      await expect(
        t.db.run({ tenantPracticeId: null }, (uow) => uow.query(`SELECT * FROM ${table} LIMIT 1`), {
          role: DbRole.Auditor,
        }),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('as the auditor role, the aggregates show only the ICBs set for the transaction, and nothing when none is set', async () => {
    const practicesSeen = (icbs: string | null) =>
      t.db.run(
        { tenantPracticeId: null },
        async (uow) => {
          if (icbs !== null)
            await uow.query('SELECT set_config($1, $2, true)', [AUDITED_ICBS_SETTING, icbs]);
          const rows = await uow.query<{ practice_id: string }>(
            'SELECT DISTINCT practice_id FROM insights.complaint_monthly',
          );
          return rows.map((r) => r.practice_id).sort();
        },
        { role: DbRole.Auditor },
      );
    expect(await practicesSeen(null)).toEqual([]);
    expect(await practicesSeen(cheshire)).toContain(wilmslow);
    expect(await practicesSeen(cheshire)).not.toContain(trumpington);
    expect(await practicesSeen(`${cheshire},${cambridge}`)).toEqual(
      expect.arrayContaining([wilmslow, trumpington]),
    );
  });

  it("the Cheshire and Merseyside auditor sees their ICB's trends, policy overview and KO41(b), and Trumpington Street appears nowhere", async () => {
    const responses: unknown[] = [];
    const icbs = await t.gqlOk<{ insightsIcbs: { id: string; practices: { id: string }[] }[] }>(
      ICBS,
      {},
      { token: auditor },
    );
    responses.push(icbs);
    expect(icbs.insightsIcbs.map((i) => i.id)).toEqual([cheshire]);
    expect(icbs.insightsIcbs[0]!.practices.map((p) => p.id)).toContain(wilmslow);

    const trends = await t.gqlOk<{
      insightsTrends: { practices: { practice: { id: string } }[]; series: unknown[] };
    }>(TRENDS, { icbId: cheshire }, { token: auditor });
    responses.push(trends);
    expect(trends.insightsTrends.practices.map((p) => p.practice.id)).toContain(wilmslow);
    expect(trends.insightsTrends.series).toHaveLength(4);
    responses.push(
      await t.gqlOk(TRENDS, { icbId: cheshire, practiceId: wilmslow }, { token: auditor }),
    );
    responses.push(await t.gqlOk(POLICY, { icbId: cheshire }, { token: auditor }));
    responses.push(await t.gqlOk(KO41B, { icbId: cheshire }, { token: auditor }));
    responses.push(
      await t.gqlOk(KO41B, { icbId: cheshire, practiceId: wilmslow }, { token: auditor }),
    );

    const everything = JSON.stringify(responses);
    expect(everything).not.toContain(trumpington);
    expect(everything).not.toContain(trumpingtonName);
    expect(everything).not.toContain(cambridge);
    // Nor anything written in the log.
    expect(everything).not.toContain('Insights test complaint');
  });

  it('another ICB, or a practice of another ICB, is not found for the auditor', async () => {
    for (const [query, variables] of [
      [TRENDS, { icbId: cambridge }],
      [TRENDS, { icbId: cheshire, practiceId: trumpington }],
      [POLICY, { icbId: cambridge }],
      [KO41B, { icbId: cambridge }],
      [KO41B, { icbId: cheshire, practiceId: trumpington }],
      [SET_THRESHOLDS, { input: { icbId: cambridge, maxComplaintsPer1000PerYear: 1 } }],
    ] as const) {
      const result = await t.gql(query, variables, { token: auditor });
      expect({ variables, code: result.errors?.[0]?.extensions?.code, data: result.data }).toEqual({
        variables,
        code: 'NOT_FOUND',
        data: null,
      });
      expect(JSON.stringify(result)).not.toContain(trumpingtonName);
    }
  });

  it('practice people have no insights at all; a platform admin sees every ICB', async () => {
    const manager = await t.tokenFor(DEMO.wilmslowManager);
    const refused = await t.gql(
      TRENDS,
      { icbId: cheshire },
      { token: manager, practiceId: wilmslow },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await t.tokenFor(DEMO.admin);
    const icbs = await t.gqlOk<{ insightsIcbs: { id: string }[] }>(ICBS, {}, { token: admin });
    expect(icbs.insightsIcbs.map((i) => i.id).sort()).toEqual([cheshire, cambridge].sort());
    const trends = await t.gqlOk<{ insightsTrends: { practices: { practice: { id: string } }[] } }>(
      TRENDS,
      { icbId: cambridge },
      { token: admin },
    );
    expect(trends.insightsTrends.practices.map((p) => p.practice.id)).toContain(trumpington);
  });

  it('auditors set their own ICB thresholds (audited); flags follow them on shown figures only', async () => {
    const set = await t.gqlOk<{ setIcbThresholds: unknown }>(
      SET_THRESHOLDS,
      {
        input: {
          icbId: cheshire,
          maxComplaintsPer1000PerYear: 0.01,
          minAckWithin3DaysPercent: 99.5,
        },
      },
      { token: auditor },
    );
    expect(set.setIcbThresholds).toEqual({
      icbId: cheshire,
      maxComplaintsPer1000PerYear: 0.01,
      minAckWithin3DaysPercent: 99.5,
    });
    const [event] = await t.db.dataSource.query(
      `SELECT action, entity_id, details FROM platform_audit_events WHERE action = 'insights.thresholds_set' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(event).toMatchObject({ action: 'insights.thresholds_set', entity_id: cheshire });

    const data = await t.gqlOk<{
      insightsTrends: {
        practices: {
          practice: { id: string };
          complaints: { suppressed: boolean };
          complaintsPer1000PerYear: number | null;
          flags: { reason: string }[];
          notAssessed: string[];
        }[];
      };
    }>(TRENDS, { icbId: cheshire }, { token: auditor });
    for (const p of data.insightsTrends.practices) {
      if (p.complaints.suppressed) {
        expect(p.complaintsPer1000PerYear).toBeNull();
        expect(p.flags.map((f) => f.reason)).not.toContain('COMPLAINT_RATE');
        expect(p.notAssessed).toContain('COMPLAINT_RATE');
      } else if ((p.complaintsPer1000PerYear ?? 0) > 0.01) {
        expect(p.flags.map((f) => f.reason)).toContain('COMPLAINT_RATE');
      }
    }
    const bad = await t.gql(
      SET_THRESHOLDS,
      { input: { icbId: cheshire, minAckWithin3DaysPercent: 101 } },
      { token: auditor },
    );
    expect(bad.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'minAckWithin3DaysPercent',
    });
    // Numbers GraphQL reads in exponent form: refused by name, never a 500.
    for (const value of [1e-10, 5e-324, 0.001]) {
      const refused = await t.gql(
        SET_THRESHOLDS,
        { input: { icbId: cheshire, maxComplaintsPer1000PerYear: value } },
        { token: auditor },
      );
      expect(refused.errors?.[0]?.extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'maxComplaintsPer1000PerYear',
      });
    }
    const huge = await t.gql(
      SET_THRESHOLDS,
      { input: { icbId: cheshire, maxComplaintsPer1000PerYear: 1e21 } },
      { token: auditor },
    );
    expect(huge.errors?.[0]?.message).toBe('maxComplaintsPer1000PerYear is too large');
  });

  it('CSV downloads work with a bearer token, and are refused without one or for another ICB', async () => {
    const get = (path: string, token?: string) =>
      fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ko41b = await get(`/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-24`, auditor);
    expect(ko41b.status).toBe(200);
    expect(ko41b.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await ko41b.text();
    expect(body.split('\r\n')[0]).toMatch(/^Organisation,Financial year,Brought forward,New,/);
    expect(body).toContain('NHS Cheshire and Merseyside ICB,2023-24,');
    const practiceLine = await (
      await get(
        `/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-24&practiceId=${wilmslow}`,
        auditor,
      )
    ).text();
    expect(practiceLine).toContain('Wilmslow Health Centre,2023-24,');

    const trends = await get(
      `/insights/trends.csv?icbId=${cheshire}&period=QUARTER&from=2023-04-01&to=2024-03-31`,
      auditor,
    );
    expect(trends.status).toBe(200);
    const trendsBody = await trends.text();
    expect(trendsBody.split('\r\n')[0]).toBe('Table,Row,Column,Value');
    expect(trendsBody).not.toContain(trumpingtonName);

    expect((await get(`/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-24`)).status).toBe(
      401,
    );
    expect(
      (await get(`/insights/ko41b.csv?icbId=${cambridge}&financialYear=2023-24`, auditor)).status,
    ).toBe(404);
    expect(
      (
        await get(
          `/insights/trends.csv?icbId=${cambridge}&period=MONTH&from=2023-04-01&to=2024-03-31`,
          auditor,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await get(
          `/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-24&practiceId=${trumpington}`,
          auditor,
        )
      ).status,
    ).toBe(404);
    const badYear = await get(
      `/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-25`,
      auditor,
    );
    expect(badYear.status).toBe(400);
    const manager = await t.tokenFor(DEMO.wilmslowManager);
    expect(
      (await get(`/insights/ko41b.csv?icbId=${cheshire}&financialYear=2023-24`, manager)).status,
    ).toBe(403);
  });
});
