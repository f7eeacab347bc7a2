import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Options,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { Ctx, Public, type RequestContext } from '@parley/api/core';
import type { NextFunction, Request, Response } from 'express';
import type { PublicFeedbackReceipt } from './feedback.types';
import { PublicFeedbackInput } from './public-feedback.inputs';
import { PublicFeedbackService } from './public-feedback.service';

export const PUBLIC_FEEDBACK_ROUTE = 'public/practices/:slug/feedback';

/**
 * CORS for the online form, on every response of its route (errors and the preflight included):
 * the form posts from the practice's own website, and nothing here depends on cookies.
 */
export function publicFormCors(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, Idempotent-Replayed');
  res.setHeader('Access-Control-Max-Age', '600');
  next();
}

/** The online feedback form of a practice's public page, for anyone (no sign-in). */
@Controller(PUBLIC_FEEDBACK_ROUTE)
export class PublicFeedbackController {
  constructor(private readonly publicFeedback: PublicFeedbackService) {}

  /** 201 with a receipt; 400 naming the field; 403 without an online form; 404 unknown practice; 429 too many. */
  @Post()
  @Public()
  @HttpCode(201)
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Body() body: PublicFeedbackInput,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PublicFeedbackReceipt> {
    const outcome = await this.publicFeedback.submit(ctx, {
      practiceSlug: slug,
      input: body,
      idempotencyKey,
      ip: request.ip,
      keyField: 'Idempotency-Key',
    });
    response.setHeader('Cache-Control', 'no-store');
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.receipt;
  }

  /** The CORS preflight: the headers come from `publicFormCors`. */
  @Options()
  @Public()
  @HttpCode(204)
  preflight(): void {
    return undefined;
  }
}
