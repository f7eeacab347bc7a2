import { Injectable } from '@nestjs/common';
import { FeedbackAlertsService } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import { Database, type RequestContext } from '@parley/api/core';
import { ukToday } from './calendar';
import { type CsvChannel, parseComplaintsCsv } from './complaints-csv';
import { FeedbackQueryService } from './feedback-query.service';
import type { ComplaintsImportResult } from './feedback.types';
import { insertFeedbackItem } from './feedback-writer';

/**
 * Imports a practice's existing complaints log: all rows or none, in one transaction, with every
 * problem of every row reported when any row is wrong.
 */
@Injectable()
export class ComplaintsImportService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly query: FeedbackQueryService,
    private readonly alerts: FeedbackAlertsService,
  ) {}

  async import(ctx: RequestContext, csv: string): Promise<ComplaintsImportResult> {
    const result = await this.database.run(ctx, async (uow) => {
      const channels = await uow.query<CsvChannel>(
        'SELECT id, kind, label FROM feedback_channels WHERE practice_id = $1 ORDER BY position',
        [uow.practiceId],
      );
      const { timeLimitMonths } = await this.query.clockSettingsIn(uow);
      const parsed = parseComplaintsCsv(csv, channels, ukToday(), ctx.userId, timeLimitMonths);
      if (parsed.problems.length > 0)
        return { rows: parsed.rows, imported: 0, problems: parsed.problems };
      const ids: string[] = [];
      for (const item of parsed.items) ids.push(await insertFeedbackItem(uow, item));
      await this.audit.practice(ctx, uow, {
        action: 'feedback.imported',
        entityType: 'feedback_item',
        details: { rows: ids.length, ids },
      });
      return { rows: parsed.rows, imported: ids.length, problems: [] };
    });
    if (result.imported > 0) await this.alerts.afterFeedbackChanged(ctx.practiceId);
    return result;
  }
}
