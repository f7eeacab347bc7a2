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
import type { PolicyDocument } from '@parley/shared/policy-render';
import { PolicyComposer } from './policy-composer';
import { checkEffectiveDate, type DocumentLike, toPolicyDocument } from './policy.inputs';
import { selectVersion, toPolicyVersion } from './policy-version-rows';
import type { PolicyVersion } from './policy.types';

const DRAFT_RACE = 'Someone else started a draft at the same time; reload to see it.';

/** The one draft a practice may have: save, start from an old version, discard. */
@Injectable()
export class PolicyDraftsService {
  constructor(
    private readonly database: Database,
    private readonly composer: PolicyComposer,
    private readonly audit: AuditService,
  ) {}

  /** Creates the draft, or replaces its wording and effective date. Warnings are stored with it. */
  saveDraft(
    ctx: RequestContext,
    input: { document: DocumentLike; effectiveDate: string },
  ): Promise<PolicyVersion> {
    const document = toPolicyDocument(input.document);
    const effectiveDate = checkEffectiveDate(input.effectiveDate);
    return this.raceSafe(() =>
      this.database.run(ctx, (uow) => this.saveDraftIn(ctx, uow, document, effectiveDate)),
    );
  }

  /** saveDraft inside the caller's unit of work, for a document already validated. */
  async saveDraftIn(
    ctx: RequestContext,
    uow: UnitOfWork,
    document: PolicyDocument,
    effectiveDate: string,
  ): Promise<PolicyVersion> {
    const practiceId = uow.practiceId;
    const composed = await this.composer.compose(uow, document, effectiveDate);
    const draftId = await lockDraft(uow, practiceId);
    let id: string;
    if (draftId) {
      await uow.query(
        `UPDATE policy_versions SET document = $3, effective_date = $4, warnings = $5, updated_by = $6, updated_at = now()
          WHERE practice_id = $1 AND id = $2`,
        [
          practiceId,
          draftId,
          JSON.stringify(document),
          effectiveDate,
          JSON.stringify(composed.warnings),
          ctx.userId,
        ],
      );
      id = draftId;
    } else {
      const [published] = await uow.query<{ id: string }>(
        `SELECT id FROM policy_versions WHERE practice_id = $1 AND status = 'published'`,
        [practiceId],
      );
      id = await insertDraft(
        uow,
        ctx,
        document,
        effectiveDate,
        composed.warnings,
        published?.id ?? null,
      );
    }
    const row = await selectVersion(uow, id);
    if (!row) throw new Error('The draft vanished inside its own transaction');
    await this.audit.practice(ctx, uow, {
      action: 'policy.draft_saved',
      entityType: 'policy_version',
      entityId: id,
      details: {
        versionNumber: row.version_number,
        created: !draftId,
        blocks: document.blocks.length,
        effectiveDate,
      },
    });
    return toPolicyVersion(row, composed);
  }

  /** A new draft holding the wording and effective date of any version. */
  async startDraftFrom(ctx: RequestContext, versionId: string): Promise<PolicyVersion> {
    const practiceId = ctx.practiceId;
    return this.raceSafe(() =>
      this.database.run(ctx, async (uow) => {
        const source = await selectVersion(uow, versionId);
        if (!source) throw new NotFoundError('The policy version');
        if (await lockDraft(uow, practiceId)) {
          throw new ConflictError(
            'There is already a draft: publish or discard it before starting another.',
            'versionId',
          );
        }
        const document = toPolicyDocument(source.document);
        const composed = await this.composer.compose(uow, document, source.effective_date);
        const id = await insertDraft(
          uow,
          ctx,
          document,
          source.effective_date,
          composed.warnings,
          source.id,
        );
        const row = await selectVersion(uow, id);
        if (!row) throw new Error('The draft vanished inside its own transaction');
        await this.audit.practice(ctx, uow, {
          action: 'policy.draft_started',
          entityType: 'policy_version',
          entityId: id,
          details: {
            versionNumber: row.version_number,
            fromVersionId: source.id,
            fromVersionNumber: source.version_number,
          },
        });
        return toPolicyVersion(row, composed);
      }),
    );
  }

  async discardDraft(ctx: RequestContext): Promise<void> {
    const practiceId = ctx.practiceId;
    await this.database.run(ctx, async (uow) => {
      const [row] = await uow.query<{ id: string; version_number: number }>(
        // Wrapped in a SELECT: TypeORM returns [rows, count] for a bare DELETE … RETURNING.
        `WITH deleted AS (DELETE FROM policy_versions WHERE practice_id = $1 AND status = 'draft' RETURNING id, version_number)
         SELECT * FROM deleted`,
        [practiceId],
      );
      if (!row) throw new NotFoundError('The draft');
      await this.audit.practice(ctx, uow, {
        action: 'policy.draft_discarded',
        entityType: 'policy_version',
        entityId: row.id,
        details: { versionNumber: row.version_number },
      });
    });
  }

  /** Two managers creating the first draft at once: one wins, the other is told. */
  private async raceSafe<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(DRAFT_RACE);
      throw error;
    }
  }
}

/** The draft's id, locked for this transaction, or null. */
export async function lockDraft(uow: UnitOfWork, practiceId: string): Promise<string | null> {
  const [row] = await uow.query<{ id: string }>(
    `SELECT id FROM policy_versions WHERE practice_id = $1 AND status = 'draft' FOR UPDATE`,
    [practiceId],
  );
  return row?.id ?? null;
}

async function insertDraft(
  uow: UnitOfWork,
  ctx: RequestContext,
  document: PolicyDocument,
  effectiveDate: string,
  warnings: unknown[],
  basedOnId: string | null,
): Promise<string> {
  const [row] = await uow.query<{ id: string }>(
    `INSERT INTO policy_versions (practice_id, version_number, status, document, effective_date, warnings, based_on_id, created_by, updated_by)
     SELECT $1, coalesce(max(version_number), 0) + 1, 'draft', $2, $3, $4, $5, $6, $6 FROM policy_versions WHERE practice_id = $1
     RETURNING id`,
    [
      uow.practiceId,
      JSON.stringify(document),
      effectiveDate,
      JSON.stringify(warnings),
      basedOnId,
      ctx.userId,
    ],
  );
  return row.id;
}
