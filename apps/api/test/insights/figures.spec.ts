import { COMPLAINT_COLUMNS, type Counts, ko41bFigures, zeroCounts } from '@parley/api/insights';
import {
  addWorkingDays,
  ALL_COMPLAINANT_STATUSES,
  ALL_PATIENT_AGE_BANDS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  computeKo41b,
  ENGLAND_WALES_BANK_HOLIDAYS,
  type FinancialYear,
  type IsoDate,
  type Ko41bComplaint,
  toIsoDate,
} from '@parley/shared/domain';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { addChannel } from './insights-fixtures';

interface RawComplaint {
  received_on: string;
  closed_on: string | null;
  status: string;
  outcome: string | null;
  outside_regulations: boolean;
  subject_areas: string[];
  staff_groups: string[];
  complainant_status: string | null;
  age_band: string | null;
}

/** A seeded generator, so a failure can be replayed. */
function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

const pick = <T>(r: (n: number) => number, xs: readonly T[]): T => xs[r(xs.length)] as T;
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The figures auditors get are the figures of the log: KO41(b) from the aggregates equals the
 * shared computeKo41b over the raw complaints; the acknowledgement clock in SQL equals the shared
 * working-day rule; and what the API shows for a return agrees with both.
 */
describe('insights figures equal the figures of the log', () => {
  let t: TestApp;
  let cheshire: string;
  let wilmslow: string;
  let riverside: string;
  let auditor: string;

  /** Writes `n` coded complaints in the practice, as the practice (the app role, triggers on). */
  async function generate(
    practiceId: string,
    n: number,
    seed: number,
    coded: boolean,
  ): Promise<void> {
    const r = prng(seed);
    const channels = [
      await addChannel(t, practiceId, 'letter_box'),
      await addChannel(t, practiceId, 'email'),
    ];
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const received = addDays('2022-01-01', r(3 * 365));
      const fate = r(10);
      const status =
        fate < 2
          ? 'received'
          : fate < 3
            ? 'acknowledged'
            : fate < 4
              ? 'investigating'
              : fate < 5
                ? 'withdrawn'
                : fate < 6
                  ? 'outside'
                  : 'closed';
      const closed = ['closed', 'withdrawn', 'outside'].includes(status)
        ? addDays(received, status === 'outside' ? 1 : 1 + r(200))
        : null;
      const acknowledged =
        ['received', 'outside'].includes(status) || r(8) === 0 ? null : addDays(received, r(6));
      const areas = coded
        ? [...new Set([pick(r, ALL_SUBJECT_AREAS), pick(r, ALL_SUBJECT_AREAS)])]
        : [];
      rows.push([
        practiceId,
        pick(r, channels),
        `${received}T10:00:00Z`,
        received,
        status === 'outside' ? 'closed' : status,
        status === 'outside',
        acknowledged && (!closed || acknowledged <= closed) ? acknowledged : null,
        closed,
        status === 'closed' ? pick(r, ['upheld', 'partially_upheld', 'not_upheld']) : null,
        status === 'closed',
        `{${areas.join(',')}}`,
        coded ? `{${pick(r, ALL_STAFF_GROUPS)}}` : '{}',
        coded || r(2) ? pick(r, ALL_COMPLAINANT_STATUSES) : null,
        coded ? pick(r, ALL_PATIENT_AGE_BANDS) : null,
      ]);
    }
    await t.db.run({ tenantPracticeId: practiceId }, async (uow) => {
      for (const row of rows) {
        await uow.query(
          `INSERT INTO feedback_items (practice_id, channel_id, source, received_at, received_on, kind, sentiment, oral, status, outside_regulations,
                                       acknowledged_on, closed_on, outcome, phso_informed, subject_areas, staff_groups, complainant_status, age_band)
           VALUES ($1, $2, 'import', $3, $4, 'complaint', 'negative', $6, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          row,
        );
      }
    });
  }

  async function raw(practiceIds: string[]): Promise<RawComplaint[]> {
    return t.db.dataSource.query(
      `SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, status, outcome,
              outside_regulations, subject_areas, staff_groups, complainant_status, age_band
         FROM feedback_items WHERE kind = 'complaint' AND practice_id = ANY ($1::uuid[])`,
      [practiceIds],
    );
  }

  async function aggregated(practiceIds: string[]): Promise<Map<string, Counts>> {
    const rows: Record<string, unknown>[] = await t.db.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, ${COMPLAINT_COLUMNS.map((c) => `sum(${c})::int AS ${c}`).join(', ')}
         FROM insights.complaint_monthly WHERE practice_id = ANY ($1::uuid[]) GROUP BY month`,
      [practiceIds],
    );
    return new Map(
      rows.map((row) => [
        row['month'] as string,
        Object.fromEntries(COMPLAINT_COLUMNS.map((c) => [c, Number(row[c])])) as Counts,
      ]),
    );
  }

  const asKo41b = (c: RawComplaint): Ko41bComplaint => ({
    receivedOn: c.received_on as IsoDate,
    closedOn: (c.closed_on ?? undefined) as IsoDate | undefined,
    outcome: (c.outcome ?? undefined) as Ko41bComplaint['outcome'],
    subjectAreas: c.subject_areas as Ko41bComplaint['subjectAreas'],
    staffGroups: c.staff_groups as Ko41bComplaint['staffGroups'],
    complainantStatus: (c.complainant_status ?? 'other') as Ko41bComplaint['complainantStatus'],
    ageBand: (c.age_band ?? 'unknown') as Ko41bComplaint['ageBand'],
    // The return leaves out complaints resolved orally by the next working day, and withdrawn ones.
    withinRegulations: !c.outside_regulations && c.status !== 'withdrawn',
  });

  beforeAll(async () => {
    t = await startTestApp();
    cheshire = (
      await t.db.dataSource.query(`SELECT id FROM icbs WHERE slug = 'cheshire-merseyside'`)
    )[0].id;
    wilmslow = await t.practiceId('wilmslow-health-centre');
    riverside = await t.practiceId('demo-riverside-surgery');
    auditor = await t.tokenFor(DEMO.cheshireAuditor);
    await generate(wilmslow, 400, 7, true);
    await generate(riverside, 120, 11, false);
  }, 240_000);
  afterAll(() => t.close());

  it('the acknowledgement due day in SQL is the shared rule: the 3rd working day after receipt', async () => {
    const rows: { day: string; due: string; looked_up: string }[] = await t.db.dataSource.query(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day, to_char(insights.ack_due_on(d::date), 'YYYY-MM-DD') AS due, to_char(a.ack_due_on, 'YYYY-MM-DD') AS looked_up
         FROM generate_series('2019-12-01'::timestamp, '2027-01-31'::timestamp, interval '1 day') d
         JOIN insights.ack_due_dates a ON a.received_on = d::date`,
    );
    // The function, and the table the triggers look it up in, both agree with the shared rule.
    const mismatches = rows.filter((r) => {
      const expected = addWorkingDays(toIsoDate(r.day), 3, ENGLAND_WALES_BANK_HOLIDAYS);
      return expected !== r.due || expected !== r.looked_up;
    });
    expect(rows.length).toBeGreaterThan(2500);
    expect(mismatches).toEqual([]);
  });

  it.each(['2022-23', '2023-24', '2024-25'] as FinancialYear[])(
    'KO41(b) %s from the aggregates equals computeKo41b over the raw complaints',
    async (fy) => {
      for (const practices of [[wilmslow], [riverside], [wilmslow, riverside]]) {
        const complaints = (await raw(practices)).map(asKo41b);
        const expected = computeKo41b(complaints, fy);
        const { result, ageNotRecorded, statusNotRecorded } = ko41bFigures({
          icb: { id: cheshire, name: '' },
          practice: null,
          financialYear: fy,
          months: await aggregated(practices),
        });
        // Not recorded codes are counted apart; the shared rule files them under "unknown"/"other".
        const counted = complaints.filter((c) => c.withinRegulations);
        expect(result).toEqual({
          ...expected,
          byAge: { ...expected.byAge, unknown: expected.byAge.unknown - ageNotRecorded },
          byStatus: { ...expected.byStatus, other: expected.byStatus.other - statusNotRecorded },
        });
        expect(counted.length).toBeGreaterThan(0);
      }
    },
  );

  it('the API return shows those figures where they may be shown, and the arithmetic checks say why a return would be rejected', async () => {
    const query = `query ($icbId: ID!, $practiceId: ID) { ko41bReturn(icbId: $icbId, financialYear: "2023-24", practiceId: $practiceId) {
      broughtForward { value suppressed } new { value suppressed } resolved { value suppressed } carriedForward { value suppressed }
      upheld { value suppressed } byAge { key count { value suppressed display } } checksPassed checks { check passed description } } }`;
    type Figure = { value: number | null; suppressed: boolean };
    const coded = await t.gqlOk<{
      ko41bReturn: Record<string, Figure> & {
        checksPassed: boolean;
        checks: { check: string; passed: boolean }[];
      };
    }>(query, { icbId: cheshire, practiceId: wilmslow }, { token: auditor });
    const expected = computeKo41b((await raw([wilmslow])).map(asKo41b), '2023-24');
    for (const key of ['broughtForward', 'new', 'resolved', 'carriedForward', 'upheld'] as const) {
      const figure = coded.ko41bReturn[key] as Figure;
      if (!figure.suppressed)
        expect({ key, value: figure.value }).toEqual({ key, value: expected[key] });
    }
    expect(coded.ko41bReturn.new.suppressed).toBe(false);
    expect(coded.ko41bReturn.checksPassed).toBe(true);

    const uncoded = await t.gqlOk<{
      ko41bReturn: {
        checksPassed: boolean;
        checks: { check: string; passed: boolean; description: string }[];
      };
    }>(query, { icbId: cheshire, practiceId: riverside }, { token: auditor });
    expect(uncoded.ko41bReturn.checksPassed).toBe(false);
    const failed = uncoded.ko41bReturn.checks.filter((c) => !c.passed).map((c) => c.check);
    expect(failed).toEqual(
      expect.arrayContaining(['age_sum', 'subject_area_total', 'staff_group_total']),
    );
    expect(failed).not.toContain('carried_forward');
    // The checks disclose no figure.
    expect(
      uncoded.ko41bReturn.checks.every((c) => !/\d/.test(c.description.replace(/\b3\b/g, ''))),
    ).toBe(true);
  });

  it('trend cells that are shown equal counts over the raw log', async () => {
    const query = `query ($icbId: ID!, $practiceId: ID) { insightsTrends(icbId: $icbId, period: FINANCIAL_YEAR, from: "2022-04-01", to: "2024-03-31", practiceId: $practiceId) {
      periods { key } acknowledgement { rows { key cells { value suppressed } } columnTotals { value suppressed } }
      complaintsByTheme { rows { key cells { value suppressed } } } resolvedByOutcome { rows { key cells { value suppressed } } } } }`;
    type Cell = { value: number | null; suppressed: boolean };
    type Table = { rows: { key: string; cells: Cell[] }[]; columnTotals?: Cell[] };
    const data = await t.gqlOk<{
      insightsTrends: {
        periods: { key: string }[];
        acknowledgement: Table;
        complaintsByTheme: Table;
        resolvedByOutcome: Table;
      };
    }>(query, { icbId: cheshire, practiceId: wilmslow }, { token: auditor });
    const view = data.insightsTrends;
    expect(view.periods.map((p) => p.key)).toEqual(['2022-23', '2023-24']);
    const counted = (await raw([wilmslow])).filter(
      (c) => !c.outside_regulations && c.status !== 'withdrawn',
    );
    const fyOf = (d: string) =>
      d.slice(5, 7) >= '04'
        ? `${d.slice(0, 4)}-${String((Number(d.slice(0, 4)) + 1) % 100).padStart(2, '0')}`
        : `${Number(d.slice(0, 4)) - 1}-${d.slice(2, 4)}`;
    const check = (cell: Cell, expected: number, what: string) => {
      if (expected >= 1 && expected <= 4)
        expect({ what, suppressed: cell.suppressed }).toEqual({ what, suppressed: true });
      if (!cell.suppressed) expect({ what, value: cell.value }).toEqual({ what, value: expected });
    };
    view.periods.forEach(({ key: fy }, j) => {
      const received = counted.filter((c) => fyOf(c.received_on) === fy);
      check(view.acknowledgement.columnTotals![j]!, received.length, `complaints ${fy}`);
      for (const row of view.complaintsByTheme.rows)
        check(
          row.cells[j]!,
          received.filter((c) => c.subject_areas.includes(row.key)).length,
          `${row.key} ${fy}`,
        );
      for (const row of view.resolvedByOutcome.rows) {
        check(
          row.cells[j]!,
          counted.filter((c) => c.closed_on && fyOf(c.closed_on) === fy && c.outcome === row.key)
            .length,
          `${row.key} ${fy}`,
        );
      }
    });
    // Enough data that most of it is shown.
    expect(view.acknowledgement.columnTotals!.every((c) => !c.suppressed)).toBe(true);
  });

  it('counts by month agree with zeroCounts layout (no stray columns)', () => {
    expect(Object.keys(zeroCounts(COMPLAINT_COLUMNS))).toEqual(COMPLAINT_COLUMNS);
  });
});
