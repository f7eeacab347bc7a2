import {
  type ClockSettings,
  type ComplainantStatus,
  type ComplaintOutcome,
  complaintClocks,
  type FeedbackKind,
  type FeedbackStatus,
  type IsoDate,
  type PatientAgeBand,
  type Sentiment,
  type StaffGroup,
  type SubjectArea,
} from '@parley/shared/domain';
import type { ChannelKind } from '@parley/shared/policy-render';
import type { FeedbackSource } from './feedback.enums';
import type { ComplaintClocks, FeedbackItem, Ko41bCoding } from './feedback.types';
import { isFinal, nextStatuses } from './workflow-rules';

/** One item as the log queries read it: the coded facts, its texts, channel and contact. */
export interface FeedbackRow {
  id: string;
  channel_id: string;
  channel_kind: ChannelKind;
  channel_label: string;
  source: FeedbackSource;
  received_at: Date | string;
  received_on: IsoDate;
  kind: FeedbackKind;
  sentiment: Sentiment;
  oral: boolean;
  status: FeedbackStatus;
  subject_areas: SubjectArea[];
  staff_groups: StaffGroup[];
  complainant_status: ComplainantStatus | null;
  age_band: PatientAgeBand | null;
  event_on: IsoDate | null;
  aware_on: IsoDate | null;
  time_limit_waived: boolean;
  acknowledged_on: IsoDate | null;
  responded_on: IsoDate | null;
  closed_on: IsoDate | null;
  delay_letter_sent_on: IsoDate | null;
  outcome: ComplaintOutcome | null;
  phso_informed: boolean;
  outside_regulations: boolean;
  summary: string;
  time_limit_waived_because: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  has_contact: boolean;
  created_at: Date | string;
  updated_at: Date | string;
}

const day = (column: string) => `to_char(i.${column}, 'YYYY-MM-DD') AS ${column}`;

/** FROM clause and columns of every item read; `i` is feedback_items. */
export const FEEDBACK_SELECT = `
  SELECT i.id, i.channel_id, c.kind AS channel_kind, c.label AS channel_label, i.source, i.received_at,
         ${day('received_on')}, i.kind, i.sentiment, i.oral, i.status,
         array_to_json(i.subject_areas) AS subject_areas, array_to_json(i.staff_groups) AS staff_groups,
         i.complainant_status, i.age_band, ${day('event_on')}, ${day('aware_on')}, i.time_limit_waived,
         ${day('acknowledged_on')}, ${day('responded_on')}, ${day('closed_on')}, ${day('delay_letter_sent_on')},
         i.outcome, i.phso_informed, i.outside_regulations,
         t.summary, t.time_limit_waived_because,
         ct.name AS contact_name, ct.email AS contact_email, ct.phone AS contact_phone, ct.feedback_id IS NOT NULL AS has_contact,
         i.created_at, i.updated_at
    FROM feedback_items i
    JOIN feedback_texts t ON t.practice_id = i.practice_id AND t.feedback_id = i.id
    JOIN feedback_channels c ON c.practice_id = i.practice_id AND c.id = i.channel_id
    LEFT JOIN feedback_contacts ct ON ct.practice_id = i.practice_id AND ct.feedback_id = i.id`;

/** The short reference quoted to complainants: the first 8 characters of the id. */
export function referenceOf(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

export function codingComplete(
  row: Pick<FeedbackRow, 'subject_areas' | 'complainant_status' | 'age_band'>,
): boolean {
  return row.subject_areas.length > 0 && row.complainant_status !== null && row.age_band !== null;
}

/**
 * The clocks of a complaint within the regulations, from the shared rules and the practice's
 * own clock settings (which may be stricter than the regulations, never looser). Once the item is
 * closed or withdrawn nothing is outstanding; a recorded delay letter settles that clock.
 */
export function clocksOf(
  row: FeedbackRow,
  holidays: ReadonlySet<IsoDate>,
  today: IsoDate,
  settings: ClockSettings,
): ComplaintClocks | null {
  if (row.kind !== 'complaint' || row.outside_regulations) return null;
  const clocks = complaintClocks({
    receivedOn: row.received_on,
    eventOn: row.event_on ?? undefined,
    awareOn: row.aware_on ?? undefined,
    acknowledgedOn: row.acknowledged_on ?? undefined,
    respondedOn: row.responded_on ?? undefined,
    ackWorkingDays: settings.ackWorkingDays,
    delayLetterMonths: settings.delayLetterMonths,
    timeLimitMonths: settings.timeLimitMonths,
    holidays,
    today,
  });
  const open = !isFinal(row.status);
  return {
    acknowledgementDue: clocks.acknowledgementDue,
    acknowledgementOverdue: open && clocks.acknowledgementOverdue,
    acknowledgedInTime: clocks.acknowledgedInTime ?? null,
    delayLetterDue: clocks.delayLetterDue,
    delayLetterOverdue: open && clocks.delayLetterOverdue && row.delay_letter_sent_on === null,
    delayLetterSentOn: row.delay_letter_sent_on,
    timeLimit: clocks.timeLimit
      ? {
          limitDate: clocks.timeLimit.limitDate,
          withinLimit: clocks.timeLimit.withinLimit,
          waived: row.time_limit_waived,
          waivedBecause: row.time_limit_waived_because,
        }
      : null,
  };
}

export function isOverdue(clocks: ComplaintClocks | null): boolean {
  return !!clocks && (clocks.acknowledgementOverdue || clocks.delayLetterOverdue);
}

export function toFeedbackItem(
  row: FeedbackRow,
  holidays: ReadonlySet<IsoDate>,
  today: IsoDate,
  settings: ClockSettings,
): FeedbackItem {
  const clocks = clocksOf(row, holidays, today, settings);
  const coding: Ko41bCoding | null =
    row.kind === 'complaint'
      ? {
          subjectAreas: row.subject_areas,
          staffGroups: row.staff_groups,
          complainantStatus: row.complainant_status,
          ageBand: row.age_band,
          complete: codingComplete(row),
        }
      : null;
  return {
    id: row.id,
    reference: referenceOf(row.id),
    channel: { id: row.channel_id, kind: row.channel_kind, label: row.channel_label },
    source: row.source,
    receivedAt: new Date(row.received_at),
    receivedOn: row.received_on,
    kind: row.kind,
    sentiment: row.sentiment,
    summary: row.summary,
    oral: row.oral,
    status: row.status,
    allowedTransitions: nextStatuses(row.kind, row.status),
    coding,
    eventOn: row.event_on,
    awareOn: row.aware_on,
    timeLimitFlagged:
      !!clocks?.timeLimit && !clocks.timeLimit.withinLimit && !clocks.timeLimit.waived,
    outcome: row.outcome,
    phsoInformed: row.phso_informed,
    outsideRegulations: row.outside_regulations,
    acknowledgedOn: row.acknowledged_on,
    respondedOn: row.responded_on,
    closedOn: row.closed_on,
    clocks,
    contact: row.has_contact
      ? { name: row.contact_name, email: row.contact_email, phone: row.contact_phone }
      : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
