import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Database, PARLEY_CONFIG, type ParleyConfig, RequestContext } from '@parley/api/core';
import { EscalationSettingsService } from '@parley/api/escalation';
import { type IsoDate, londonDateOf } from '@parley/shared/domain';
import type { AlertEvent, AlertSweepReport } from './alert.types';
import { AlertsService } from './alerts.service';
import { feedbackAlertDrafts } from './feedback-alert-rules';

/** First key of the sweep's advisory locks (ASCII "PRLY"); the second is the practice. */
const SWEEP_LOCK_CLASS = 0x50524c59;

export interface SweepOptions {
  /** The instant to evaluate as of (tests); now when not given. */
  asOf?: Date;
  /** Sweep even if a practice was swept within the interval (still never concurrently). */
  force?: boolean;
}

/**
 * The scheduled sweep: evaluates the time-driven thresholds (complaint clocks, volume alert) of
 * every practice. Each practice is swept in its own unit of work that first takes a transaction
 * advisory lock and claims the interval in `alert_sweeps`, so with several API processes each
 * practice is swept once per interval by one of them; alerts' dedupe keys make any re-run raise
 * nothing new.
 */
@Injectable()
export class AlertSweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AlertSweep');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<AlertSweepReport> | null = null;

  constructor(
    private readonly database: Database,
    private readonly alerts: AlertsService,
    private readonly settings: EscalationSettingsService,
    @Inject(PARLEY_CONFIG) private readonly config: ParleyConfig,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.alertSweepIntervalSeconds;
    if (seconds <= 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.error({ err: error }, 'Alert sweep failed'),
      );
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sweeps every practice; a sweep already running in this process is joined, not repeated. */
  sweep(options: SweepOptions = {}): Promise<AlertSweepReport> {
    if (!this.running) {
      this.running = this.sweepAll(options).finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async sweepAll(options: SweepOptions): Promise<AlertSweepReport> {
    const today = londonDateOf(options.asOf ?? new Date());
    const practices = await this.database.run(RequestContext.system(null), (uow) =>
      uow.query<{ id: string }>('SELECT id FROM practices ORDER BY id'),
    );
    const report: AlertSweepReport = { practicesSwept: 0, practicesSkipped: 0, alertsRaised: 0 };
    for (const { id } of practices) {
      try {
        const raised = await this.sweepPractice(id, today, options.force ?? false);
        if (raised === null) {
          report.practicesSkipped++;
          continue;
        }
        report.practicesSwept++;
        report.alertsRaised += raised.length;
        await this.alerts.publish(raised);
      } catch (error) {
        // One practice's failure must not stop the others' clocks.
        this.logger.error({ err: error, practiceId: id }, 'Alert sweep of a practice failed');
      }
    }
    return report;
  }

  /** The alerts raised, or null when another process holds or recently did this practice's sweep. */
  private sweepPractice(
    practiceId: string,
    today: IsoDate,
    force: boolean,
  ): Promise<AlertEvent[] | null> {
    const ctx = RequestContext.system(practiceId);
    const minimumGapSeconds = force
      ? 0
      : Math.max(1, Math.floor(this.config.alertSweepIntervalSeconds * 0.9));
    return this.database.run(ctx, async (uow) => {
      const [{ locked }] = await uow.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
        [SWEEP_LOCK_CLASS, practiceId],
      );
      if (!locked) return null;
      const claimed = await uow.query(
        `INSERT INTO alert_sweeps (practice_id, swept_at) VALUES ($1, now())
         ON CONFLICT (practice_id) DO UPDATE SET swept_at = excluded.swept_at
           WHERE alert_sweeps.swept_at <= now() - make_interval(secs => $2)
         RETURNING practice_id`,
        [practiceId, minimumGapSeconds],
      );
      if (claimed.length === 0) return null;
      const { settings } = await this.settings.inForceIn(uow);
      const raised: AlertEvent[] = [];
      for (const draft of await feedbackAlertDrafts(uow, settings, today)) {
        const event = await this.alerts.raiseIn(ctx, uow, draft);
        if (event) raised.push(event);
      }
      return raised;
    });
  }
}
