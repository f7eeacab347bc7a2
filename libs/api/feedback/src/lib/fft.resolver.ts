import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import {
  FftMonthlyCountsArgs,
  FftResponsesArgs,
  RecordFftResponseInput,
} from './fft-and-holidays.inputs';
import { FftMonth, FftResponse } from './feedback.types';
import { FftService } from './fft.service';

/** Friends and Family Test: staff record answers; everyone in the practice sees the months. */
@Resolver()
export class FftResolver {
  constructor(private readonly fft: FftService) {}

  @Mutation(() => FftResponse)
  @Allow(Permission.FeedbackLog)
  recordFftResponse(
    @Ctx() ctx: RequestContext,
    @Args('input') input: RecordFftResponseInput,
  ): Promise<FftResponse> {
    return this.fft.record(ctx, input);
  }

  @Query(() => [FftMonth], {
    description: 'Counts per answer for each month from `from` to `to`, empty months included.',
  })
  @Allow(Permission.FeedbackRead)
  fftMonthlyCounts(
    @Ctx() ctx: RequestContext,
    @Args() { from, to }: FftMonthlyCountsArgs,
  ): Promise<FftMonth[]> {
    return this.fft.monthlyCounts(ctx, from, to);
  }

  @Query(() => [FftResponse], {
    description: "One month's answers with their comments, newest first.",
  })
  @Allow(Permission.FeedbackRead)
  fftResponses(
    @Ctx() ctx: RequestContext,
    @Args() { month }: FftResponsesArgs,
  ): Promise<FftResponse[]> {
    return this.fft.responses(ctx, month);
  }
}
