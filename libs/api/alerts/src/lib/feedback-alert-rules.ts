import type { UnitOfWork } from '@parley/api/core';
import type { PracticeEscalationSettings } from '@parley/api/escalation';
import {
  addDays,
  compareIsoDates,
  complaintClocks,
  daysBetween,
  type IsoDate,
  volumeAlertTriggered,
} from '@parley/shared/domain';
import { AlertKind, type AlertDraft, AlertSubjectType } from './alert.types';

/** How long before the delay letter falls due the practice is told. */
export const DELAY_LETTER_NOTICE_DAYS = 14;

interface OpenComplaintRow {
  id: string;
  received_on: IsoDate;
  acknowledged_on: IsoDate | null;
  responded_on: IsoDate | null;
  delay_letter_sent: boolean;
}

/**
 * Alerts that the feedback log calls for as of `today`: complaints not acknowledged in time,
 * delay letters falling due, and the volume alert. Reads the log, writes nothing.
 */
export async function feedbackAlertDrafts(
  uow: UnitOfWork,
  settings: PracticeEscalationSettings,
  today: IsoDate,
): Promise<AlertDraft[]> {
  const practiceId = uow.practiceId;
  const drafts: AlertDraft[] = [];

  const complaints = await uow.query<OpenComplaintRow>(
    `SELECT id, to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(acknowledged_on, 'YYYY-MM-DD') AS acknowledged_on,
            to_char(responded_on, 'YYYY-MM-DD') AS responded_on, delay_letter_sent_on IS NOT NULL AS delay_letter_sent
       FROM feedback_items
      WHERE practice_id = $1 AND kind = 'complaint' AND status NOT IN ('closed', 'withdrawn') AND NOT outside_regulations
        AND received_on <= $2::date
        AND (acknowledged_on IS NULL OR (responded_on IS NULL AND delay_letter_sent_on IS NULL))`,
    [practiceId, today],
  );
  if (complaints.length > 0) {
    const earliest = complaints.reduce(
      (min, c) => (compareIsoDates(c.received_on, min) < 0 ? c.received_on : min),
      today,
    );
    const holidays = new Set(
      (
        await uow.query<{ day: IsoDate }>(
          `SELECT to_char(holiday_on, 'YYYY-MM-DD') AS day FROM bank_holidays WHERE holiday_on >= $1::date`,
          [earliest],
        )
      ).map((r) => r.day),
    );
    for (const complaint of complaints) {
      const clocks = complaintClocks({
        receivedOn: complaint.received_on,
        acknowledgedOn: complaint.acknowledged_on ?? undefined,
        respondedOn: complaint.responded_on ?? undefined,
        ackWorkingDays: settings.clocks.ackWorkingDays,
        delayLetterMonths: settings.clocks.delayLetterMonths,
        holidays,
        today,
      });
      if (clocks.acknowledgementOverdue) {
        drafts.push({
          kind: AlertKind.AcknowledgementOverdue,
          dedupeKey: `acknowledgement_overdue:${complaint.id}`,
          subject: `The complaint received on ${complaint.received_on} has not been acknowledged; it was due by ${clocks.acknowledgementDue}.`,
          subjectType: AlertSubjectType.Feedback,
          subjectId: complaint.id,
          dueOn: clocks.acknowledgementDue,
        });
      }
      const noticeFrom = addDays(clocks.delayLetterDue, -DELAY_LETTER_NOTICE_DAYS);
      if (
        !complaint.responded_on &&
        !complaint.delay_letter_sent &&
        compareIsoDates(today, noticeFrom) >= 0
      ) {
        drafts.push({
          kind: AlertKind.DelayLetterDue,
          dedupeKey: `delay_letter_due:${complaint.id}`,
          subject: `No response yet to the complaint received on ${complaint.received_on}: write to explain the delay by ${clocks.delayLetterDue}.`,
          subjectType: AlertSubjectType.Feedback,
          subjectId: complaint.id,
          dueOn: clocks.delayLetterDue,
        });
      }
    }
  }

  const volume = await volumeAlertDraft(uow, settings, today);
  if (volume) drafts.push(volume);
  return drafts;
}

async function volumeAlertDraft(
  uow: UnitOfWork,
  settings: PracticeEscalationSettings,
  today: IsoDate,
): Promise<AlertDraft | null> {
  const { count, withinDays, of } = settings.volumeAlert;
  const items = await uow.query<{ received_on: IsoDate; negative: boolean; complaint: boolean }>(
    `SELECT to_char(received_on, 'YYYY-MM-DD') AS received_on, sentiment = 'negative' AS negative, kind = 'complaint' AS complaint
       FROM feedback_items
      WHERE practice_id = $1 AND received_on BETWEEN $2::date AND $3::date
        AND (CASE WHEN $4 = 'negative' THEN sentiment = 'negative' ELSE kind = 'complaint' END)`,
    [uow.practiceId, addDays(today, -withinDays), today, of],
  );
  const mapped = items.map((i) => ({
    receivedOn: i.received_on,
    negative: i.negative,
    complaint: i.complaint,
  }));
  if (!volumeAlertTriggered(settings, mapped, today)) return null;
  // One alert per window-long period while the volume stays high, however often it is evaluated.
  const period = Math.floor(daysBetween('1970-01-01', today) / withinDays);
  const what = of === 'negative' ? 'negative items' : 'complaints';
  return {
    kind: AlertKind.VolumeThreshold,
    dedupeKey: `volume:${of}:${count}/${withinDays}:${period}`,
    subject: `${items.length} ${what} in the ${withinDays} days to ${today} (the alert is set at ${count}).`,
    subjectType: AlertSubjectType.Practice,
    subjectId: null,
    dueOn: null,
  };
}
