import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, type RequestContext } from '@parley/api/core';
import { type IsoDate, Permission } from '@parley/shared/domain';
import { ComplaintRecordsService } from './complaint-records.service';
import { ComplaintsImportService } from './complaints-import.service';
import {
  FeedbackIdArgs,
  FeedbackItemsArgs,
  ImportComplaintsCsvArgs,
  LogFeedbackInput,
  MarkResolvedArgs,
  RecordDelayLetterArgs,
  TransitionFeedbackArgs,
  UpdateFeedbackArgs,
  WaiveTimeLimitArgs,
} from './feedback.inputs';
import {
  ComplaintsImportResult,
  FeedbackItem,
  FeedbackItemPage,
  FeedbackStatusChange,
  OverdueFeedback,
} from './feedback.types';
import { FeedbackLoaders } from './feedback-loaders';
import { FeedbackLogService } from './feedback-log.service';
import { FeedbackQueryService } from './feedback-query.service';
import { FeedbackWorkflowService } from './feedback-workflow.service';

/** The practice's feedback and complaints log: staff log and acknowledge, managers decide. */
@Resolver(() => FeedbackItem)
export class FeedbackResolver {
  constructor(
    private readonly query: FeedbackQueryService,
    private readonly log: FeedbackLogService,
    private readonly workflow: FeedbackWorkflowService,
    private readonly records: ComplaintRecordsService,
    private readonly importer: ComplaintsImportService,
    private readonly loaders: FeedbackLoaders,
  ) {}

  @Query(() => FeedbackItemPage, {
    description: 'The inbox, newest first; at most 100 items a page.',
  })
  @Allow(Permission.FeedbackRead)
  feedbackItems(
    @Ctx() ctx: RequestContext,
    @Args() { filter, first, after }: FeedbackItemsArgs,
  ): Promise<FeedbackItemPage> {
    return this.query.list(ctx, filter, first, after);
  }

  @Query(() => FeedbackItem)
  @Allow(Permission.FeedbackRead)
  feedbackItem(@Ctx() ctx: RequestContext, @Args() { id }: FeedbackIdArgs): Promise<FeedbackItem> {
    return this.query.get(ctx, id);
  }

  @Query(() => OverdueFeedback, {
    description: 'Statutory steps overdue or due soon, for the home page.',
  })
  @Allow(Permission.FeedbackRead)
  overdueFeedback(@Ctx() ctx: RequestContext): Promise<OverdueFeedback> {
    return this.query.overdue(ctx);
  }

  @Mutation(() => FeedbackItem)
  @Allow(Permission.FeedbackLog)
  logFeedback(
    @Ctx() ctx: RequestContext,
    @Args('input') input: LogFeedbackInput,
  ): Promise<FeedbackItem> {
    return this.log.log(ctx, input);
  }

  @Mutation(() => FeedbackItem, {
    description:
      'Triage: correct the kind, channel, sentiment, summary, coding or dates of an open item.',
  })
  @Allow(Permission.FeedbackLog)
  updateFeedback(
    @Ctx() ctx: RequestContext,
    @Args() { id, input }: UpdateFeedbackArgs,
  ): Promise<FeedbackItem> {
    return this.log.update(ctx, id, input);
  }

  @Mutation(() => FeedbackItem, {
    description:
      'Moves an item one step. Staff may acknowledge; the other steps need a practice manager.',
  })
  @Allow(Permission.FeedbackLog)
  transitionFeedback(
    @Ctx() ctx: RequestContext,
    @Args() args: TransitionFeedbackArgs,
  ): Promise<FeedbackItem> {
    return this.workflow.transition(ctx, args);
  }

  @Mutation(() => FeedbackItem, {
    description:
      'An oral complaint resolved by the next working day: closed outside the regulations.',
  })
  @Allow(Permission.FeedbackManage)
  markResolvedNextWorkingDay(
    @Ctx() ctx: RequestContext,
    @Args() args: MarkResolvedArgs,
  ): Promise<FeedbackItem> {
    return this.workflow.markResolvedNextWorkingDay(ctx, args);
  }

  @Mutation(() => FeedbackItem, {
    description: 'Accepts a complaint made after the 12-month time limit, recording why.',
  })
  @Allow(Permission.FeedbackManage)
  waiveTimeLimit(
    @Ctx() ctx: RequestContext,
    @Args() { id, because }: WaiveTimeLimitArgs,
  ): Promise<FeedbackItem> {
    return this.records.waiveTimeLimit(ctx, id, because);
  }

  @Mutation(() => FeedbackItem, {
    description: 'Records the letter explaining a delay past six months.',
  })
  @Allow(Permission.FeedbackManage)
  recordDelayLetter(
    @Ctx() ctx: RequestContext,
    @Args() { id, sentOn }: RecordDelayLetterArgs,
  ): Promise<FeedbackItem> {
    return this.records.recordDelayLetter(ctx, id, (sentOn as IsoDate | null | undefined) ?? null);
  }

  @Mutation(() => ComplaintsImportResult, {
    description: 'Imports a complaints log from CSV: every row, or none with a report per row.',
  })
  @Allow(Permission.FeedbackManage)
  importComplaintsCsv(
    @Ctx() ctx: RequestContext,
    @Args() { csv }: ImportComplaintsCsvArgs,
  ): Promise<ComplaintsImportResult> {
    return this.importer.import(ctx, csv);
  }

  @ResolveField(() => [FeedbackStatusChange], {
    description: 'Every step, oldest first, with who took it and when.',
  })
  @Allow(Permission.FeedbackRead)
  history(
    @Ctx() ctx: RequestContext,
    @Parent() item: FeedbackItem,
  ): Promise<FeedbackStatusChange[]> {
    return this.loaders.history(ctx).load(item.id);
  }
}
