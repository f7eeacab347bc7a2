import { Injectable, Logger } from '@nestjs/common';
import { Database, RequestContext } from '@parley/api/core';
import { EscalationSettingsService } from '@parley/api/escalation';
import { londonDateOf } from '@parley/shared/domain';
import type { AlertEvent } from './alert.types';
import { AlertsService } from './alerts.service';
import { feedbackAlertDrafts } from './feedback-alert-rules';

/**
 * Evaluates a practice's feedback thresholds right after its log changed, rather than at the
 * next sweep. The feedback log calls it after its own unit of work has committed; a failure here
 * is logged and never undoes or fails the change that triggered it.
 */
@Injectable()
export class FeedbackAlertsService {
  private readonly logger = new Logger('FeedbackAlerts');

  constructor(
    private readonly database: Database,
    private readonly alerts: AlertsService,
    private readonly settings: EscalationSettingsService,
  ) {}

  async afterFeedbackChanged(practiceId: string, asOf: Date = new Date()): Promise<void> {
    try {
      const ctx = RequestContext.system(practiceId);
      const raised = await this.database.run(ctx, async (uow) => {
        const { settings } = await this.settings.inForceIn(uow);
        const events: AlertEvent[] = [];
        for (const draft of await feedbackAlertDrafts(uow, settings, londonDateOf(asOf))) {
          const event = await this.alerts.raiseIn(ctx, uow, draft);
          if (event) events.push(event);
        }
        return events;
      });
      await this.alerts.publish(raised);
    } catch (error) {
      this.logger.error({ err: error, practiceId }, 'Evaluating feedback alerts failed');
    }
  }
}
