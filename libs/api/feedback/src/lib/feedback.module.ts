import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AlertsModule } from '@parley/api/alerts';
import { PARLEY_CONFIG, type ParleyConfig } from '@parley/api/core';
import { EscalationModule } from '@parley/api/escalation';
import { Redis } from 'ioredis';
import { BankHolidaysResolver } from './bank-holidays.resolver';
import { BankHolidaysService } from './bank-holidays.service';
import { ComplaintRecordsService } from './complaint-records.service';
import { ComplaintsImportService } from './complaints-import.service';
import { FeedbackLoaders } from './feedback-loaders';
import { FeedbackLogService } from './feedback-log.service';
import { FeedbackQueryService } from './feedback-query.service';
import { FeedbackResolver } from './feedback.resolver';
import { FeedbackWorkflowService } from './feedback-workflow.service';
import { FftResolver } from './fft.resolver';
import { FftService } from './fft.service';
import {
  PUBLIC_FEEDBACK_ROUTE,
  PublicFeedbackController,
  publicFormCors,
} from './public-feedback.controller';
import { PublicFeedbackResolver } from './public-feedback.resolver';
import {
  DEFAULT_PUBLIC_FORM_LIMITS,
  PUBLIC_FORM_LIMITS,
  PublicFeedbackService,
  type PublicFormLimits,
} from './public-feedback.service';
import { MemoryRateLimiter, RATE_LIMITER, RedisRateLimiter } from './rate-limiter';
import { RetentionResolver } from './retention.resolver';
import { RetentionService } from './retention.service';

/** Feedback and complaints log, statutory clocks, Friends and Family Test and the online form. */
@Module({
  // The practice's clock settings come from escalation; alerts are re-evaluated after each change.
  imports: [EscalationModule, AlertsModule],
  controllers: [PublicFeedbackController],
  providers: [
    BankHolidaysService,
    FeedbackQueryService,
    FeedbackLogService,
    FeedbackWorkflowService,
    ComplaintRecordsService,
    ComplaintsImportService,
    FftService,
    PublicFeedbackService,
    RetentionService,
    FeedbackLoaders,
    FeedbackResolver,
    FftResolver,
    BankHolidaysResolver,
    PublicFeedbackResolver,
    RetentionResolver,
    {
      provide: PUBLIC_FORM_LIMITS,
      inject: [PARLEY_CONFIG],
      useFactory: ({ publicFormLimits }: ParleyConfig): PublicFormLimits => ({
        perIp: {
          ...DEFAULT_PUBLIC_FORM_LIMITS.perIp,
          limit: publicFormLimits.perIpPerTenMinutes,
        },
        perPractice: {
          ...DEFAULT_PUBLIC_FORM_LIMITS.perPractice,
          limit: publicFormLimits.perPracticePerHour,
        },
      }),
    },
    {
      // Shared counters when several API nodes run (REDIS_URL); this process's memory otherwise.
      provide: RATE_LIMITER,
      inject: [PARLEY_CONFIG],
      useFactory: (config: ParleyConfig) =>
        config.redisUrl
          ? new RedisRateLimiter(
              new Redis(config.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 }),
            )
          : new MemoryRateLimiter(),
    },
  ],
  exports: [BankHolidaysService, FeedbackQueryService, PublicFeedbackService],
})
export class FeedbackModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(publicFormCors)
      .forRoutes({ path: PUBLIC_FEEDBACK_ROUTE, method: RequestMethod.ALL });
  }
}
