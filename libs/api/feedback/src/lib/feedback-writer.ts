import type { UnitOfWork } from '@parley/api/core';
import type {
  ComplainantStatus,
  ComplaintOutcome,
  FeedbackKind,
  FeedbackStatus,
  IsoDate,
  PatientAgeBand,
  Sentiment,
  StaffGroup,
  SubjectArea,
} from '@parley/shared/domain';
import type { FeedbackSource } from './feedback.enums';
import { FEEDBACK_SELECT, type FeedbackRow } from './feedback-rows';

export interface CodingFields {
  subjectAreas: SubjectArea[];
  staffGroups: StaffGroup[];
  complainantStatus: ComplainantStatus | null;
  ageBand: PatientAgeBand | null;
}

export interface ContactFields {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface StatusStep {
  from: FeedbackStatus | null;
  to: FeedbackStatus;
  effectiveOn: IsoDate;
  note: string | null;
}

/** An item ready to store: already validated by whichever path it came in by. */
export interface NewFeedbackItem {
  channelId: string;
  source: FeedbackSource;
  receivedAt: Date;
  receivedOn: IsoDate;
  kind: FeedbackKind;
  sentiment: Sentiment;
  oral: boolean;
  summary: string;
  coding: CodingFields | null;
  eventOn: IsoDate | null;
  awareOn: IsoDate | null;
  timeLimitWaivedBecause: string | null;
  contact: ContactFields | null;
  createdBy: string | null;
  /** Imports carry the rest of the record; everything else starts as received. */
  later?: {
    status: FeedbackStatus;
    acknowledgedOn: IsoDate | null;
    respondedOn: IsoDate | null;
    closedOn: IsoDate | null;
    outcome: ComplaintOutcome | null;
    phsoInformed: boolean;
    steps: StatusStep[];
  };
}

/**
 * Stores one item across its tables (coded facts, texts, contact, first history entries) in the
 * caller's unit of work. Auditing is the caller's: it knows why the item was created.
 */
export async function insertFeedbackItem(uow: UnitOfWork, item: NewFeedbackItem): Promise<string> {
  const practiceId = uow.practiceId;
  const later = item.later;
  const [{ id }] = await uow.query<{ id: string }>(
    `INSERT INTO feedback_items (practice_id, channel_id, source, received_at, received_on, kind, sentiment, oral,
                                 subject_areas, staff_groups, complainant_status, age_band, event_on, aware_on,
                                 time_limit_waived, status, acknowledged_on, responded_on, closed_on, outcome, phso_informed, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10::text[], $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     RETURNING id`,
    [
      practiceId,
      item.channelId,
      item.source,
      item.receivedAt,
      item.receivedOn,
      item.kind,
      item.sentiment,
      item.oral,
      item.coding?.subjectAreas ?? [],
      item.coding?.staffGroups ?? [],
      item.coding?.complainantStatus ?? null,
      item.coding?.ageBand ?? null,
      item.eventOn,
      item.awareOn,
      item.timeLimitWaivedBecause !== null,
      later?.status ?? 'received',
      later?.acknowledgedOn ?? null,
      later?.respondedOn ?? null,
      later?.closedOn ?? null,
      later?.outcome ?? null,
      later?.phsoInformed ?? false,
      item.createdBy,
    ],
  );
  await uow.query(
    `INSERT INTO feedback_texts (practice_id, feedback_id, summary, time_limit_waived_because) VALUES ($1, $2, $3, $4)`,
    [practiceId, id, item.summary, item.timeLimitWaivedBecause],
  );
  if (item.contact) {
    await uow.query(
      `INSERT INTO feedback_contacts (practice_id, feedback_id, name, email, phone) VALUES ($1, $2, $3, $4, $5)`,
      [practiceId, id, item.contact.name, item.contact.email, item.contact.phone],
    );
  }
  const steps: StatusStep[] = [
    { from: null, to: 'received', effectiveOn: item.receivedOn, note: null },
    ...(later?.steps ?? []),
  ];
  for (const step of steps) await recordStatusStep(uow, id, step, item.createdBy);
  return id;
}

export async function recordStatusStep(
  uow: UnitOfWork,
  feedbackId: string,
  step: StatusStep,
  actorUserId: string | null,
): Promise<void> {
  await uow.query(
    `INSERT INTO feedback_status_changes (practice_id, feedback_id, from_status, to_status, note, effective_on, actor_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [uow.practiceId, feedbackId, step.from, step.to, step.note, step.effectiveOn, actorUserId],
  );
}

/** One item of the bound practice, or null; `lock` holds it until the unit of work ends. */
export async function loadFeedbackRow(
  uow: UnitOfWork,
  id: string,
  lock = false,
): Promise<FeedbackRow | null> {
  const [row] = await uow.query<FeedbackRow>(
    `${FEEDBACK_SELECT} WHERE i.practice_id = $1 AND i.id = $2${lock ? ' FOR UPDATE OF i' : ''}`,
    [uow.practiceId, id],
  );
  return row ?? null;
}

/** Trims optional text to null when empty. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** Tidied contact details, or null when every field is empty. */
export function contactFields(
  input: { name?: string | null; email?: string | null; phone?: string | null } | null | undefined,
): ContactFields | null {
  if (!input) return null;
  const contact = {
    name: optionalText(input.name),
    email: optionalText(input.email)?.toLowerCase() ?? null,
    phone: optionalText(input.phone)?.replace(/\s+/g, ' ') ?? null,
  };
  return contact.name || contact.email || contact.phone ? contact : null;
}
