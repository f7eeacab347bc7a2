import {
  ALL_COMPLAINANT_STATUSES,
  ALL_COMPLAINT_OUTCOMES,
  ALL_FEEDBACK_KINDS,
  ALL_FEEDBACK_STATUSES,
  ALL_PATIENT_AGE_BANDS,
  ALL_SENTIMENTS,
  ALL_STAFF_GROUPS,
  ALL_SUBJECT_AREAS,
  COMPLAINANT_STATUS_LABELS,
  type FeedbackKind,
  type FeedbackStatus,
  type IsoDate,
  isIsoDate,
  londonDateOf,
  PATIENT_AGE_BAND_LABELS,
  STAFF_GROUP_LABELS,
  SUBJECT_AREA_LABELS,
} from '@parley/shared/domain';
import type { ChannelKind } from '@parley/shared/policy-render';
import { parse } from 'csv-parse/sync';
import { isEmail } from 'class-validator';
import { isAfter, isBefore } from './calendar';
import { missingCoding, normaliseCoding } from './coding';
import { FEEDBACK_LIMITS, PHONE_PATTERN } from './feedback.inputs';
import type { CsvRowProblem } from './feedback.types';
import {
  contactFields,
  type NewFeedbackItem,
  optionalText,
  type StatusStep,
} from './feedback-writer';
import { intakeProblems } from './intake-rules';
import { isFinal } from './workflow-rules';

/** Rows accepted in one import. */
export const CSV_MAX_ROWS = 5000;

/** The columns, in the order the documentation lists them. Only the first three are required. */
export const CSV_COLUMNS = [
  'received_on',
  'channel',
  'summary',
  'kind',
  'sentiment',
  'oral',
  'status',
  'subject_areas',
  'staff_groups',
  'complainant_status',
  'age_band',
  'event_on',
  'aware_on',
  'time_limit_waived_because',
  'acknowledged_on',
  'responded_on',
  'closed_on',
  'outcome',
  'phso_informed',
  'contact_name',
  'contact_email',
  'contact_phone',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['received_on', 'channel', 'summary'];

/** GraphQL field names of the shared intake rules, as CSV columns. */
const COLUMN_OF: Record<string, Column> = {
  receivedAt: 'received_on',
  eventOn: 'event_on',
  awareOn: 'aware_on',
  coding: 'subject_areas',
  timeLimitWaivedBecause: 'time_limit_waived_because',
  'coding.subjectAreas': 'subject_areas',
  'coding.complainantStatus': 'complainant_status',
  'coding.ageBand': 'age_band',
};

export interface CsvChannel {
  id: string;
  kind: ChannelKind;
  label: string;
}

export interface ParsedComplaints {
  rows: number;
  items: NewFeedbackItem[];
  problems: CsvRowProblem[];
}

/**
 * Reads a complaints log exported from a spreadsheet and checks every row, collecting every
 * problem (row numbers as the spreadsheet shows them: the header is row 1). Items are returned
 * only when no row has a problem.
 */
export function parseComplaintsCsv(
  csv: string,
  channels: readonly CsvChannel[],
  today: IsoDate,
  createdBy: string | null,
): ParsedComplaints {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      rows: 0,
      items: [],
      problems: [
        {
          row: typeof line === 'number' ? line : 1,
          field: null,
          message: `The file is not valid CSV: ${(error as Error).message}`,
        },
      ],
    };
  }
  const [header, ...data] = records;
  if (!header)
    return {
      rows: 0,
      items: [],
      problems: [
        { row: 1, field: null, message: 'The file is empty: it needs a header row and data rows.' },
      ],
    };

  const headerProblems: CsvRowProblem[] = [];
  const columns = header.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  columns.forEach((name, i) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      headerProblems.push({
        row: 1,
        field: header[i],
        message: `Unknown column "${header[i]}". Columns are: ${CSV_COLUMNS.join(', ')}.`,
      });
    } else if (columns.indexOf(name) !== i) {
      headerProblems.push({ row: 1, field: name, message: `The column ${name} appears twice.` });
    }
  });
  for (const required of REQUIRED) {
    if (!columns.includes(required))
      headerProblems.push({
        row: 1,
        field: required,
        message: `The column ${required} is required.`,
      });
  }
  if (headerProblems.length > 0) return { rows: data.length, items: [], problems: headerProblems };
  if (data.length === 0)
    return {
      rows: 0,
      items: [],
      problems: [{ row: 2, field: null, message: 'The file has a header but no data rows.' }],
    };
  if (data.length > CSV_MAX_ROWS) {
    return {
      rows: data.length,
      items: [],
      problems: [
        {
          row: 1,
          field: null,
          message: `At most ${CSV_MAX_ROWS} rows can be imported at once; this file has ${data.length}.`,
        },
      ],
    };
  }

  const items: NewFeedbackItem[] = [];
  const problems: CsvRowProblem[] = [];
  data.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length > columns.length) {
      problems.push({
        row,
        field: null,
        message: `The row has ${cells.length} cells but the header has ${columns.length} columns.`,
      });
      return;
    }
    const get = (column: Column) => {
      const i = columns.indexOf(column);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const result = readRow(get, channels, today, createdBy);
    if ('problems' in result)
      problems.push(...result.problems.map((p) => ({ row, field: p.field, message: p.message })));
    else items.push(result.item);
  });
  return { rows: data.length, items: problems.length ? [] : items, problems };
}

type Problem = { field: Column | null; message: string };

function readRow(
  get: (column: Column) => string,
  channels: readonly CsvChannel[],
  today: IsoDate,
  createdBy: string | null,
): { item: NewFeedbackItem } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const fail = (field: Column, message: string) => {
    problems.push({ field, message });
    return undefined;
  };
  const required = (column: Column) => get(column) || fail(column, `${column} is required.`);
  const day = (column: Column): IsoDate | null => {
    const text = get(column);
    if (!text) return null;
    return (
      toDay(text) ??
      fail(column, `${column} must be a date written yyyy-mm-dd or dd/mm/yyyy, not "${text}".`) ??
      null
    );
  };
  const oneOf = <T extends string>(
    column: Column,
    values: readonly T[],
    labels?: Readonly<Record<T, string>>,
  ): T | null => {
    const text = get(column);
    if (!text) return null;
    return (
      matchCode(text, values, labels) ??
      fail(column, `${column} must be one of ${values.join(', ')}, not "${text}".`) ??
      null
    );
  };
  const manyOf = <T extends string>(
    column: Column,
    values: readonly T[],
    labels: Readonly<Record<T, string>>,
  ): T[] =>
    get(column)
      .split(/[;|]/)
      .map((part) => part.trim())
      .filter(Boolean)
      .flatMap(
        (part) =>
          matchCode(part, values, labels) ??
          fail(
            column,
            `${column}: "${part}" is not one of ${values.join(', ')} (separate several with ;).`,
          ) ??
          [],
      );
  const yesNo = (column: Column): boolean => {
    const text = get(column).toLowerCase();
    if (['', 'no', 'n', 'false', '0'].includes(text)) return false;
    if (['yes', 'y', 'true', '1'].includes(text)) return true;
    fail(column, `${column} must be yes or no, not "${get(column)}".`);
    return false;
  };

  const received = readReceived(get('received_on'));
  if (get('received_on') && !received)
    fail(
      'received_on',
      `received_on must be a date written yyyy-mm-dd or dd/mm/yyyy, not "${get('received_on')}".`,
    );
  if (!get('received_on')) fail('received_on', 'received_on is required.');
  const channel = findChannel(get('channel'), channels, fail);
  const summary = required('summary');
  if (summary && summary.length > FEEDBACK_LIMITS.summary)
    fail('summary', 'summary is longer than the limit of 4,000 characters.');
  const kind: FeedbackKind = oneOf('kind', ALL_FEEDBACK_KINDS) ?? 'complaint';
  const sentiment =
    oneOf('sentiment', ALL_SENTIMENTS) ??
    (kind === 'complaint' ? 'negative' : kind === 'compliment' ? 'positive' : 'neutral');
  const oral = yesNo('oral');
  const status: FeedbackStatus = oneOf('status', ALL_FEEDBACK_STATUSES) ?? 'received';
  const coding = normaliseCoding({
    subjectAreas: manyOf('subject_areas', ALL_SUBJECT_AREAS, SUBJECT_AREA_LABELS),
    staffGroups: manyOf('staff_groups', ALL_STAFF_GROUPS, STAFF_GROUP_LABELS),
    complainantStatus: oneOf(
      'complainant_status',
      ALL_COMPLAINANT_STATUSES,
      COMPLAINANT_STATUS_LABELS,
    ),
    ageBand: oneOf('age_band', ALL_PATIENT_AGE_BANDS, PATIENT_AGE_BAND_LABELS),
  });
  const hasCoding =
    coding.subjectAreas.length > 0 ||
    coding.staffGroups.length > 0 ||
    !!coding.complainantStatus ||
    !!coding.ageBand;
  const eventOn = day('event_on');
  const awareOn = day('aware_on');
  const waiver = optionalText(get('time_limit_waived_because'));
  if (waiver && waiver.length > FEEDBACK_LIMITS.waiverReason)
    fail('time_limit_waived_because', 'time_limit_waived_because is longer than 1,000 characters.');
  const acknowledgedOn = day('acknowledged_on');
  const respondedOn = day('responded_on');
  const closedOn = day('closed_on');
  const outcome = oneOf('outcome', ALL_COMPLAINT_OUTCOMES);
  const phsoInformed = yesNo('phso_informed');
  const contact = readContact(get, fail);

  if (received) {
    for (const p of intakeProblems(
      {
        kind,
        receivedOn: received.on,
        eventOn,
        awareOn,
        hasCoding,
        timeLimitWaivedBecause: waiver,
      },
      today,
    )) {
      problems.push({
        field: COLUMN_OF[p.field] ?? null,
        message: p.message.replace(
          /\b(receivedAt|eventOn|awareOn|timeLimitWaivedBecause)\b/g,
          (f) => COLUMN_OF[f] ?? f,
        ),
      });
    }
    problems.push(
      ...statusProblems({
        kind,
        status,
        receivedOn: received.on,
        acknowledgedOn,
        respondedOn,
        closedOn,
        outcome,
        phsoInformed,
        today,
      }),
    );
    if (kind === 'complaint' && status === 'closed') {
      for (const p of missingCoding(coding))
        problems.push({
          field: COLUMN_OF[p.field] ?? null,
          message: p.message.replace('before closing it', 'for a closed complaint'),
        });
    }
  }
  if (problems.length > 0 || !received || !channel || !summary) return { problems };

  return {
    item: {
      channelId: channel.id,
      source: 'import',
      receivedAt: received.at,
      receivedOn: received.on,
      kind,
      sentiment,
      oral,
      summary,
      coding: kind === 'complaint' ? coding : null,
      eventOn,
      awareOn,
      timeLimitWaivedBecause: waiver,
      contact,
      createdBy,
      later: {
        status,
        acknowledgedOn,
        respondedOn,
        closedOn,
        outcome: kind === 'complaint' && status === 'closed' ? outcome : null,
        phsoInformed: kind === 'complaint' && phsoInformed,
        steps: importedSteps(kind, status, received.on, acknowledgedOn, respondedOn, closedOn),
      },
    },
  };
}

interface StatusFacts {
  kind: FeedbackKind;
  status: FeedbackStatus;
  receivedOn: IsoDate;
  acknowledgedOn: IsoDate | null;
  respondedOn: IsoDate | null;
  closedOn: IsoDate | null;
  outcome: string | null;
  phsoInformed: boolean;
  today: IsoDate;
}

/** The record must be one the workflow could have produced: dates in order, for the status reached. */
function statusProblems(f: StatusFacts): Problem[] {
  const problems: Problem[] = [];
  const order: FeedbackStatus[] = [
    'received',
    'acknowledged',
    'investigating',
    'responded',
    'closed',
  ];
  const reached = (step: FeedbackStatus) =>
    f.status !== 'withdrawn' && order.indexOf(f.status) >= order.indexOf(step);
  const complaint = f.kind === 'complaint';
  const dates: [Column, IsoDate | null, boolean][] = [
    ['acknowledged_on', f.acknowledgedOn, complaint && reached('acknowledged')],
    ['responded_on', f.respondedOn, complaint && reached('responded')],
    ['closed_on', f.closedOn, isFinal(f.status)],
  ];
  let previous = f.receivedOn;
  for (const [column, value, needed] of dates) {
    if (needed && !value)
      problems.push({
        field: column,
        message: `${column} is required for ${complaint ? 'a complaint' : 'an item'} that is ${f.status}.`,
      });
    if (!value) continue;
    if (
      column === 'closed_on'
        ? !isFinal(f.status)
        : f.status !== 'withdrawn' &&
          !reached(column === 'acknowledged_on' ? 'acknowledged' : 'responded')
    ) {
      problems.push({
        field: column,
        message: `${column} is given but the status is ${f.status}.`,
      });
    }
    if (isAfter(value, f.today))
      problems.push({ field: column, message: `${column} is in the future.` });
    if (isBefore(value, previous))
      problems.push({
        field: column,
        message: `${column} is before the step before it (${previous}).`,
      });
    previous = value;
  }
  if (f.outcome && !(complaint && f.status === 'closed'))
    problems.push({
      field: 'outcome',
      message: 'outcome is recorded only for a closed complaint.',
    });
  if (complaint && f.status === 'closed' && !f.outcome)
    problems.push({
      field: 'outcome',
      message:
        'outcome is required for a closed complaint: upheld, partially_upheld or not_upheld.',
    });
  if (complaint && reached('responded') && !f.phsoInformed) {
    problems.push({
      field: 'phso_informed',
      message:
        'phso_informed must be yes: the final response tells the complainant of their right to go to the Ombudsman.',
    });
  }
  if (!complaint && f.phsoInformed)
    problems.push({
      field: 'phso_informed',
      message: 'phso_informed is recorded for complaints only.',
    });
  return problems;
}

/**
 * The history an imported item gets, each step marked as imported: a complaint passes through
 * every step up to its status; otherwise only the steps whose dates are given, then the last.
 */
function importedSteps(
  kind: FeedbackKind,
  status: FeedbackStatus,
  receivedOn: IsoDate,
  ack: IsoDate | null,
  responded: IsoDate | null,
  closed: IsoDate | null,
): StatusStep[] {
  if (status === 'received') return [];
  const path: [FeedbackStatus, IsoDate | null][] = [
    ['acknowledged', ack],
    ['investigating', ack],
    ['responded', responded],
    [status === 'withdrawn' ? 'withdrawn' : 'closed', closed],
  ];
  const target = status === 'withdrawn' ? path.length - 1 : path.findIndex(([to]) => to === status);
  const everyStep = kind === 'complaint' && status !== 'withdrawn';
  const steps: StatusStep[] = [];
  let from: FeedbackStatus = 'received';
  let on = receivedOn;
  path.forEach(([to, day], i) => {
    const include =
      i === target || (i < target && (everyStep || (day !== null && to !== 'investigating')));
    if (!include) return;
    on = day ?? on;
    steps.push({ from, to, effectiveOn: on, note: 'Imported from a spreadsheet.' });
    from = to;
  });
  return steps;
}

function readReceived(text: string): { at: Date; on: IsoDate } | null {
  const day = toDay(text);
  if (day) return { at: new Date(`${day}T12:00:00Z`), on: day };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text))) {
    const at = new Date(text);
    return { at, on: londonDateOf(at) };
  }
  return null;
}

/** yyyy-mm-dd, or dd/mm/yyyy as UK spreadsheets write it. */
function toDay(text: string): IsoDate | null {
  if (isIsoDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return null;
  const iso = `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A code (`access_appointments`) or its label, ignoring case, spacing and the kind of dash. */
function matchCode<T extends string>(
  text: string,
  values: readonly T[],
  labels?: Readonly<Record<T, string>>,
): T | undefined {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\u2012-\u2015]/g, '-')
      .replace(/[\s_]+/g, ' ')
      .trim();
  const wanted = norm(text);
  return values.find((v) => norm(v) === wanted || (labels && norm(labels[v]) === wanted));
}

function findChannel(
  text: string,
  channels: readonly CsvChannel[],
  fail: (field: Column, message: string) => undefined,
): CsvChannel | undefined {
  if (!text)
    return fail(
      'channel',
      "channel is required: the label or kind of one of the practice's channels.",
    );
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s_]+/g, ' ')
      .trim();
  const byLabel = channels.filter((c) => norm(c.label) === norm(text));
  if (byLabel.length === 1) return byLabel[0];
  const byKind = channels.filter((c) => norm(c.kind) === norm(text));
  if (byKind.length === 1) return byKind[0];
  if (byKind.length > 1 || byLabel.length > 1)
    return fail(
      'channel',
      `Several channels match "${text}"; use the label of one: ${channels.map((c) => c.label).join('; ')}.`,
    );
  return fail(
    'channel',
    `"${text}" is not one of the practice's channels: ${channels.map((c) => `${c.label} (${c.kind})`).join('; ')}.`,
  );
}

function readContact(
  get: (column: Column) => string,
  fail: (field: Column, message: string) => undefined,
) {
  const email = get('contact_email');
  const phone = get('contact_phone');
  const name = get('contact_name');
  if (name.length > FEEDBACK_LIMITS.contactName)
    fail('contact_name', 'contact_name is longer than the limit of 200 characters.');
  if (email && (email.length > FEEDBACK_LIMITS.email || !isEmail(email)))
    fail('contact_email', `contact_email must be an email address, not "${email}".`);
  if (phone && !PHONE_PATTERN.test(phone))
    fail('contact_phone', 'contact_phone must be a phone number of digits and spaces.');
  return contactFields({ name, email, phone });
}
