import { Injectable } from '@nestjs/common';
import { FeedbackAlertsService } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  ForbiddenError,
  InputError,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { addWorkingDays, type IsoDate, isOutsideRegulations } from '@parley/shared/domain';
import { BankHolidaysService } from './bank-holidays.service';
import { isAfter, isBefore, ukToday } from './calendar';
import { codingOfRow, missingCoding } from './coding';
import { failOnFirst } from './feedback-checks';
import { FeedbackQueryService } from './feedback-query.service';
import type { FeedbackRow } from './feedback-rows';
import type { MarkResolvedArgs, TransitionFeedbackArgs } from './feedback.inputs';
import type { FeedbackItem } from './feedback.types';
import { loadFeedbackRow, optionalText, recordStatusStep } from './feedback-writer';
import { nextStatuses, permissionToMoveTo, refusedTransitionMessage } from './workflow-rules';

const PHSO_MESSAGE =
  'The final response to a complaint must tell the complainant of their right to take it to the Parliamentary and ' +
  'Health Service Ombudsman: confirm that it did (phsoInformed: true).';

/** Moves items through received → acknowledged → investigating → responded → closed (or withdrawn). */
@Injectable()
export class FeedbackWorkflowService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly holidays: BankHolidaysService,
    private readonly query: FeedbackQueryService,
    private readonly alerts: FeedbackAlertsService,
  ) {}

  async transition(ctx: RequestContext, args: TransitionFeedbackArgs): Promise<FeedbackItem> {
    const { id, to } = args;
    const item = await this.database.run(ctx, async (uow) => {
      const row = await this.lockedRow(uow, id);
      const permission = permissionToMoveTo(to);
      if (!ctx.can(permission))
        throw new ForbiddenError(`Only a practice manager can move an item to ${to}.`);
      if (!nextStatuses(row.kind, row.status).includes(to)) {
        throw new ConflictError(refusedTransitionMessage(row.kind, row.status, to), 'to');
      }
      const effectiveOn = await this.effectiveDay(
        uow,
        row,
        (args.effectiveOn as IsoDate | null | undefined) ?? null,
        'effectiveOn',
      );
      const complaint = row.kind === 'complaint';
      const closingComplaint = complaint && to === 'closed';
      if (args.outcome && !closingComplaint)
        throw new InputError('outcome is recorded only when a complaint is closed.', 'outcome');
      if (args.phsoInformed && !(complaint && (to === 'responded' || to === 'closed'))) {
        throw new InputError(
          'phsoInformed is recorded with the final response to a complaint.',
          'phsoInformed',
        );
      }
      if (complaint && to === 'responded' && args.phsoInformed !== true)
        throw new InputError(PHSO_MESSAGE, 'phsoInformed');
      if (closingComplaint) {
        if (!args.outcome)
          throw new InputError(
            'Record the outcome to close a complaint: upheld, partially_upheld or not_upheld.',
            'outcome',
          );
        if (!row.phso_informed && args.phsoInformed !== true)
          throw new InputError(PHSO_MESSAGE, 'phsoInformed');
        failOnFirst(missingCoding(codingOfRow(row)));
      }

      await uow.query(
        `UPDATE feedback_items
            SET status = $3,
                acknowledged_on = CASE WHEN $3 = 'acknowledged' THEN $4::date ELSE acknowledged_on END,
                responded_on = CASE WHEN $3 = 'responded' THEN $4::date ELSE responded_on END,
                closed_on = CASE WHEN $3 IN ('closed', 'withdrawn') THEN $4::date ELSE closed_on END,
                outcome = $5, phso_informed = phso_informed OR $6, updated_at = now()
          WHERE practice_id = $1 AND id = $2`,
        [uow.practiceId, id, to, effectiveOn, args.outcome ?? null, args.phsoInformed === true],
      );
      await recordStatusStep(
        uow,
        id,
        { from: row.status, to, effectiveOn, note: optionalText(args.note) },
        ctx.userId,
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.status_changed',
        entityType: 'feedback_item',
        entityId: id,
        details: {
          kind: row.kind,
          from: row.status,
          to,
          effectiveOn,
          ...(args.outcome ? { outcome: args.outcome } : {}),
        },
      });
      return this.query.itemIn(uow, id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }

  /**
   * An oral complaint resolved to the complainant's satisfaction by the next working day is outside
   * the regulations: it closes without acknowledgement or outcome and is not counted in KO41(b).
   */
  async markResolvedNextWorkingDay(
    ctx: RequestContext,
    args: MarkResolvedArgs,
  ): Promise<FeedbackItem> {
    const item = await this.database.run(ctx, async (uow) => {
      const row = await this.lockedRow(uow, args.id);
      if (row.kind !== 'complaint' || !row.oral) {
        throw new ConflictError(
          'Only an oral complaint (made in person or by phone) can be resolved outside the regulations.',
          'id',
        );
      }
      if (!['received', 'acknowledged', 'investigating'].includes(row.status)) {
        throw new ConflictError(
          `This complaint is ${row.status}: it is already being handled under the complaints procedure.`,
          'id',
        );
      }
      const resolvedOn = await this.effectiveDay(
        uow,
        row,
        (args.resolvedOn as IsoDate | null | undefined) ?? null,
        'resolvedOn',
      );
      const holidays = await this.holidays.calendarIn(uow, row.received_on);
      if (
        !isOutsideRegulations({ oral: true, receivedOn: row.received_on, resolvedOn, holidays })
      ) {
        const nextWorkingDay = addWorkingDays(row.received_on, 1, holidays);
        throw new ConflictError(
          `This complaint was received on ${row.received_on}; to fall outside the regulations it had to be resolved by the next ` +
            `working day, ${nextWorkingDay}. Handle it under the complaints procedure instead.`,
          'resolvedOn',
        );
      }
      await uow.query(
        `UPDATE feedback_items SET status = 'closed', closed_on = $3, outside_regulations = true, updated_at = now()
          WHERE practice_id = $1 AND id = $2`,
        [uow.practiceId, args.id, resolvedOn],
      );
      const note =
        optionalText(args.note) ??
        "Resolved to the complainant's satisfaction by the next working day (outside the regulations).";
      await recordStatusStep(
        uow,
        args.id,
        { from: row.status, to: 'closed', effectiveOn: resolvedOn, note },
        ctx.userId,
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.resolved_next_working_day',
        entityType: 'feedback_item',
        entityId: args.id,
        details: { from: row.status, resolvedOn },
      });
      return this.query.itemIn(uow, args.id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }

  private async lockedRow(uow: UnitOfWork, id: string): Promise<FeedbackRow> {
    const row = await loadFeedbackRow(uow, id, true);
    if (!row) throw new NotFoundError('The feedback item');
    return row;
  }

  /** The day a step took effect: today by default, never in the future nor before the previous step. */
  private async effectiveDay(
    uow: UnitOfWork,
    row: FeedbackRow,
    given: IsoDate | null,
    field: string,
  ): Promise<IsoDate> {
    const today = ukToday();
    const day = given ?? today;
    if (isAfter(day, today)) throw new InputError(`${field} is in the future.`, field);
    const [{ last }] = await uow.query<{ last: IsoDate }>(
      `SELECT to_char(max(effective_on), 'YYYY-MM-DD') AS last FROM feedback_status_changes WHERE practice_id = $1 AND feedback_id = $2`,
      [uow.practiceId, row.id],
    );
    const earliest = last ?? row.received_on;
    if (isBefore(day, earliest))
      throw new InputError(`${field} is before the item's previous step, on ${earliest}.`, field);
    return day;
  }
}
