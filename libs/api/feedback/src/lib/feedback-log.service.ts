import { Injectable } from '@nestjs/common';
import { FeedbackAlertsService } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  ForbiddenError,
  NotFoundError,
  type RequestContext,
} from '@parley/api/core';
import { type IsoDate, Permission } from '@parley/shared/domain';
import { ukToday } from './calendar';
import { codingOfRow, normaliseCoding } from './coding';
import { failOnFirst, receivedDay, requireChannel } from './feedback-checks';
import type { LogFeedbackInput, UpdateFeedbackInput } from './feedback.inputs';
import type { FeedbackItem } from './feedback.types';
import { FeedbackQueryService } from './feedback-query.service';
import {
  contactFields,
  insertFeedbackItem,
  loadFeedbackRow,
  optionalText,
} from './feedback-writer';
import { intakeProblems, withinTimeLimit } from './intake-rules';
import { isFinal } from './workflow-rules';

/** Staff log feedback as it arrives and triage it (kind, channel, coding, dates). */
@Injectable()
export class FeedbackLogService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly query: FeedbackQueryService,
    private readonly alerts: FeedbackAlertsService,
  ) {}

  async log(ctx: RequestContext, input: LogFeedbackInput): Promise<FeedbackItem> {
    const receivedOn = receivedDay(input.receivedAt);
    const waiver = optionalText(input.timeLimitWaivedBecause);
    if (waiver && !ctx.can(Permission.FeedbackManage)) {
      throw new ForbiddenError('Only a practice manager can waive the time limit.');
    }
    const complaint = input.kind === 'complaint';
    const facts = {
      kind: input.kind,
      receivedOn,
      eventOn: (input.eventOn as IsoDate | null | undefined) ?? null,
      awareOn: (input.awareOn as IsoDate | null | undefined) ?? null,
      hasCoding: !!input.coding,
      timeLimitWaivedBecause: waiver,
    };
    const contact = contactFields(input.contact);
    const item = await this.database.run(ctx, async (uow) => {
      const { timeLimitMonths } = await this.query.clockSettingsIn(uow);
      failOnFirst(intakeProblems({ ...facts, timeLimitMonths }, ukToday()));
      await requireChannel(uow, input.channelId);
      const id = await insertFeedbackItem(uow, {
        channelId: input.channelId,
        source: 'staff',
        receivedAt: input.receivedAt,
        receivedOn,
        kind: input.kind,
        sentiment: input.sentiment,
        oral: input.oral ?? false,
        summary: input.summary.trim(),
        coding: complaint && input.coding ? normaliseCoding(input.coding) : null,
        eventOn: facts.eventOn,
        awareOn: facts.awareOn,
        timeLimitWaivedBecause: waiver,
        contact,
        createdBy: ctx.userId,
      });
      await this.audit.practice(ctx, uow, {
        action: 'feedback.logged',
        entityType: 'feedback_item',
        entityId: id,
        details: {
          kind: input.kind,
          sentiment: input.sentiment,
          channelId: input.channelId,
          oral: input.oral ?? false,
          withContact: contact !== null,
          timeLimitWaived: waiver !== null,
        },
      });
      return this.query.itemIn(uow, id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }

  /** Triage of an open item. Contact details are not changed here. */
  async update(ctx: RequestContext, id: string, input: UpdateFeedbackInput): Promise<FeedbackItem> {
    const item = await this.database.run(ctx, async (uow) => {
      const row = await loadFeedbackRow(uow, id, true);
      if (!row) throw new NotFoundError('The feedback item');
      if (isFinal(row.status))
        throw new ConflictError(
          `This item is ${row.status}: its record can no longer be changed.`,
          'id',
        );
      if (input.channelId && input.channelId !== row.channel_id)
        await requireChannel(uow, input.channelId);

      const kind = input.kind ?? row.kind;
      const complaint = kind === 'complaint';
      const pick = (given: string | null | undefined, current: IsoDate | null) =>
        (given === undefined ? (complaint ? current : null) : given) as IsoDate | null;
      const eventOn = pick(input.eventOn, row.event_on);
      const awareOn = pick(input.awareOn, row.aware_on);
      const { timeLimitMonths } = await this.query.clockSettingsIn(uow);
      failOnFirst(
        intakeProblems(
          {
            kind,
            receivedOn: row.received_on,
            eventOn,
            awareOn,
            hasCoding: !!input.coding,
            timeLimitWaivedBecause: null,
            timeLimitMonths,
          },
          ukToday(),
        ),
      );
      const current = row.kind === 'complaint' ? codingOfRow(row) : null;
      const next = {
        channel_id: input.channelId ?? row.channel_id,
        kind,
        sentiment: input.sentiment ?? row.sentiment,
        oral: input.oral ?? row.oral,
        summary: input.summary === undefined ? row.summary : input.summary.trim(),
        coding: complaint
          ? input.coding
            ? normaliseCoding(input.coding)
            : (current ?? normaliseCoding({ subjectAreas: [], staffGroups: [] }))
          : null,
        event_on: eventOn,
        aware_on: awareOn,
        // A waiver stands only while the complaint is still outside the limit after the change.
        time_limit_waived:
          complaint &&
          row.time_limit_waived &&
          withinTimeLimit({ receivedOn: row.received_on, eventOn, awareOn, timeLimitMonths }) ===
            false,
      };
      const changed = (
        [
          ['channelId', next.channel_id !== row.channel_id],
          ['kind', next.kind !== row.kind],
          ['sentiment', next.sentiment !== row.sentiment],
          ['oral', next.oral !== row.oral],
          ['summary', next.summary !== row.summary],
          ['coding', JSON.stringify(next.coding) !== JSON.stringify(current)],
          ['eventOn', next.event_on !== row.event_on],
          ['awareOn', next.aware_on !== row.aware_on],
          ['timeLimitWaived', next.time_limit_waived !== row.time_limit_waived],
        ] as const
      )
        .filter(([, differs]) => differs)
        .map(([field]) => field);
      if (changed.length === 0) return this.query.itemIn(uow, id);

      await uow.query(
        `UPDATE feedback_items
            SET channel_id = $3, kind = $4, sentiment = $5, oral = $6, subject_areas = $7::text[], staff_groups = $8::text[],
                complainant_status = $9, age_band = $10, event_on = $11, aware_on = $12, time_limit_waived = $13, updated_at = now()
          WHERE practice_id = $1 AND id = $2`,
        [
          uow.practiceId,
          id,
          next.channel_id,
          next.kind,
          next.sentiment,
          next.oral,
          next.coding?.subjectAreas ?? [],
          next.coding?.staffGroups ?? [],
          next.coding?.complainantStatus ?? null,
          next.coding?.ageBand ?? null,
          next.event_on,
          next.aware_on,
          next.time_limit_waived,
        ],
      );
      await uow.query(
        `UPDATE feedback_texts SET summary = $3, time_limit_waived_because = CASE WHEN $4 THEN time_limit_waived_because END
          WHERE practice_id = $1 AND feedback_id = $2`,
        [uow.practiceId, id, next.summary, next.time_limit_waived],
      );
      await this.audit.practice(ctx, uow, {
        action: 'feedback.updated',
        entityType: 'feedback_item',
        entityId: id,
        details: { changed, kind: next.kind, sentiment: next.sentiment },
      });
      return this.query.itemIn(uow, id);
    });
    await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return item;
  }
}
