import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PARLEY_CONFIG, type ParleyConfig } from '@parley/api/core';
import { EscalationModule } from '@parley/api/escalation';
import { AlertBus, InProcessAlertBus, RedisAlertBus } from './alert-bus';
import { AlertSweepService } from './alert-sweep.service';
import { AlertsResolver } from './alerts.resolver';
import { AlertsService } from './alerts.service';
import { FeedbackAlertsService } from './feedback-alerts.service';

/** How long start-up waits for the Redis subscription before going on without it. */
const REDIS_READY_TIMEOUT_MS = 5000;

@Module({
  imports: [EscalationModule],
  providers: [
    {
      provide: AlertBus,
      inject: [PARLEY_CONFIG],
      useFactory: (config: ParleyConfig): AlertBus =>
        config.redisUrl ? new RedisAlertBus(config.redisUrl) : new InProcessAlertBus(),
    },
    AlertsService,
    AlertSweepService,
    FeedbackAlertsService,
    AlertsResolver,
  ],
  exports: [AlertsService, FeedbackAlertsService, AlertSweepService],
})
export class AlertsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(AlertBus) private readonly bus: AlertBus) {}

  /** With Redis, listen before serving, so no alert raised elsewhere after start is missed. */
  async onApplicationBootstrap(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), REDIS_READY_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([this.bus.ready().then(() => 'ready' as const), timeout]);
      if (outcome === 'timeout')
        new Logger('AlertBus').warn(
          'Redis is not answering; live alerts from other processes will start once it does.',
        );
    } catch (error) {
      new Logger('AlertBus').warn(
        `Live alerts through Redis are unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
