import { Inject, Injectable } from '@nestjs/common';
import { FeedbackAlertsService } from '@parley/api/alerts';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  ForbiddenError,
  InputError,
  NotFoundError,
  RateLimitedError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { type FeedbackKind, londonDateOf, type Sentiment } from '@parley/shared/domain';
import { createHash, randomUUID } from 'node:crypto';
import { referenceOf } from './feedback-rows';
import type { PublicFeedbackReceipt } from './feedback.types';
import { contactFields, insertFeedbackItem } from './feedback-writer';
import type { PublicFeedbackInput } from './public-feedback.inputs';
import { RATE_LIMITER, type RateLimiter } from './rate-limiter';

export interface WindowLimit {
  limit: number;
  windowSeconds: number;
}

/** How many submissions the public form accepts, per client address and per practice. */
export interface PublicFormLimits {
  perIp: WindowLimit;
  perPractice: WindowLimit;
}

export const PUBLIC_FORM_LIMITS = Symbol('PUBLIC_FORM_LIMITS');

export const DEFAULT_PUBLIC_FORM_LIMITS: PublicFormLimits = {
  perIp: { limit: 10, windowSeconds: 10 * 60 },
  perPractice: { limit: 100, windowSeconds: 60 * 60 },
};

export interface PublicSubmission {
  practiceSlug: string;
  input: PublicFeedbackInput;
  idempotencyKey: string | null | undefined;
  /** The client address (behind a trusted proxy, the forwarded one). */
  ip: string | undefined;
  /** How the key is named to this caller: the HTTP header or the GraphQL argument. */
  keyField: string;
}

export interface SubmissionOutcome {
  receipt: PublicFeedbackReceipt;
  /** True when an earlier submission with the same Idempotency-Key answered. */
  replayed: boolean;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const SENTIMENT_OF: Record<FeedbackKind, Sentiment> = {
  complaint: 'negative',
  compliment: 'positive',
  suggestion: 'neutral',
};

/**
 * The narrow path by which the public writes to a practice's log: one item through the practice's
 * enabled online-form channel, rate limited, idempotent, and silent towards robots.
 */
@Injectable()
export class PublicFeedbackService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    @Inject(PUBLIC_FORM_LIMITS) private readonly limits: PublicFormLimits,
    private readonly alerts: FeedbackAlertsService,
  ) {}

  async submit(ctx: RequestContext, submission: PublicSubmission): Promise<SubmissionOutcome> {
    const key = checkedKey(submission.idempotencyKey, submission.keyField);
    await this.consume(`form-ip:${submission.ip ?? 'unknown'}`, this.limits.perIp);

    const practice = await this.practiceOf(submission.practiceSlug);
    const scope = { tenantPracticeId: practice.id };
    if (!(await this.database.run(scope, formChannelIn))) throw formNotOffered(practice.name);
    // Robots fill in the hidden field: they are told it worked, and nothing is kept.
    if (submission.input.website?.trim())
      return { receipt: receiptFor(randomUUID(), new Date()), replayed: false };
    await this.consume(`form-practice:${practice.id}`, this.limits.perPractice);

    const { input } = submission;
    const kind = input.kind ?? 'complaint';
    const message = input.message.trim();
    const contact = contactFields(input);
    const hash = createHash('sha256')
      .update(JSON.stringify([message, contact, kind]))
      .digest('hex');
    const outcome = await this.database.run(scope, async (uow): Promise<SubmissionOutcome> => {
      const channelId = await formChannelIn(uow);
      if (!channelId) throw formNotOffered(practice.name);
      if (key) {
        const claimed = await uow.query(
          `INSERT INTO public_feedback_submissions (practice_id, idempotency_key, request_hash) VALUES ($1, $2, $3)
           ON CONFLICT (practice_id, idempotency_key) DO NOTHING RETURNING idempotency_key`,
          [practice.id, key, hash],
        );
        // Taken: on PostgreSQL the insert above waited for the first submission to commit.
        if (claimed.length === 0)
          return {
            receipt: await priorReceipt(uow, key, hash, submission.keyField),
            replayed: true,
          };
      }
      const receivedAt = new Date();
      const id = await insertFeedbackItem(uow, {
        channelId,
        source: 'online_form',
        receivedAt,
        receivedOn: londonDateOf(receivedAt),
        kind,
        sentiment: SENTIMENT_OF[kind],
        oral: false,
        summary: message,
        coding: null,
        eventOn: null,
        awareOn: null,
        timeLimitWaivedBecause: null,
        contact,
        createdBy: null,
      });
      const receipt = receiptFor(id, receivedAt);
      if (key) {
        await uow.query(
          `UPDATE public_feedback_submissions SET feedback_id = $3, response = $4 WHERE practice_id = $1 AND idempotency_key = $2`,
          [
            practice.id,
            key,
            id,
            JSON.stringify({ ...receipt, receivedAt: receivedAt.toISOString() }),
          ],
        );
      }
      await this.audit.practice(ctx, uow, {
        action: 'feedback.submitted_online',
        entityType: 'feedback_item',
        entityId: id,
        details: { kind, channelId, withContact: contact !== null, idempotent: key !== null },
      });
      return { receipt, replayed: false };
    });
    if (!outcome.replayed) await this.alerts.afterFeedbackChanged(practice.id);
    return outcome;
  }

  private async practiceOf(slug: string): Promise<{ id: string; name: string }> {
    if (slug.length > 80 || !SLUG.test(slug)) throw new NotFoundError('The practice');
    const [practice] = await this.database.run({ tenantPracticeId: null }, (uow) =>
      uow.query<{ id: string; name: string }>('SELECT id, name FROM practices WHERE slug = $1', [
        slug,
      ]),
    );
    if (!practice) throw new NotFoundError('The practice');
    return practice;
  }

  private async consume(
    key: string,
    window: { limit: number; windowSeconds: number },
  ): Promise<void> {
    const decision = await this.limiter.consume(key, window.limit, window.windowSeconds);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
  }
}

/** The practice's first enabled online-form channel, if it offers one. */
async function formChannelIn(uow: UnitOfWork): Promise<string | null> {
  const [row] = await uow.query<{ id: string }>(
    `SELECT id FROM feedback_channels WHERE practice_id = $1 AND kind = 'online_form' AND enabled ORDER BY position, id LIMIT 1`,
    [uow.practiceId],
  );
  return row?.id ?? null;
}

function formNotOffered(practiceName: string): ForbiddenError {
  return new ForbiddenError(
    `${practiceName} does not take feedback through an online form. Please use one of the other ways of contacting the practice.`,
  );
}

function checkedKey(key: string | null | undefined, field: string): string | null {
  if (key === undefined || key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key))
    throw new InputError(`${field} must be 1 to 200 visible ASCII characters, e.g. a UUID.`, field);
  return key;
}

async function priorReceipt(
  uow: UnitOfWork,
  key: string,
  hash: string,
  field: string,
): Promise<PublicFeedbackReceipt> {
  const [prior] = await uow.query<{
    request_hash: string;
    response: { status: string; reference: string; receivedAt: string } | null;
  }>(
    'SELECT request_hash, response FROM public_feedback_submissions WHERE practice_id = $1 AND idempotency_key = $2',
    [uow.practiceId, key],
  );
  if (!prior?.response)
    throw new ConflictError(
      `A submission with this ${field} is still being processed; try again shortly.`,
      field,
    );
  if (prior.request_hash !== hash)
    throw new ConflictError(`This ${field} was already used for a different message.`, field);
  return { ...prior.response, receivedAt: new Date(prior.response.receivedAt) };
}

function receiptFor(id: string, receivedAt: Date): PublicFeedbackReceipt {
  return { status: 'received', reference: referenceOf(id), receivedAt };
}
