import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import {
  addMonths,
  COMPLAINT_RETENTION,
  type FeedbackStatus,
  type IsoDate,
  isIsoDate,
  type RetentionDecision,
  retentionEnded,
  retentionEndsOn,
} from '@parley/shared/domain';
import { ukToday } from './calendar';
import { referenceOf } from './feedback-rows';
import type { RecordRetentionReviewInput, RetentionReviewArgs } from './retention.inputs';
import type {
  RetentionReview,
  RetentionReviewItem,
  RetentionReviewPage,
  RetentionSettings,
} from './retention.types';

interface SettingsRow {
  retention_years: number;
  updated_at: Date | string;
  updated_by: string | null;
}

interface ReviewItemRow {
  id: string;
  status: FeedbackStatus;
  received_on: IsoDate;
  closed_on: IsoDate;
  ends_on: IsoDate;
  due: boolean;
  review_id: string | null;
  decision: RetentionDecision | null;
  keep_years: number | null;
  keep_until: IsoDate | null;
  reason: string | null;
  review_retention_years: number | null;
  decided_at: Date | string | null;
  decided_by: string | null;
}

/**
 * Closed complaint records past the practice's retention period, each with its latest decision.
 * $1 practice, $2 retention years, $3 today. A record is past its period once it was closed more
 * than the period ago; it is due for review unless a decision still holds.
 */
const PAST_RETENTION = `
  WITH latest AS (
    SELECT DISTINCT ON (r.feedback_id) r.feedback_id, r.id AS review_id, r.decision, r.keep_years,
           to_char(r.keep_until, 'YYYY-MM-DD') AS keep_until, r.keep_until AS keep_until_day, r.reason,
           r.retention_years AS review_retention_years, r.decided_at, u.name AS decided_by
      FROM complaint_retention_reviews r LEFT JOIN users u ON u.id = r.decided_by
     WHERE r.practice_id = $1
     ORDER BY r.feedback_id, r.decided_at DESC, r.id DESC
  ), past AS (
    SELECT i.id, i.status, to_char(i.received_on, 'YYYY-MM-DD') AS received_on, i.closed_on AS closed_day,
           to_char(i.closed_on, 'YYYY-MM-DD') AS closed_on,
           to_char((i.closed_on + make_interval(years => $2::int))::date, 'YYYY-MM-DD') AS ends_on,
           l.review_id, l.decision, l.keep_years, l.keep_until, l.reason, l.review_retention_years,
           l.decided_at, l.decided_by,
           CASE WHEN l.decision IS NULL THEN true
                WHEN l.decision = 'keep' THEN l.keep_until_day < $3::date
                ELSE false END AS due
      FROM feedback_items i
      LEFT JOIN latest l ON l.feedback_id = i.id
     WHERE i.practice_id = $1 AND i.kind = 'complaint' AND i.closed_on IS NOT NULL
       AND (i.closed_on + make_interval(years => $2::int))::date < $3::date
  )`;

/**
 * Retention of complaint records: the practice's period, the records whose period has run, and
 * managers' decisions on them. Nothing here deletes a record; "approved for destruction" is a
 * decision for people to carry out, recorded and audited.
 */
@Injectable()
export class RetentionService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  settings(ctx: RequestContext): Promise<RetentionSettings> {
    return this.database.run(ctx, (uow) => this.settingsIn(uow));
  }

  async settingsIn(uow: UnitOfWork): Promise<RetentionSettings> {
    const [row] = await uow.query<SettingsRow>(
      `SELECT s.retention_years, s.updated_at, u.name AS updated_by
         FROM complaint_retention_settings s LEFT JOIN users u ON u.id = s.updated_by
        WHERE s.practice_id = $1`,
      [uow.practiceId],
    );
    if (!row)
      return {
        retentionYears: COMPLAINT_RETENTION.defaultYears,
        isDefault: true,
        updatedAt: null,
        updatedBy: null,
      };
    return {
      retentionYears: row.retention_years,
      isDefault: false,
      updatedAt: new Date(row.updated_at),
      updatedBy: row.updated_by,
    };
  }

  /** Years are checked at the edge (at least the Records Management Code's 10). */
  save(ctx: RequestContext, retentionYears: number): Promise<RetentionSettings> {
    return this.database.run(ctx, async (uow) => {
      const before = await this.settingsIn(uow);
      await uow.query(
        `INSERT INTO complaint_retention_settings (practice_id, retention_years, updated_by, updated_at)
         VALUES ($1, $2, $3, now())
         ON CONFLICT (practice_id) DO UPDATE
           SET retention_years = excluded.retention_years, updated_by = excluded.updated_by, updated_at = now()`,
        [uow.practiceId, retentionYears, ctx.userId],
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.retention_settings_saved',
        entityType: 'practice',
        entityId: uow.practiceId,
        details: { retentionYears, previousRetentionYears: before.retentionYears },
      });
      return this.settingsIn(uow);
    });
  }

  review(ctx: RequestContext, args: RetentionReviewArgs): Promise<RetentionReviewPage> {
    const cursor = args.after ? decodeCursor(args.after) : null;
    const today = ukToday();
    return this.database.run(ctx, async (uow) => {
      const { retentionYears } = await this.settingsIn(uow);
      const params: unknown[] = [uow.practiceId, retentionYears, today];
      const where: string[] = ['true'];
      if (args.onlyDue) where.push('due');
      const [{ total, due }] = await uow.query<{ total: number; due: number }>(
        `${PAST_RETENTION} SELECT count(*)::int AS total, count(*) FILTER (WHERE due)::int AS due FROM past`,
        params,
      );
      if (cursor) {
        params.push(cursor.closedOn, cursor.id);
        where.push(`(closed_day, id) > ($4::date, $5::uuid)`);
      }
      params.push(args.first + 1);
      const rows = await uow.query<ReviewItemRow>(
        `${PAST_RETENTION} SELECT * FROM past WHERE ${where.join(' AND ')}
          ORDER BY closed_day, id LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, args.first);
      const last = page[page.length - 1];
      return {
        items: page.map(toReviewItem),
        totalCount: total,
        dueCount: due,
        retentionYears,
        hasNextPage: rows.length > args.first,
        endCursor: last ? encodeCursor(last.closed_on, last.id) : null,
      };
    });
  }

  /** Appends a decision on a record whose retention period has run; deletes nothing. */
  record(ctx: RequestContext, input: RecordRetentionReviewInput): Promise<RetentionReviewItem> {
    const today = ukToday();
    return this.database.run(ctx, async (uow) => {
      const [item] = await uow.query<{
        kind: string;
        status: FeedbackStatus;
        closed_on: IsoDate | null;
      }>(
        `SELECT kind, status, to_char(closed_on, 'YYYY-MM-DD') AS closed_on
           FROM feedback_items WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
        [uow.practiceId, input.feedbackId],
      );
      if (!item) throw new NotFoundError('The feedback item');
      if (item.kind !== 'complaint')
        throw new ConflictError('Only complaint records are reviewed for retention.', 'feedbackId');
      if (!item.closed_on)
        throw new ConflictError(
          'This complaint is still open: its record is kept at least until it is closed.',
          'feedbackId',
        );
      const { retentionYears } = await this.settingsIn(uow);
      if (!retentionEnded(item.closed_on, retentionYears, today))
        throw new ConflictError(
          `This record is kept until ${retentionEndsOn(item.closed_on, retentionYears)} (${retentionYears} years after it was closed); it can be reviewed after that day.`,
          'feedbackId',
        );
      const keep = input.decision === 'keep';
      if (keep && !input.keepYears)
        throw new InputError('keepYears is required to keep the record for longer.', 'keepYears');
      if (!keep && input.keepYears)
        throw new InputError(
          'keepYears applies only to a decision to keep the record.',
          'keepYears',
        );
      const keepYears = keep ? (input.keepYears as number) : null;
      const keepUntil = keepYears ? addMonths(today, 12 * keepYears) : null;
      await uow.query(
        `INSERT INTO complaint_retention_reviews
           (practice_id, feedback_id, decision, keep_years, keep_until, reason, retention_years, decided_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          uow.practiceId,
          input.feedbackId,
          input.decision,
          keepYears,
          keepUntil,
          input.reason.trim(),
          retentionYears,
          ctx.userId,
        ],
      );
      // The reason is free text and may name people: the audit keeps the coded facts only.
      await this.audit.practice(ctx, uow, {
        action: 'feedback.retention_reviewed',
        entityType: 'feedback_item',
        entityId: input.feedbackId,
        details: { decision: input.decision, keepYears, keepUntil, retentionYears },
      });
      const [row] = await uow.query<ReviewItemRow>(
        `${PAST_RETENTION} SELECT * FROM past WHERE id = $4`,
        [uow.practiceId, retentionYears, today, input.feedbackId],
      );
      return toReviewItem(row);
    });
  }
}

function toReviewItem(row: ReviewItemRow): RetentionReviewItem {
  const latestReview: RetentionReview | null =
    row.review_id && row.decision
      ? {
          id: row.review_id,
          decision: row.decision,
          keepYears: row.keep_years,
          keepUntil: row.keep_until,
          reason: row.reason ?? '',
          retentionYears: row.review_retention_years ?? COMPLAINT_RETENTION.defaultYears,
          decidedAt: new Date(row.decided_at as Date | string),
          decidedBy: row.decided_by,
        }
      : null;
  return {
    feedbackId: row.id,
    reference: referenceOf(row.id),
    status: row.status,
    receivedOn: row.received_on,
    closedOn: row.closed_on,
    retentionEndsOn: row.ends_on,
    retentionReviewDue: row.due,
    latestReview,
  };
}

function encodeCursor(closedOn: IsoDate, id: string): string {
  return Buffer.from(JSON.stringify([closedOn, id])).toString('base64url');
}

function decodeCursor(cursor: string): { closedOn: IsoDate; id: string } {
  try {
    const [closedOn, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      isIsoDate(closedOn) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ) {
      return { closedOn, id };
    }
  } catch {
    // reported below
  }
  throw new InputError('after is not a cursor from this list.', 'after');
}
