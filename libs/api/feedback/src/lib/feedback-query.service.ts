import { Injectable } from '@nestjs/common';
import {
  Database,
  InputError,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { EscalationSettingsService } from '@parley/api/escalation';
import {
  addDays,
  type ClockSettings,
  compareIsoDates,
  type FeedbackStatus,
  type IsoDate,
} from '@parley/shared/domain';
import { BankHolidaysService } from './bank-holidays.service';
import { ukToday } from './calendar';
import type { FeedbackFilter } from './feedback.inputs';
import {
  clocksOf,
  FEEDBACK_SELECT,
  type FeedbackRow,
  isOverdue,
  toFeedbackItem,
} from './feedback-rows';
import type {
  FeedbackItem,
  FeedbackItemPage,
  FeedbackStatusChange,
  OverdueFeedback,
} from './feedback.types';
import { loadFeedbackRow } from './feedback-writer';

/** Delay letters due within this many days show on the home page before they are overdue. */
const DELAY_LETTER_WARNING_DAYS = 14;
/** Open complaints read to work out which are overdue; a practice has tens, not thousands. */
const OPEN_COMPLAINTS_LIMIT = 5000;

/**
 * Ties in time (steps written in one transaction, by an import, on a coarse clock) are broken by
 * the workflow's own order: an item never returns to an earlier status.
 */
const STEP_ORDER = `ARRAY['received', 'acknowledged', 'investigating', 'responded', 'closed', 'withdrawn']::text[]`;

const OPEN_COMPLAINTS_WHERE = `i.practice_id = $1 AND i.kind = 'complaint' AND NOT i.outside_regulations
  AND i.status IN ('received', 'acknowledged', 'investigating', 'responded')`;

/** Reads of the active practice's log, with each complaint's clocks worked out as of today. */
@Injectable()
export class FeedbackQueryService {
  constructor(
    private readonly database: Database,
    private readonly holidays: BankHolidaysService,
    private readonly escalation: EscalationSettingsService,
  ) {}

  /** The practice's clock settings in force (the regulations' limits until it saves its own). */
  async clockSettingsIn(uow: UnitOfWork): Promise<ClockSettings> {
    return (await this.escalation.inForceIn(uow)).settings.clocks;
  }

  list(
    ctx: RequestContext,
    filter: FeedbackFilter | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<FeedbackItemPage> {
    const practiceId = ctx.practiceId;
    const cursor = after ? decodeCursor(after) : null;
    const today = ukToday();
    return this.database.run(ctx, async (uow) => {
      const params: unknown[] = [practiceId];
      const param = (value: unknown) => {
        params.push(value);
        return `$${params.length}`;
      };
      const where: string[] = ['i.practice_id = $1'];
      if (filter?.status) where.push(`i.status = ${param(filter.status)}`);
      if (filter?.kind) where.push(`i.kind = ${param(filter.kind)}`);
      if (filter?.channelId) where.push(`i.channel_id = ${param(filter.channelId)}::uuid`);
      if (typeof filter?.overdue === 'boolean') {
        const overdueIds = (await this.overdueRows(uow, practiceId, today)).map((r) => r.id);
        where.push(
          filter.overdue
            ? `i.id = ANY(${param(overdueIds)}::uuid[])`
            : `i.id <> ALL(${param(overdueIds)}::uuid[])`,
        );
      }
      const search = filter?.search?.trim();
      if (search) {
        const pattern = param(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        const reference = param(search);
        where.push(
          `(t.summary ILIKE ${pattern} OR ct.name ILIKE ${pattern} OR ct.email ILIKE ${pattern} OR upper(left(i.id::text, 8)) = upper(${reference}))`,
        );
      }
      const countWhere = where.join(' AND ');
      const countParams = [...params];
      if (cursor)
        where.push(
          `(i.received_at, i.id) < (${param(cursor.receivedAt)}::timestamptz, ${param(cursor.id)}::uuid)`,
        );
      const limit = param(first + 1);
      const rows = await uow.query<FeedbackRow>(
        `${FEEDBACK_SELECT} WHERE ${where.join(' AND ')} ORDER BY i.received_at DESC, i.id DESC LIMIT ${limit}`,
        params,
      );
      const [{ count }] = await uow.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM feedback_items i
           JOIN feedback_texts t ON t.practice_id = i.practice_id AND t.feedback_id = i.id
           LEFT JOIN feedback_contacts ct ON ct.practice_id = i.practice_id AND ct.feedback_id = i.id
          WHERE ${countWhere}`,
        countParams,
      );
      const page = rows.slice(0, first);
      const items = await this.toItems(uow, page, today);
      const last = page[page.length - 1];
      return {
        items,
        totalCount: count,
        hasNextPage: rows.length > first,
        endCursor: last ? encodeCursor(new Date(last.received_at), last.id) : null,
      };
    });
  }

  get(ctx: RequestContext, id: string): Promise<FeedbackItem> {
    return this.database.run(ctx, (uow) => this.itemIn(uow, id));
  }

  /** One item of the bound practice as the API returns it; not found for any other id. */
  async itemIn(uow: UnitOfWork, id: string): Promise<FeedbackItem> {
    const row = await loadFeedbackRow(uow, id);
    if (!row) throw new NotFoundError('The feedback item');
    return (await this.toItems(uow, [row], ukToday()))[0];
  }

  async toItems(uow: UnitOfWork, rows: FeedbackRow[], today: IsoDate): Promise<FeedbackItem[]> {
    if (rows.length === 0) return [];
    const days = rows.map((r) => r.received_on).sort(compareIsoDates);
    const holidays = await this.holidays.calendarIn(uow, days[0], days[days.length - 1]);
    const settings = await this.clockSettingsIn(uow);
    return rows.map((row) => toFeedbackItem(row, holidays, today, settings));
  }

  overdue(ctx: RequestContext): Promise<OverdueFeedback> {
    const practiceId = ctx.practiceId;
    const today = ukToday();
    const soon = addDays(today, DELAY_LETTER_WARNING_DAYS);
    return this.database.run(ctx, async (uow) => {
      const rows = await this.openComplaints(uow, practiceId);
      const items = await this.toItems(uow, rows, today);
      const ack = items.filter((i) => i.clocks?.acknowledgementOverdue);
      const delay = items.filter(
        (i) =>
          i.clocks &&
          !i.respondedOn &&
          !i.clocks.delayLetterSentOn &&
          compareIsoDates(i.clocks.delayLetterDue as IsoDate, soon) <= 0,
      );
      const byDue =
        (key: 'acknowledgementDue' | 'delayLetterDue') => (a: FeedbackItem, b: FeedbackItem) =>
          (a.clocks?.[key] ?? '').localeCompare(b.clocks?.[key] ?? '');
      return {
        acknowledgementOverdue: ack.sort(byDue('acknowledgementDue')),
        delayLetterDue: delay.sort(byDue('delayLetterDue')),
        total: new Set([...ack, ...delay].map((i) => i.id)).size,
      };
    });
  }

  /** Workflow history of several items at once (the list's DataLoader), oldest step first. */
  async historyOf(
    ctx: RequestContext,
    ids: readonly string[],
  ): Promise<Map<string, FeedbackStatusChange[]>> {
    const practiceId = ctx.practiceId;
    const rows = await this.database.run(ctx, (uow) =>
      uow.query<HistoryRow>(
        `SELECT s.id, s.feedback_id, s.from_status, s.to_status, s.note, to_char(s.effective_on, 'YYYY-MM-DD') AS effective_on,
                s.occurred_at, s.actor_user_id, u.name AS actor_name
           FROM feedback_status_changes s LEFT JOIN users u ON u.id = s.actor_user_id
          WHERE s.practice_id = $1 AND s.feedback_id = ANY($2::uuid[])
          ORDER BY s.occurred_at, array_position(${STEP_ORDER}, s.to_status)`,
        [practiceId, [...ids]],
      ),
    );
    const byItem = new Map<string, FeedbackStatusChange[]>(ids.map((id) => [id, []]));
    for (const row of rows) {
      byItem.get(row.feedback_id)?.push({
        id: row.id,
        from: row.from_status,
        to: row.to_status,
        note: row.note,
        effectiveOn: row.effective_on,
        occurredAt: new Date(row.occurred_at),
        by: row.actor_user_id
          ? { id: row.actor_user_id, name: row.actor_name ?? 'Former member of staff' }
          : null,
      });
    }
    return byItem;
  }

  private openComplaints(uow: UnitOfWork, practiceId: string): Promise<FeedbackRow[]> {
    return uow.query<FeedbackRow>(
      `${FEEDBACK_SELECT} WHERE ${OPEN_COMPLAINTS_WHERE} ORDER BY i.received_at LIMIT ${OPEN_COMPLAINTS_LIMIT}`,
      [practiceId],
    );
  }

  private async overdueRows(
    uow: UnitOfWork,
    practiceId: string,
    today: IsoDate,
  ): Promise<FeedbackRow[]> {
    const rows = await this.openComplaints(uow, practiceId);
    if (rows.length === 0) return [];
    const holidays = await this.holidays.calendarIn(
      uow,
      rows[0].received_on,
      rows[rows.length - 1].received_on,
    );
    const settings = await this.clockSettingsIn(uow);
    return rows.filter((row) => isOverdue(clocksOf(row, holidays, today, settings)));
  }
}

interface HistoryRow {
  id: string;
  feedback_id: string;
  from_status: FeedbackStatus | null;
  to_status: FeedbackStatus;
  note: string | null;
  effective_on: string;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_name: string | null;
}

function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { receivedAt: string; id: string } {
  try {
    const [receivedAt, id] = JSON.parse(
      Buffer.from(cursor, 'base64url').toString('utf8'),
    ) as unknown[];
    if (
      typeof receivedAt === 'string' &&
      !Number.isNaN(Date.parse(receivedAt)) &&
      typeof id === 'string' &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { receivedAt, id };
    }
  } catch {
    // reported below
  }
  throw new InputError('after is not a cursor from this list.', 'after');
}
