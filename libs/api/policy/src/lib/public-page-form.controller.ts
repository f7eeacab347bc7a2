import { Body, Controller, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Ctx, ParleyError, Public, RateLimitedError, type RequestContext } from '@parley/api/core';
import { PublicFeedbackInput, PublicFeedbackService } from '@parley/api/feedback';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import {
  PAGE_FORM_FIELDS,
  type PageFormField,
  type PageFormProblem,
  type PageFormValues,
} from './public-page-form.html';
import { renderNotFoundPage, renderPublicPage } from './public-page.html';
import { allowFraming, isEmbedQuery } from './public-policy.controller';
import { PublicPolicyService } from './public-policy.service';

/** Identical submissions from one address within this window are one submission (double clicks). */
const DUPLICATE_WINDOW_MS = 10 * 60_000;

/** What a patient reads beside a field, in the NHS service manual's words, by field and rule. */
const PLAIN_MESSAGES: Partial<Record<PageFormField, (rule: string) => string | null>> = {
  message: (rule) =>
    rule === 'maxLength'
      ? 'Your feedback must be 4,000 characters or fewer'
      : 'Enter your feedback',
  email: () => 'Enter an email address in the correct format, like name@example.com',
  phone: () => 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  name: () => 'Your name must be 200 characters or fewer',
  kind: () => 'Choose what kind of feedback it is, or leave it unchosen',
};

/**
 * The hosted page's own form (and the iframe's): a plain HTML POST for visitors without
 * script. It goes through the same public feedback service as the embed and the JSON route —
 * same rate limits, honeypot and idempotency — then redirects to the page's thank-you
 * (post/redirect/get), or shows the page again with the problems beside their fields.
 */
@Controller('p')
export class PublicPageFormController {
  constructor(
    private readonly publicPolicies: PublicPolicyService,
    private readonly publicFeedback: PublicFeedbackService,
  ) {}

  @Post(':slug/feedback')
  @Public()
  async submit(
    @Ctx() ctx: RequestContext,
    @Param('slug') slug: string,
    @Query('embed') embedQuery: string | undefined,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const embed = isEmbedQuery(embedQuery);
    if (embed) allowFraming(res);
    res.type('text/html; charset=utf-8').setHeader('Cache-Control', 'no-store');
    const entry = await this.publicPolicies.bySlug(ctx, slug);
    if (!entry) {
      res.status(404).send(renderNotFoundPage());
      return;
    }
    const values = formValues(body);
    const show = (status: number, problems: PageFormProblem[]) =>
      res
        .status(status)
        .send(renderPublicPage(entry.policy, { embed, slug, form: { values, problems } }));

    const input = plainToInstance(PublicFeedbackInput, submittedInput(values));
    const problems = await problemsOf(input);
    if (problems.length > 0) return void show(400, problems);
    try {
      const outcome = await this.publicFeedback.submit(ctx, {
        practiceSlug: slug,
        input,
        idempotencyKey: duplicateKey(req.ip, slug, values),
        ip: req.ip,
        keyField: 'form',
      });
      const query = `${embed ? 'embed=1&' : ''}sent=${encodeURIComponent(outcome.receipt.reference)}`;
      res.redirect(303, `/p/${encodeURIComponent(slug)}?${query}`);
    } catch (error) {
      // The caller's problems (too many submissions, no form offered) are shown on the page.
      if (!(error instanceof ParleyError) || error.httpStatus >= 500) throw error;
      if (error instanceof RateLimitedError)
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
      const field = PAGE_FORM_FIELDS.find((f) => f === error.field) ?? null;
      show(error.httpStatus, [{ field, message: error.message }]);
    }
  }
}

/** Only the form's own fields, as text; anything else a client sends is ignored. */
function formValues(body: unknown): PageFormValues {
  const values: PageFormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const field of PAGE_FORM_FIELDS) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string') values[field] = value.slice(0, 10_000);
  }
  return values;
}

/** Empty optional fields are absent, as the JSON route expects. */
function submittedInput(values: PageFormValues): Record<string, string> {
  const input: Record<string, string> = { message: values.message ?? '' };
  for (const field of PAGE_FORM_FIELDS) {
    if (field === 'message') continue;
    const value = values[field]?.trim();
    if (value) input[field] = value;
  }
  return input;
}

async function problemsOf(input: PublicFeedbackInput): Promise<PageFormProblem[]> {
  const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
  return PAGE_FORM_FIELDS.flatMap((field) => {
    const error = errors.find((e) => e.property === field);
    if (!error) return [];
    const [rule, message] = Object.entries(error.constraints ?? {})[0] ?? ['', `${field} is wrong`];
    return [{ field, message: PLAIN_MESSAGES[field]?.(rule) ?? message }];
  });
}

/**
 * A key that makes a repeated identical submission from the same address (a double click, a
 * resend after a lost response) one item. Derived, not put in the page: the page is cached, so a
 * key inside it would be shared by every visitor.
 */
function duplicateKey(ip: string | undefined, slug: string, values: PageFormValues): string {
  const window = Math.floor(Date.now() / DUPLICATE_WINDOW_MS);
  const { website: _ignored, ...fields } = values;
  const digest = createHash('sha256')
    .update(JSON.stringify([ip ?? '', slug, window, fields]))
    .digest('base64url');
  return `page-form:${digest}`;
}
