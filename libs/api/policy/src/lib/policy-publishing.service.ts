import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  isUniqueViolation,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { PolicyComposer } from './policy-composer';
import { lockDraft } from './policy-drafts.service';
import { toPolicyDocument } from './policy.inputs';
import { selectVersion, toPolicyVersion } from './policy-version-rows';
import type { PolicyVersion } from './policy.types';
import { PublicPolicyCache } from './public-policy.cache';

/**
 * Publishing freezes the draft: it is rendered with the practice's current channels, and the
 * title, html, text, public channels, practice name and warnings are stored with it. The
 * previous published version is superseded in the same transaction.
 */
@Injectable()
export class PolicyPublishingService {
  constructor(
    private readonly database: Database,
    private readonly composer: PolicyComposer,
    private readonly audit: AuditService,
    private readonly publicCache: PublicPolicyCache,
  ) {}

  async publishDraft(ctx: RequestContext, expectedDraftId: string): Promise<PolicyVersion> {
    let published: PolicyVersion;
    try {
      published = await this.database.run(ctx, (uow) =>
        this.publishDraftIn(ctx, uow, expectedDraftId),
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(
          'Another publish happened at the same time; reload to see the current policy.',
        );
      throw error;
    }
    this.publicCache.invalidate(ctx.practiceId);
    return published;
  }

  /**
   * publishDraft inside the caller's unit of work. The caller must invalidate the public cache
   * after commit (publishDraft does).
   */
  async publishDraftIn(
    ctx: RequestContext,
    uow: UnitOfWork,
    expectedDraftId: string,
  ): Promise<PolicyVersion> {
    const practiceId = uow.practiceId;
    const draftId = await lockDraft(uow, practiceId);
    if (draftId !== expectedDraftId.toLowerCase()) {
      if (!(await selectVersion(uow, expectedDraftId))) throw new NotFoundError('The draft');
      throw new ConflictError(
        'This draft was already published or discarded; reload to see the current policy.',
        'expectedDraftId',
      );
    }
    const draft = await selectVersion(uow, draftId);
    if (!draft) throw new NotFoundError('The draft');
    const composed = await this.composer.compose(
      uow,
      toPolicyDocument(draft.document),
      draft.effective_date,
    );

    const superseded = await uow.query<{ id: string; version_number: number }>(
      // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare UPDATE … RETURNING.
      `WITH superseded AS (
         UPDATE policy_versions SET status = 'superseded', superseded_at = now()
          WHERE practice_id = $1 AND status = 'published' RETURNING id, version_number)
       SELECT * FROM superseded`,
      [practiceId],
    );
    await uow.query(
      `UPDATE policy_versions
          SET status = 'published', published_by = $3, published_at = now(), warnings = $4,
              title = $5, html = $6, text = $7, channels = $8, practice_name = $9
        WHERE practice_id = $1 AND id = $2`,
      [
        practiceId,
        draftId,
        ctx.userId,
        JSON.stringify(composed.warnings),
        composed.title,
        composed.html,
        composed.text,
        JSON.stringify(composed.channels),
        composed.practiceName,
      ],
    );
    await this.audit.practice(ctx, uow, {
      action: 'policy.published',
      entityType: 'policy_version',
      entityId: draftId,
      details: {
        versionNumber: draft.version_number,
        effectiveDate: draft.effective_date,
        supersededVersionNumber: superseded[0]?.version_number ?? null,
        warnings: composed.warnings.map((w) => w.code),
      },
    });
    const row = await selectVersion(uow, draftId);
    if (!row) throw new Error('The published version vanished inside its own transaction');
    return toPolicyVersion(row);
  }
}
