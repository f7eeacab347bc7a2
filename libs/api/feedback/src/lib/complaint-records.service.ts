import { Injectable } from '@nestjs/common';
import { FeedbackAlertsService } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  NotFoundError,
  type RequestContext,
} from '@parley/api/core';
import type { IsoDate } from '@parley/shared/domain';
import { isAfter, isBefore, ukToday } from './calendar';
import { FeedbackQueryService } from './feedback-query.service';
import type { FeedbackItem } from './feedback.types';
import { loadFeedbackRow } from './feedback-writer';
import { withinTimeLimit } from './intake-rules';
import { isFinal } from './workflow-rules';

/** A manager's records about a complaint outside the workflow steps: waivers and delay letters. */
@Injectable()
export class ComplaintRecordsService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly query: FeedbackQueryService,
    private readonly alerts: FeedbackAlertsService,
  ) {}

  /** Accepts a complaint made after the 12-month limit (the practice may, and should say why). */
  async waiveTimeLimit(ctx: RequestContext, id: string, because: string): Promise<FeedbackItem> {
    const item = await this.database.run(ctx, async (uow) => {
      const row = await loadFeedbackRow(uow, id, true);
      if (!row) throw new NotFoundError('The feedback item');
      if (row.kind !== 'complaint')
        throw new ConflictError('Only a complaint has a time limit to waive.', 'id');
      if (isFinal(row.status))
        throw new ConflictError(
          `This complaint is ${row.status}: its record can no longer be changed.`,
          'id',
        );
      const { timeLimitMonths } = await this.query.clockSettingsIn(uow);
      const within = withinTimeLimit({
        receivedOn: row.received_on,
        eventOn: row.event_on,
        awareOn: row.aware_on,
        timeLimitMonths,
      });
      if (within === undefined)
        throw new ConflictError(
          'Record when the matter happened (eventOn or awareOn) first: the limit runs from them.',
          'id',
        );
      if (within)
        throw new ConflictError(
          `The complaint was made within the ${timeLimitMonths}-month time limit, so there is nothing to waive.`,
          'id',
        );
      await uow.query(
        `UPDATE feedback_items SET time_limit_waived = true, updated_at = now() WHERE practice_id = $1 AND id = $2`,
        [uow.practiceId, id],
      );
      await uow.query(
        `UPDATE feedback_texts SET time_limit_waived_because = $3 WHERE practice_id = $1 AND feedback_id = $2`,
        [uow.practiceId, id, because.trim()],
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.time_limit_waived',
        entityType: 'feedback_item',
        entityId: id,
      });
      return this.query.itemIn(uow, id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }

  /** The letter explaining why, six months on, there is still no response. */
  async recordDelayLetter(
    ctx: RequestContext,
    id: string,
    sentOn: IsoDate | null,
  ): Promise<FeedbackItem> {
    const item = await this.database.run(ctx, async (uow) => {
      const row = await loadFeedbackRow(uow, id, true);
      if (!row) throw new NotFoundError('The feedback item');
      if (row.kind !== 'complaint' || row.outside_regulations)
        throw new ConflictError(
          'Only a complaint under the regulations needs a delay letter.',
          'id',
        );
      if (isFinal(row.status) || row.responded_on)
        throw new ConflictError(
          'This complaint has been responded to: no delay letter is due.',
          'id',
        );
      const day = sentOn ?? ukToday();
      if (isAfter(day, ukToday())) throw new InputError('sentOn is in the future.', 'sentOn');
      if (isBefore(day, row.received_on))
        throw new InputError(
          `sentOn is before the complaint was received, on ${row.received_on}.`,
          'sentOn',
        );
      await uow.query(
        `UPDATE feedback_items SET delay_letter_sent_on = $3, updated_at = now() WHERE practice_id = $1 AND id = $2`,
        [uow.practiceId, id, day],
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.delay_letter_recorded',
        entityType: 'feedback_item',
        entityId: id,
        details: { sentOn: day },
      });
      return this.query.itemIn(uow, id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }
}
