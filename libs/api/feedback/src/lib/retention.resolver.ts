import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import {
  RecordRetentionReviewInput,
  RetentionReviewArgs,
  RetentionSettingsInput,
} from './retention.inputs';
import { RetentionService } from './retention.service';
import { RetentionReviewItem, RetentionReviewPage, RetentionSettings } from './retention.types';

/** Retention of closed complaint records: managers set the period and review what has run it. */
@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => RetentionSettings, {
    description: 'How long closed complaint records are kept before review (10 years by default).',
  })
  @Allow(Permission.FeedbackRead)
  retentionSettings(@Ctx() ctx: RequestContext): Promise<RetentionSettings> {
    return this.retention.settings(ctx);
  }

  @Mutation(() => RetentionSettings, {
    description:
      'Sets how many years closed complaint records are kept before review. Shorter than the NHS Records Management Code’s 10 years is refused.',
  })
  @Allow(Permission.FeedbackManage)
  saveRetentionSettings(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RetentionSettingsInput,
  ): Promise<RetentionSettings> {
    return this.retention.save(ctx, input.retentionYears);
  }

  @Query(() => RetentionReviewPage, {
    description:
      'Closed complaint records whose retention period has run, oldest closure first; at most 100 a page.',
  })
  @Allow(Permission.FeedbackManage)
  retentionReview(
    @Ctx() ctx: RequestContext,
    @Args() args: RetentionReviewArgs,
  ): Promise<RetentionReviewPage> {
    return this.retention.review(ctx, args);
  }

  @Mutation(() => RetentionReviewItem, {
    description:
      'Records a review of a record whose retention period has run: keep it for more years, or approve it for destruction. Nothing is deleted.',
  })
  @Allow(Permission.FeedbackManage)
  recordRetentionReview(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordRetentionReviewInput,
  ): Promise<RetentionReviewItem> {
    return this.retention.record(ctx, input);
  }
}
