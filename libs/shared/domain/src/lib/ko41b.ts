import { toCsv } from './csv';
import {
  ALL_COMPLAINT_OUTCOMES,
  COMPLAINT_OUTCOME_LABELS,
  ComplaintOutcome,
} from './feedback-enums';
import { compareIsoDates, IsoDate, toIsoDate } from './iso-date';
import {
  ALL_COMPLAINANT_STATUSES,
  ALL_PATIENT_AGE_BANDS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  COMPLAINANT_STATUS_LABELS,
  ComplainantStatus,
  PATIENT_AGE_BAND_LABELS,
  PatientAgeBand,
  STAFF_GROUP_LABELS,
  StaffGroup,
  SUBJECT_AREA_LABELS,
  SubjectArea,
} from './ko41b-codes';

/** An NHS financial year, 1 April to 31 March, written `2024-25`. */
export type FinancialYear = `${number}-${number}`;

const FINANCIAL_YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

/**
 * True for `yyyy-yy` where the second year follows the first (`2024-25`, `1999-00`), starting
 * 1900 to 2198: there is no year 0 to count from (`0000-01` is not a year PostgreSQL can date).
 */
export function isFinancialYear(value: unknown): value is FinancialYear {
  if (typeof value !== 'string') return false;
  const match = FINANCIAL_YEAR_PATTERN.exec(value);
  if (match === null) return false;
  const start = Number(match[1]);
  return start >= 1900 && start <= 2198 && (start + 1) % 100 === Number(match[2]);
}

/** The financial year a date falls in: 31 March 2025 is in `2024-25`, 1 April 2025 in `2025-26`. */
export function financialYearOf(date: IsoDate): FinancialYear {
  const [year, month] = toIsoDate(date).split('-').map(Number) as [number, number];
  const startYear = month >= 4 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}` as FinancialYear;
}

/** First and last day of a financial year: `2024-25` → 2024-04-01 … 2025-03-31. */
export function financialYearRange(fy: FinancialYear): { start: IsoDate; end: IsoDate } {
  if (!isFinancialYear(fy)) throw new RangeError(`Not a financial year (yyyy-yy): "${fy}"`);
  const startYear = Number(fy.slice(0, 4));
  return {
    start: `${startYear}-04-01` as IsoDate,
    end: `${startYear + 1}-03-31` as IsoDate,
  };
}

/** One complaint, coded for the return. */
export interface Ko41bComplaint {
  receivedOn: IsoDate;
  closedOn?: IsoDate;
  outcome?: ComplaintOutcome;
  subjectAreas: readonly SubjectArea[];
  staffGroups: readonly StaffGroup[];
  complainantStatus: ComplainantStatus;
  ageBand: PatientAgeBand;
  /** False for what the return leaves out, e.g. an oral complaint resolved by the next working day. */
  withinRegulations: boolean;
}

/** The figures of one KO41(b) return. Breakdowns are of the year's new complaints. */
export interface Ko41bResult {
  financialYear: FinancialYear;
  broughtForward: number;
  new: number;
  upheld: number;
  partiallyUpheld: number;
  notUpheld: number;
  resolved: number;
  carriedForward: number;
  byAge: Record<PatientAgeBand, number>;
  byStatus: Record<ComplainantStatus, number>;
  bySubjectArea: Record<SubjectArea, number>;
  byStaffGroup: Record<StaffGroup, number>;
}

/**
 * Computes the return for a financial year from the complaints log. A complaint counts once in
 * the totals however many issues it raises; in the subject and staff breakdowns it counts once
 * under each distinct area or group it concerns. Complaints outside the regulations are left out.
 */
export function computeKo41b(
  complaints: readonly Ko41bComplaint[],
  fy: FinancialYear,
): Ko41bResult {
  const { start, end } = financialYearRange(fy);
  const before = (a: IsoDate, b: IsoDate) => compareIsoDates(a, b) < 0;
  const openOn = (c: Ko41bComplaint, day: IsoDate) =>
    c.closedOn === undefined || !before(c.closedOn, day);

  const result: Ko41bResult = {
    financialYear: fy,
    broughtForward: 0,
    new: 0,
    upheld: 0,
    partiallyUpheld: 0,
    notUpheld: 0,
    resolved: 0,
    carriedForward: 0,
    byAge: zeroes(ALL_PATIENT_AGE_BANDS),
    byStatus: zeroes(ALL_COMPLAINANT_STATUSES),
    bySubjectArea: zeroes(ALL_SUBJECT_AREAS),
    byStaffGroup: zeroes(ALL_STAFF_GROUPS),
  };
  for (const c of complaints) {
    if (!c.withinRegulations || before(end, c.receivedOn)) continue;
    if (before(c.receivedOn, start)) {
      if (openOn(c, start)) result.broughtForward++;
    } else {
      result.new++;
      result.byAge[c.ageBand]++;
      result.byStatus[c.complainantStatus]++;
      new Set(c.subjectAreas).forEach((area) => result.bySubjectArea[area]++);
      new Set(c.staffGroups).forEach((group) => result.byStaffGroup[group]++);
    }
    if (c.closedOn !== undefined && !before(c.closedOn, start) && !before(end, c.closedOn)) {
      result.resolved++;
      if (c.outcome === 'upheld') result.upheld++;
      if (c.outcome === 'partially_upheld') result.partiallyUpheld++;
      if (c.outcome === 'not_upheld') result.notUpheld++;
    }
    if (c.closedOn === undefined || before(end, c.closedOn)) result.carriedForward++;
  }
  return result;
}

/** A failed consistency rule of the return, as the national collection would reject it. */
export interface Ko41bCheckFailure {
  check:
    | 'age_sum'
    | 'status_sum'
    | 'carried_forward'
    | 'outcomes_sum'
    | 'subject_area_total'
    | 'staff_group_total';
  message: string;
}

/** The arithmetic the collection enforces; empty when the figures are consistent. */
export function ko41bArithmeticChecks(result: Ko41bResult): Ko41bCheckFailure[] {
  const failures: Ko41bCheckFailure[] = [];
  const age = sum(result.byAge);
  const status = sum(result.byStatus);
  const outcomes = result.upheld + result.partiallyUpheld + result.notUpheld;
  const expectedCarried = result.broughtForward + result.new - result.resolved;
  if (age !== result.new) {
    failures.push({
      check: 'age_sum',
      message: `Age breakdown adds to ${age}, not ${result.new} new complaints.`,
    });
  }
  if (status !== result.new) {
    failures.push({
      check: 'status_sum',
      message: `Complainant status breakdown adds to ${status}, not ${result.new} new complaints.`,
    });
  }
  if (result.carriedForward !== expectedCarried) {
    failures.push({
      check: 'carried_forward',
      message: `Carried forward is ${result.carriedForward}; brought forward + new − resolved is ${expectedCarried}.`,
    });
  }
  if (outcomes !== result.resolved) {
    failures.push({
      check: 'outcomes_sum',
      message: `Upheld + partially upheld + not upheld is ${outcomes}, not ${result.resolved} resolved: record an outcome for every resolved complaint.`,
    });
  }
  if (sum(result.bySubjectArea) < result.new) {
    failures.push({
      check: 'subject_area_total',
      message: 'Every new complaint needs at least one subject area.',
    });
  }
  if (sum(result.byStaffGroup) < result.new) {
    failures.push({
      check: 'staff_group_total',
      message: 'Every new complaint needs at least one staff group.',
    });
  }
  return failures;
}

/** One line of a KO41(b) export, e.g. one practice. */
export interface Ko41bCsvRow {
  label: string;
  result: Ko41bResult;
}

/** Header of the KO41(b) export: label, year, summary figures, then each breakdown. */
export function ko41bCsvHeader(): string[] {
  return [
    'Organisation',
    'Financial year',
    'Brought forward',
    'New',
    ...ALL_COMPLAINT_OUTCOMES.map((o) => COMPLAINT_OUTCOME_LABELS[o]),
    'Resolved',
    'Carried forward',
    ...ALL_PATIENT_AGE_BANDS.map((a) => `Age of patient: ${PATIENT_AGE_BAND_LABELS[a]}`),
    ...ALL_COMPLAINANT_STATUSES.map((s) => `Complainant: ${COMPLAINANT_STATUS_LABELS[s]}`),
    ...ALL_SUBJECT_AREAS.map((s) => `Subject area: ${SUBJECT_AREA_LABELS[s]}`),
    ...ALL_STAFF_GROUPS.map((g) => `Staff group: ${STAFF_GROUP_LABELS[g]}`),
  ];
}

/** The numbers of one result, in {@link ko41bCsvHeader} order after the two label columns. */
export function ko41bCsvValues(r: Ko41bResult): number[] {
  return [
    r.broughtForward,
    r.new,
    r.upheld,
    r.partiallyUpheld,
    r.notUpheld,
    r.resolved,
    r.carriedForward,
    ...ALL_PATIENT_AGE_BANDS.map((a) => r.byAge[a]),
    ...ALL_COMPLAINANT_STATUSES.map((s) => r.byStatus[s]),
    ...ALL_SUBJECT_AREAS.map((s) => r.bySubjectArea[s]),
    ...ALL_STAFF_GROUPS.map((g) => r.byStaffGroup[g]),
  ];
}

/** The export as CSV text (header line, then one line per row). */
export function ko41bToCsv(rows: readonly Ko41bCsvRow[]): string {
  return toCsv([
    ko41bCsvHeader(),
    ...rows.map((row) => [row.label, row.result.financialYear, ...ko41bCsvValues(row.result)]),
  ]);
}

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, n) => total + n, 0);
}
