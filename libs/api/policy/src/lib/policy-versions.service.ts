import { Injectable } from '@nestjs/common';
import { Database, NotFoundError, type RequestContext, type UnitOfWork } from '@parley/api/core';
import { diffPolicyText } from '@parley/shared/policy-render';
import { PolicyComposer } from './policy-composer';
import { toPolicyDocument, type DocumentLike, checkEffectiveDate } from './policy.inputs';
import {
  type PolicyVersionRow,
  selectDraft,
  selectPublished,
  selectVersion,
  selectVersions,
  toPolicyVersion,
} from './policy-version-rows';
import type { PolicyDiff, PolicyPreview, PolicyVersion } from './policy.types';

/** Reading the active practice's policy: the draft, the current version, history, diffs, previews. */
@Injectable()
export class PolicyVersionsService {
  constructor(
    private readonly database: Database,
    private readonly composer: PolicyComposer,
  ) {}

  draft(ctx: RequestContext): Promise<PolicyVersion | null> {
    return this.database.run(ctx, async (uow) => {
      const row = await selectDraft(uow);
      return row ? this.view(uow, row) : null;
    });
  }

  current(ctx: RequestContext): Promise<PolicyVersion | null> {
    return this.database.run(ctx, async (uow) => {
      const row = await selectPublished(uow);
      return row ? toPolicyVersion(row) : null;
    });
  }

  /** Every version, newest first (the draft, if any, on top). */
  history(ctx: RequestContext): Promise<PolicyVersion[]> {
    return this.database.run(ctx, async (uow) => {
      const rows = await selectVersions(uow, 'true');
      return Promise.all(rows.map((row) => this.view(uow, row)));
    });
  }

  version(ctx: RequestContext, id: string): Promise<PolicyVersion> {
    return this.database.run(ctx, async (uow) => this.view(uow, await this.mustFind(uow, id)));
  }

  diff(ctx: RequestContext, fromId: string, toId: string): Promise<PolicyDiff> {
    return this.database.run(ctx, async (uow) => {
      const from = await this.view(uow, await this.mustFind(uow, fromId));
      const to = await this.view(uow, await this.mustFind(uow, toId));
      return {
        fromVersionNumber: from.versionNumber,
        toVersionNumber: to.versionNumber,
        lines: diffPolicyText(from.text, to.text),
      };
    });
  }

  /** Renders a document exactly as publishing would, with the current channels; saves nothing. */
  /** The escalation ladder in force, as the policy's escalation steps block words it. */
  escalationSteps(ctx: RequestContext): Promise<string[]> {
    return this.database.run(ctx, (uow) => this.composer.escalationStepsIn(uow));
  }

  preview(
    ctx: RequestContext,
    document: DocumentLike,
    effectiveDate: string,
  ): Promise<PolicyPreview> {
    const doc = toPolicyDocument(document);
    const date = checkEffectiveDate(effectiveDate);
    return this.database.run(ctx, async (uow) => {
      const { title, html, text, warnings } = await this.composer.compose(uow, doc, date);
      return { title, html, text, warnings };
    });
  }

  private async mustFind(uow: UnitOfWork, id: string): Promise<PolicyVersionRow> {
    const row = await selectVersion(uow, id);
    if (!row) throw new NotFoundError('The policy version');
    return row;
  }

  private async view(uow: UnitOfWork, row: PolicyVersionRow): Promise<PolicyVersion> {
    if (row.status !== 'draft') return toPolicyVersion(row);
    return toPolicyVersion(
      row,
      await this.composer.compose(uow, toPolicyDocument(row.document), row.effective_date),
    );
  }
}
