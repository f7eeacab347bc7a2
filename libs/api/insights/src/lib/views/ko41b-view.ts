import {
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_PATIENT_AGE_BANDS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  COMPLAINANT_STATUS_LABELS,
  type FinancialYear,
  financialYearRange,
  type Ko41bCheckFailure,
  ko41bArithmeticChecks,
  ko41bCsvHeader,
  ko41bCsvValues,
  type Ko41bResult,
  PATIENT_AGE_BAND_LABELS,
  STAFF_GROUP_LABELS,
  SUBJECT_AREA_LABELS,
  toCsv,
} from '@parley/shared/domain';
import {
  ageColumn,
  complainantColumn,
  type Counts,
  staffColumn,
  subjectColumn,
} from '../aggregates/columns';
import type {
  InsightsIcbRef,
  InsightsPractice,
  Ko41bBreakdownCount,
  Ko41bCheckResult,
  Ko41bReturn,
} from '../insights.types';
import { CountNetwork, protect, SUPPRESSION_NOTE } from '../suppression/count-network';
import { ProtectedView } from './view-tables';

export interface Ko41bInput {
  icb: InsightsIcbRef;
  practice: InsightsPractice | null;
  financialYear: FinancialYear;
  /** Complaint counts of the scope by month (`yyyy-mm`), every month up to the end of the year. */
  months: Map<string, Counts>;
}

const CHECKS: Record<Ko41bCheckFailure['check'], string> = {
  age_sum:
    "The age breakdown adds up to the year's new complaints (every new complaint has an age band recorded).",
  status_sum:
    "The complainant status breakdown adds up to the year's new complaints (every one has a status recorded).",
  carried_forward: 'Carried forward equals brought forward plus new minus resolved.',
  outcomes_sum: 'Upheld, partially upheld and not upheld add up to the complaints resolved.',
  subject_area_total: 'Every new complaint has at least one subject area.',
  staff_group_total: 'Every new complaint has at least one staff group.',
};

/** The true figures of a return, from monthly aggregates (new by month received, resolved by month closed). */
export function ko41bFigures(input: Ko41bInput): {
  result: Ko41bResult;
  ageNotRecorded: number;
  statusNotRecorded: number;
} {
  const { start, end } = financialYearRange(input.financialYear);
  const [first, last] = [start.slice(0, 7), end.slice(0, 7)];
  const within: Counts = {};
  let receivedBefore = 0;
  let resolvedBefore = 0;
  for (const [month, counts] of input.months) {
    if (month > last) continue;
    const resolved = ALL_COMPLAINT_OUTCOMES.reduce((sum, o) => sum + (counts[o] ?? 0), 0);
    if (month < first) {
      receivedBefore += counts['received'] ?? 0;
      resolvedBefore += resolved;
    } else {
      for (const [column, n] of Object.entries(counts)) within[column] = (within[column] ?? 0) + n;
    }
  }
  const get = (column: string) => within[column] ?? 0;
  const broughtForward = receivedBefore - resolvedBefore;
  const resolved = ALL_COMPLAINT_OUTCOMES.reduce((sum, o) => sum + get(o), 0);
  const result: Ko41bResult = {
    financialYear: input.financialYear,
    broughtForward,
    new: get('received'),
    upheld: get('upheld'),
    partiallyUpheld: get('partially_upheld'),
    notUpheld: get('not_upheld'),
    resolved,
    carriedForward: broughtForward + get('received') - resolved,
    byAge: Object.fromEntries(
      ALL_PATIENT_AGE_BANDS.map((a) => [a, get(ageColumn(a))]),
    ) as Ko41bResult['byAge'],
    byStatus: Object.fromEntries(
      ALL_COMPLAINANT_STATUSES.map((s) => [s, get(complainantColumn(s))]),
    ) as Ko41bResult['byStatus'],
    bySubjectArea: Object.fromEntries(
      ALL_SUBJECT_AREAS.map((s) => [s, get(subjectColumn(s))]),
    ) as Ko41bResult['bySubjectArea'],
    byStaffGroup: Object.fromEntries(
      ALL_STAFF_GROUPS.map((g) => [g, get(staffColumn(g))]),
    ) as Ko41bResult['byStaffGroup'],
  };
  return {
    result,
    ageNotRecorded: get('age_not_recorded'),
    statusNotRecorded: get('complainant_not_recorded'),
  };
}

/**
 * The return as a network of its sums: ages (and "not recorded") flow into new, new into the
 * complainant statuses; those and brought forward flow out as resolved and carried forward;
 * resolved splits into outcomes. The undisplayed brought forward + new closes the circulation.
 * Subject areas and staff groups are not sums of anything (one complaint may have several).
 */
function network(figures: ReturnType<typeof ko41bFigures>): CountNetwork {
  const { result: r, ageNotRecorded, statusNotRecorded } = figures;
  const net = new CountNetwork();
  for (const a of ALL_PATIENT_AGE_BANDS) net.edge(`age:${a}`, 'S', 'N1', r.byAge[a]);
  net.edge('age:not_recorded', 'S', 'N1', ageNotRecorded);
  net.edge('new', 'N1', 'N2', r.new, 'total');
  for (const s of ALL_COMPLAINANT_STATUSES) net.edge(`status:${s}`, 'N2', 'F', r.byStatus[s]);
  net.edge('status:not_recorded', 'N2', 'F', statusNotRecorded);
  net.edge('broughtForward', 'S', 'F', r.broughtForward, 'total');
  net.edge('resolved', 'F', 'R', r.resolved, 'total');
  net.edge('upheld', 'R', 'Z', r.upheld);
  net.edge('partially_upheld', 'R', 'Z', r.partiallyUpheld);
  net.edge('not_upheld', 'R', 'Z', r.notUpheld);
  net.edge('carriedForward', 'F', 'Z', r.carriedForward, 'total');
  net.edge('handled', 'Z', 'S', r.broughtForward + r.new, 'hidden');
  for (const s of ALL_SUBJECT_AREAS) net.loose(`subject:${s}`, r.bySubjectArea[s]);
  for (const g of ALL_STAFF_GROUPS) net.loose(`staff:${g}`, r.byStaffGroup[g]);
  if (!net.balanced())
    throw new Error('The KO41(b) figures do not add up: the aggregates are inconsistent.');
  return net;
}

export interface Ko41bView {
  view: Ko41bReturn;
  /** The export line in KO41(b) column order, suppressed like the view. */
  csv: string;
}

export function buildKo41bView(input: Ko41bInput): Ko41bView {
  const figures = ko41bFigures(input);
  const net = network(figures);
  const view = new ProtectedView(net, protect(net));
  const breakdown = (
    prefix: string,
    keys: readonly string[],
    label: (k: string) => string,
  ): Ko41bBreakdownCount[] =>
    keys.map((k) => ({ key: k, label: label(k), count: view.count(`${prefix}:${k}`) }));
  const failed = new Set(ko41bArithmeticChecks(figures.result).map((f) => f.check));
  const checks: Ko41bCheckResult[] = (Object.keys(CHECKS) as Ko41bCheckFailure['check'][]).map(
    (check) => ({
      check,
      passed: !failed.has(check),
      description: CHECKS[check],
    }),
  );
  const ko41b: Ko41bReturn = {
    icb: input.icb,
    practice: input.practice,
    financialYear: input.financialYear,
    broughtForward: view.count('broughtForward'),
    new: view.count('new'),
    upheld: view.count('upheld'),
    partiallyUpheld: view.count('partially_upheld'),
    notUpheld: view.count('not_upheld'),
    resolved: view.count('resolved'),
    carriedForward: view.count('carriedForward'),
    byAge: breakdown(
      'age',
      [...ALL_PATIENT_AGE_BANDS, 'not_recorded'],
      (k) => PATIENT_AGE_BAND_LABELS[k as never] ?? 'Not recorded',
    ),
    byComplainantStatus: breakdown(
      'status',
      [...ALL_COMPLAINANT_STATUSES, 'not_recorded'],
      (k) => COMPLAINANT_STATUS_LABELS[k as never] ?? 'Not recorded',
    ),
    bySubjectArea: breakdown('subject', ALL_SUBJECT_AREAS, (k) => SUBJECT_AREA_LABELS[k as never]),
    byStaffGroup: breakdown('staff', ALL_STAFF_GROUPS, (k) => STAFF_GROUP_LABELS[k as never]),
    checks,
    checksPassed: failed.size === 0,
    suppressionNote: SUPPRESSION_NOTE,
  };
  return { view: ko41b, csv: ko41bCsv(input, view) };
}

/**
 * One line in the shared KO41(b) export layout, each figure shown or suppressed as in the view.
 * The column order is taken from ko41bCsvValues itself: it is given a result whose every figure
 * is a distinct tag, and each tag is looked up again.
 */
function ko41bCsv(input: Ko41bInput, view: ProtectedView): string {
  const ids: string[] = [];
  const tag = (id: string) => ids.push(id) - 1;
  const tagged: Ko41bResult = {
    financialYear: input.financialYear,
    broughtForward: tag('broughtForward'),
    new: tag('new'),
    upheld: tag('upheld'),
    partiallyUpheld: tag('partially_upheld'),
    notUpheld: tag('not_upheld'),
    resolved: tag('resolved'),
    carriedForward: tag('carriedForward'),
    byAge: Object.fromEntries(
      ALL_PATIENT_AGE_BANDS.map((a) => [a, tag(`age:${a}`)]),
    ) as Ko41bResult['byAge'],
    byStatus: Object.fromEntries(
      ALL_COMPLAINANT_STATUSES.map((s) => [s, tag(`status:${s}`)]),
    ) as Ko41bResult['byStatus'],
    bySubjectArea: Object.fromEntries(
      ALL_SUBJECT_AREAS.map((s) => [s, tag(`subject:${s}`)]),
    ) as Ko41bResult['bySubjectArea'],
    byStaffGroup: Object.fromEntries(
      ALL_STAFF_GROUPS.map((g) => [g, tag(`staff:${g}`)]),
    ) as Ko41bResult['byStaffGroup'],
  };
  const cells = ko41bCsvValues(tagged).map((i) => view.count(ids[i] as string).display);
  const organisation = input.practice ? input.practice.name : input.icb.name;
  return toCsv([ko41bCsvHeader(), [organisation, input.financialYear, ...cells]]);
}
