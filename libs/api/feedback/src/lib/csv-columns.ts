import { type IsoDate, isIsoDate, londonDateOf } from '@parley/shared/domain';
import type { ChannelKind } from '@parley/shared/policy-render';
import { isEmail } from 'class-validator';
import { FEEDBACK_LIMITS, PHONE_PATTERN } from './feedback.inputs';
import { contactFields } from './feedback-writer';

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
export type Column = (typeof CSV_COLUMNS)[number];
export const REQUIRED: readonly Column[] = ['received_on', 'channel', 'summary'];

/** GraphQL field names of the shared intake rules, as CSV columns. */
export const COLUMN_OF: Record<string, Column> = {
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

export type Problem = { field: Column | null; message: string };

/** Reports a problem with a column and yields nothing, so readers can `return fail(…)`. */
export type Fail = (field: Column, message: string) => undefined;

export function readReceived(text: string): { at: Date; on: IsoDate } | null {
  const day = toDay(text);
  if (day) return { at: new Date(`${day}T12:00:00Z`), on: day };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text))) {
    const at = new Date(text);
    return { at, on: londonDateOf(at) };
  }
  return null;
}

/** yyyy-mm-dd, or dd/mm/yyyy as UK spreadsheets write it. */
export function toDay(text: string): IsoDate | null {
  if (isIsoDate(text)) return text;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!uk) return null;
  const iso = `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A code (`access_appointments`) or its label, ignoring case, spacing and the kind of dash. */
export function matchCode<T extends string>(
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

export function findChannel(
  text: string,
  channels: readonly CsvChannel[],
  fail: Fail,
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

export function readContact(get: (column: Column) => string, fail: Fail) {
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
