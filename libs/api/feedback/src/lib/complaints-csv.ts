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
  DEFAULT_CLOCK_SETTINGS,
  type FeedbackKind,
  type FeedbackStatus,
  type IsoDate,
  PATIENT_AGE_BAND_LABELS,
  STAFF_GROUP_LABELS,
  SUBJECT_AREA_LABELS,
} from '@parley/shared/domain';
import { parse } from 'csv-parse/sync';
import { missingCoding, normaliseCoding } from './coding';
import {
  type Column,
  COLUMN_OF,
  CSV_COLUMNS,
  CSV_MAX_ROWS,
  type CsvChannel,
  findChannel,
  matchCode,
  type Problem,
  readContact,
  readReceived,
  REQUIRED,
  toDay,
} from './csv-columns';
import { FEEDBACK_LIMITS } from './feedback.inputs';
import type { CsvRowProblem } from './feedback.types';
import { type NewFeedbackItem, optionalText } from './feedback-writer';
import { importedSteps, statusProblems } from './imported-record';
import { intakeProblems } from './intake-rules';

export { CSV_COLUMNS, CSV_MAX_ROWS, type CsvChannel } from './csv-columns';

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
  timeLimitMonths = DEFAULT_CLOCK_SETTINGS.timeLimitMonths,
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
    const result = readRow(get, channels, today, createdBy, timeLimitMonths);
    if ('problems' in result)
      problems.push(...result.problems.map((p) => ({ row, field: p.field, message: p.message })));
    else items.push(result.item);
  });
  return { rows: data.length, items: problems.length ? [] : items, problems };
}

function readRow(
  get: (column: Column) => string,
  channels: readonly CsvChannel[],
  today: IsoDate,
  createdBy: string | null,
  timeLimitMonths: number,
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
        timeLimitMonths,
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
