import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx, Public, type RequestContext } from '@parley/api/core';
import type { Request } from 'express';
import { PublicFeedbackReceipt } from './feedback.types';
import { SubmitPublicFeedbackArgs } from './public-feedback.inputs';
import { PublicFeedbackService } from './public-feedback.service';

/** The online form as a GraphQL mutation: the same path, limits and idempotency as the HTTP route. */
@Resolver()
export class PublicFeedbackResolver {
  constructor(private readonly publicFeedback: PublicFeedbackService) {}

  @Mutation(() => PublicFeedbackReceipt, {
    description: "Sends feedback through a practice's online form (no sign-in).",
  })
  @Public()
  async submitPublicFeedback(
    @Ctx() ctx: RequestContext,
    @Args() { practiceSlug, input, idempotencyKey }: SubmitPublicFeedbackArgs,
    @Context('req') request: Request,
  ): Promise<PublicFeedbackReceipt> {
    const outcome = await this.publicFeedback.submit(ctx, {
      practiceSlug,
      input,
      idempotencyKey,
      ip: request.ip,
      keyField: 'idempotencyKey',
    });
    return outcome.receipt;
  }
}
