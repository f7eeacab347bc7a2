import {
  buildKo41bView,
  buildTrendsView,
  COMPLAINT_COLUMNS,
  type Counts,
  ESCALATION_STEP_ROWS,
  INCIDENT_COLUMNS,
  INCIDENT_PLATFORMS,
  FEEDBACK_COLUMNS,
  FFT_COLUMNS,
  type InsightsCount,
  type InsightsTable,
  type InsightsTrends,
  type Ko41bReturn,
  periodsBetween,
  SUPPRESSED,
  zeroCounts,
} from '@parley/api/insights';
import { ALL_CHANNEL_KINDS, type FinancialYear } from '@parley/shared/domain';
import fc from 'fast-check';
import { type Knowledge, recoverable, type Relation, tableRelations } from './attacker';

/**
 * Small-number suppression, attacked. Each property generates aggregate data, renders the view an
 * auditor would get (the same builders the API uses) and hands what it shows, and every sum it
 * states, to an independent attacker. No hidden count may be pinned down.
 */

const SUBJECT_COLUMNS = COMPLAINT_COLUMNS.filter((c) => c.startsWith('subject_'));

// Mostly small counts: 0, 1–4 and a few larger ones, as in a practice's month.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
);

/** Splits `total` over `weights` (whole numbers, summing to total). */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  parts[weights.findIndex((w) => w > 0)] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

const trendData = fc.record({
  practices: fc.integer({ min: 1, max: 5 }),
  months: fc.integer({ min: 1, max: 6 }),
  drillDown: fc.boolean(),
  seed: fc.array(fc.tuple(count, count, count), { minLength: 30, maxLength: 30 }),
  kinds: fc.array(fc.tuple(count, count, count), { minLength: 6, maxLength: 6 }),
  channelWeights: fc.array(fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }), {
    minLength: 6,
    maxLength: 6,
  }),
  themes: fc.array(fc.array(count, { minLength: 8, maxLength: 8 }), { minLength: 6, maxLength: 6 }),
  outcomes: fc.array(fc.array(count, { minLength: 3, maxLength: 3 }), {
    minLength: 6,
    maxLength: 6,
  }),
  fft: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
  severities: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), {
    minLength: 6,
    maxLength: 6,
  }),
  platformWeights: fc.array(fc.array(fc.nat(6), { minLength: 8, maxLength: 8 }), {
    minLength: 6,
    maxLength: 6,
  }),
  steps: fc.array(fc.array(count, { minLength: 5, maxLength: 5 }), { minLength: 6, maxLength: 6 }),
  maxRate: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
  minAck: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
});

type TrendData = typeof trendData extends fc.Arbitrary<infer T> ? T : never;

function render(data: TrendData): InsightsTrends {
  const periods = periodsBetween(
    'MONTH',
    '2025-04',
    `2025-${String(3 + data.months).padStart(2, '0')}` as never,
  );
  const practices = Array.from({ length: data.drillDown ? 1 : data.practices }, (_, i) => ({
    id: `00000000-0000-0000-0000-00000000000${i}`,
    name: `Practice ${i}`,
    odsCode: null,
    listSize: 2000 + 1000 * i,
  }));
  const complaints = periods.map(() => zeroCounts(COMPLAINT_COLUMNS));
  const complaintsByPractice = new Map<string, Counts>(
    practices.map((p) => [p.id, zeroCounts(COMPLAINT_COLUMNS)]),
  );
  practices.forEach((p, i) =>
    periods.forEach((_, m) => {
      const [within, late, missing] = data.seed[(i * 6 + m) % 30] as [number, number, number];
      for (const counts of [complaints[m] as Counts, complaintsByPractice.get(p.id) as Counts]) {
        counts['received'] += within + late + missing;
        counts['ack_within_3_days'] += within;
        counts['ack_late'] += late;
        counts['not_acknowledged'] += missing;
      }
    }),
  );
  periods.forEach((_, m) => {
    SUBJECT_COLUMNS.forEach(
      (column, s) =>
        ((complaints[m] as Counts)[column] = (data.themes[m] as number[])[s] as number),
    );
    const [u, pu, nu] = data.outcomes[m] as number[];
    Object.assign(complaints[m] as Counts, { upheld: u, partially_upheld: pu, not_upheld: nu });
  });
  const feedback = periods.map((_, m) => {
    const [notCounted, compliments, suggestions] = data.kinds[m] as [number, number, number];
    const reportable = (complaints[m] as Counts)['received'] as number;
    const items = reportable + notCounted + compliments + suggestions;
    const counts = zeroCounts(FEEDBACK_COLUMNS);
    Object.assign(counts, { complaints: reportable + notCounted, compliments, suggestions });
    split(items, data.channelWeights[m] as number[]).forEach(
      (n, c) => (counts[`via_${ALL_CHANNEL_KINDS[c]}`] = n),
    );
    return counts;
  });
  const fft = periods.map((_, m) =>
    Object.fromEntries(FFT_COLUMNS.map((r, k) => [r, (data.fft[m] as number[])[k] as number])),
  );
  const incidents = periods.map((_, m) => {
    const counts = zeroCounts(INCIDENT_COLUMNS);
    const severities = data.severities[m] as number[];
    severities.forEach((n, k) => (counts[`severity_${k + 1}`] = n));
    const total = severities.reduce((a, b) => a + b, 0);
    counts['incidents'] = total;
    split(total, data.platformWeights[m] as number[]).forEach(
      (n, k) => (counts[`platform_${INCIDENT_PLATFORMS[k]}`] = n),
    );
    ESCALATION_STEP_ROWS.forEach(
      (step, k) => (counts[step] = (data.steps[m] as number[])[k] as number),
    );
    return counts;
  });
  return buildTrendsView({
    icb: { id: 'icb', name: 'ICB' },
    practice: data.drillDown ? (practices[0] as (typeof practices)[number]) : null,
    practices,
    period: 'MONTH',
    fromMonth: periods[0]!.firstMonth,
    toMonth: periods[periods.length - 1]!.lastMonth,
    periods,
    complaints,
    feedback,
    fft,
    incidents,
    complaintsByPractice,
    thresholds: {
      icbId: 'icb',
      maxComplaintsPer1000PerYear: data.maxRate,
      minAckWithin3DaysPercent: data.minAck,
      updatedAt: null,
    },
  });
}

/** What an auditor reads off a trend view: the shown numbers and the sums the view states. */
function trendKnowledge(view: InsightsTrends): Knowledge {
  const shown = new Map<string, number | null>();
  const relations: Relation[] = [];
  const see = (id: string, c: InsightsCount) => {
    expect(
      c.suppressed ? c.value === null && c.display === SUPPRESSED : c.display === String(c.value),
    ).toBe(true);
    if (!c.suppressed) expect(c.value! < 1 || c.value! > 4).toBe(true);
    const before = shown.get(id);
    if (before !== undefined) expect({ id, value: c.value }).toEqual({ id, value: before }); // the same quantity shown alike everywhere
    shown.set(id, c.value);
    return id;
  };
  const table = (
    t: InsightsTable,
    name: (row: string, column: string) => string,
    rowTotal: (row: string) => string,
    columnTotal: (column: string) => string,
    grand: string,
  ) => {
    const cells = t.rows.map((r) => r.cells.map((c, j) => see(name(r.key, t.columns[j]!.key), c)));
    const rowTotals = t.rows.map((r) => see(rowTotal(r.key), r.total));
    const columnTotals = t.columnTotals.map((c, j) => see(columnTotal(t.columns[j]!.key), c));
    see(grand, t.grandTotal);
    relations.push(...tableRelations(cells, rowTotals, columnTotals, grand));
  };
  // The kind table's "complaints under the regulations" row is the acknowledgement table's column
  // totals; the channel and kind tables share their column totals; the practice comparison's
  // columns are the acknowledgement rows. The attacker reads all of this off the descriptions.
  table(
    view.feedbackByChannel,
    (r, c) => `chan:${r}:${c}`,
    (r) => `chan:${r}`,
    (c) => `items:${c}`,
    'all',
  );
  table(
    view.feedbackByKind,
    (r, c) => (r === 'complaint' ? `complaints:${c}` : `kind:${r}:${c}`),
    (r) => (r === 'complaint' ? 'complaints' : `kind:${r}`),
    (c) => `items:${c}`,
    'all',
  );
  table(
    view.acknowledgement,
    (r, c) => `ack:${r}:${c}`,
    (r) => `ack:${r}`,
    (c) => `complaints:${c}`,
    'complaints',
  );
  if (view.practiceComparison)
    table(
      view.practiceComparison,
      (r, c) => `practice:${r}:${c}`,
      (r) => `practice:${r}`,
      (c) => `ack:${c}`,
      'complaints',
    );
  table(
    view.incidentsBySeverity,
    (r, c) => `severity:${r}:${c}`,
    (r) => `severity:${r}`,
    (c) => `incidents:${c}`,
    'incidents',
  );
  table(
    view.incidentsByPlatform,
    (r, c) => `platform:${r}:${c}`,
    (r) => `platform:${r}`,
    (c) => `incidents:${c}`,
    'incidents',
  );
  for (const t of [
    view.complaintsByTheme,
    view.resolvedByOutcome,
    view.fftByRating,
    view.escalationSteps,
  ]) {
    table(
      t,
      (r, c) => `${t.key}:${r}:${c}`,
      (r) => `${t.key}:${r}`,
      (c) => `${t.key}:total:${c}`,
      `${t.key}:all`,
    );
  }
  view.series.forEach((point) => see(`complaints:${point.period}`, point.complaints));
  for (const s of view.practices) {
    const base = view.practiceComparison ? `practice:${s.practice.id}` : null;
    see(base ?? 'complaints', s.complaints);
    see(base ? `${base}:within_3_working_days` : 'ack:within_3_working_days', s.ackWithin3Days);
    see(
      base ? `${base}:not_within_3_working_days` : 'ack:not_within_3_working_days',
      s.ackNotWithin3Days,
    );
    // Rates, shares and flags only on shown counts.
    if (s.complaintsPer1000PerYear !== null) expect(s.complaints.suppressed).toBe(false);
    if (s.ackWithin3DaysPercent !== null)
      expect(s.ackWithin3Days.suppressed || s.ackNotWithin3Days.suppressed).toBe(false);
    for (const flag of s.flags) {
      expect(
        flag.reason === 'COMPLAINT_RATE' ? s.complaintsPer1000PerYear : s.ackWithin3DaysPercent,
      ).toBe(flag.value);
    }
  }
  for (const point of view.series) {
    if (point.complaintsPer1000PerYear !== null) expect(point.complaints.suppressed).toBe(false);
    if (point.ackWithin3DaysPercent !== null) {
      expect(shown.get(`ack:within_3_working_days:${point.period}`)).not.toBeNull();
      expect(shown.get(`ack:not_within_3_working_days:${point.period}`)).not.toBeNull();
    }
  }
  return { shown, relations };
}

function ko41bKnowledge(view: Ko41bReturn): Knowledge {
  const shown = new Map<string, number | null>();
  const see = (id: string, c: InsightsCount) => {
    if (!c.suppressed) expect(c.value! < 1 || c.value! > 4).toBe(true);
    shown.set(id, c.value);
    return { id, coef: 1 };
  };
  const ages = view.byAge.map((b) => see(`age:${b.key}`, b.count));
  const statuses = view.byComplainantStatus.map((b) => see(`status:${b.key}`, b.count));
  view.bySubjectArea.forEach((b) => see(`subject:${b.key}`, b.count));
  view.byStaffGroup.forEach((b) => see(`staff:${b.key}`, b.count));
  const [bf, nw, up, pu, nu, res, cf] = (
    [
      'broughtForward',
      'new',
      'upheld',
      'partiallyUpheld',
      'notUpheld',
      'resolved',
      'carriedForward',
    ] as const
  ).map((k) => see(k, view[k])) as { id: string; coef: number }[];
  const neg = (t: { id: string }) => ({ id: t.id, coef: -1 });
  return {
    shown,
    relations: [
      [...ages, neg(nw!)],
      [...statuses, neg(nw!)],
      [up!, pu!, nu!, neg(res!)],
      [bf!, nw!, neg(res!), neg(cf!)],
    ],
  };
}

describe('small-number suppression against an attacker', () => {
  it('the attacker is real: it recovers a small count from a table with only the small counts hidden', () => {
    const shown = new Map<string, number | null>([
      ['a', null],
      ['b', 7],
      ['row', 8],
    ]);
    expect(
      recoverable({
        shown,
        relations: [
          [
            { id: 'a', coef: 1 },
            { id: 'b', coef: 1 },
            { id: 'row', coef: -1 },
          ],
        ],
      }),
    ).toEqual(['a']);
    // …and by bounds: two hidden counts adding to 2 are both 1.
    const pair = new Map<string, number | null>([
      ['a', null],
      ['b', null],
      ['c', 9],
      ['row', 11],
    ]);
    expect(
      recoverable({
        shown: pair,
        relations: [
          [
            { id: 'a', coef: 1 },
            { id: 'b', coef: 1 },
            { id: 'c', coef: 1 },
            { id: 'row', coef: -1 },
          ],
        ],
      }),
    ).toEqual(['a', 'b']);
  });

  it('no trend view lets a hidden count be worked out, and every small count is hidden', () => {
    let hiddenSeen = 0;
    fc.assert(
      fc.property(trendData, (data) => {
        const view = render(data);
        const knowledge = trendKnowledge(view);
        hiddenSeen += [...knowledge.shown.values()].filter((v) => v === null).length;
        expect(recoverable(knowledge)).toEqual([]);
      }),
      { numRuns: 200, seed: 20250401 },
    );
    expect(hiddenSeen).toBeGreaterThan(1000); // not vacuous
  });

  it('no KO41(b) return lets a hidden figure be worked out', () => {
    const fy = '2025-26' as FinancialYear;
    const ko = fc.record({
      before: fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })),
      months: fc.array(
        fc.record({
          ages: fc.array(count, { minLength: 7, maxLength: 7 }),
          statusWeights: fc.array(fc.nat(5), { minLength: 5, maxLength: 5 }),
          outcomes: fc.array(count, { minLength: 3, maxLength: 3 }),
          subjects: fc.array(count, { minLength: 8, maxLength: 8 }),
          staff: fc.array(count, { minLength: 6, maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    });
    fc.assert(
      fc.property(ko, (data) => {
        const months = new Map<string, Counts>();
        const [receivedBefore, closedBefore] = data.before;
        months.set('2024-06', {
          ...zeroCounts(COMPLAINT_COLUMNS),
          received: receivedBefore + closedBefore,
          upheld: closedBefore,
        });
        let open = receivedBefore;
        data.months.forEach((m, i) => {
          const counts = zeroCounts(COMPLAINT_COLUMNS);
          const ageColumns = [
            'age_0_15',
            'age_16_64',
            'age_65_74',
            'age_75_84',
            'age_85_plus',
            'age_unknown',
            'age_not_recorded',
          ];
          ageColumns.forEach((c, k) => (counts[c] = m.ages[k] as number));
          const received = m.ages.reduce((a, b) => a + b, 0);
          counts['received'] = received;
          const statusColumns = [
            'complainant_patient',
            'complainant_relative_carer',
            'complainant_representative',
            'complainant_other',
            'complainant_not_recorded',
          ];
          split(received, m.statusWeights).forEach(
            (n, k) => (counts[statusColumns[k] as string] = n),
          );
          COMPLAINT_COLUMNS.filter((c) => c.startsWith('subject_')).forEach(
            (c, k) => (counts[c] = m.subjects[k] as number),
          );
          COMPLAINT_COLUMNS.filter((c) => c.startsWith('staff_')).forEach(
            (c, k) => (counts[c] = m.staff[k] as number),
          );
          // Close no more than are open.
          open += received;
          const [u, p, n] = m.outcomes.map((o) => Math.min(o, open)) as [number, number, number];
          const closed = Math.min(u + p + n, open);
          const [cu, cp] = [Math.min(u, closed), Math.min(p, closed - Math.min(u, closed))];
          Object.assign(counts, { upheld: cu, partially_upheld: cp, not_upheld: closed - cu - cp });
          open -= closed;
          months.set(
            `${i < 9 ? 2025 : 2026}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
            counts,
          );
        });
        const { view, csv } = buildKo41bView({
          icb: { id: 'icb', name: 'ICB' },
          practice: null,
          financialYear: fy,
          months,
        });
        expect(recoverable(ko41bKnowledge(view))).toEqual([]);
        // The CSV line shows exactly what the view shows.
        const line = csv.split('\r\n')[1]!.split(',');
        expect(line.slice(2, 4)).toEqual([view.broughtForward.display, view.new.display]);
        expect(view.checks.find((c) => c.check === 'carried_forward')?.passed).toBe(true);
        expect(view.checks.find((c) => c.check === 'outcomes_sum')?.passed).toBe(true);
      }),
      { numRuns: 300, seed: 20250402 },
    );
  });
});
