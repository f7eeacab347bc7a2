import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { Permission } from '@parley/shared/domain';
import { IcbsService } from './icbs.service';
import { IcbArgs, IcbThresholdsInput, Ko41bArgs, TrendsArgs } from './insights.inputs';
import {
  InsightsIcb,
  InsightsPolicyPractice,
  InsightsThresholds,
  InsightsTrends,
  Ko41bReturn,
} from './insights.types';
import { Ko41bService } from './ko41b.service';
import { TrendsService } from './trends.service';

/** ICB auditors (and platform admins) read aggregates of the ICBs they review: never an item. */
@Resolver()
export class InsightsResolver {
  constructor(
    private readonly icbsService: IcbsService,
    private readonly trendsService: TrendsService,
    private readonly ko41b: Ko41bService,
  ) {}

  @Query(() => [InsightsIcb], {
    description: 'The ICBs the caller may review, with their practices and thresholds.',
  })
  @Allow(Permission.InsightsRead)
  insightsIcbs(@Ctx() ctx: RequestContext): Promise<InsightsIcb[]> {
    return this.icbsService.icbs(ctx);
  }

  @Query(() => InsightsTrends, {
    description:
      'Complaint and feedback trends of an ICB, or of one of its practices, with small numbers suppressed.',
  })
  @Allow(Permission.InsightsRead)
  insightsTrends(@Ctx() ctx: RequestContext, @Args() args: TrendsArgs): Promise<InsightsTrends> {
    return this.trendsService.trends(ctx, args);
  }

  @Query(() => [InsightsPolicyPractice], {
    description:
      "Each practice's published policy version, its date and the policy check's warnings.",
  })
  @Allow(Permission.InsightsRead)
  insightsPolicyOverview(
    @Ctx() ctx: RequestContext,
    @Args() { icbId }: IcbArgs,
  ): Promise<InsightsPolicyPractice[]> {
    return this.icbsService.policyOverview(ctx, icbId);
  }

  @Query(() => Ko41bReturn, {
    description:
      'The KO41(b) return of an ICB or one of its practices for a financial year, with the arithmetic checks.',
  })
  @Allow(Permission.InsightsRead)
  async ko41bReturn(@Ctx() ctx: RequestContext, @Args() args: Ko41bArgs): Promise<Ko41bReturn> {
    return (await this.ko41b.return(ctx, args)).view;
  }

  @Mutation(() => InsightsThresholds, {
    description:
      "Sets the ICB's thresholds for flagging practices (its auditors or a platform admin).",
  })
  @Allow(Permission.InsightsRead)
  setIcbThresholds(
    @Ctx() ctx: RequestContext,
    @Args('input') input: IcbThresholdsInput,
  ): Promise<InsightsThresholds> {
    return this.icbsService.setThresholds(ctx, input);
  }
}
