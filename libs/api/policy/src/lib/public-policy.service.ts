import { Injectable } from '@nestjs/common';
import { Database, NotFoundError, type RequestContext } from '@parley/api/core';
import { DirectoryService } from '@parley/api/practices';
import { createHash } from 'node:crypto';
import { isPracticeSlug } from './policy.inputs';
import type { PublicChannel, PublicPolicy } from './policy.types';
import { type PublicPolicyEntry, PublicPolicyCache } from './public-policy.cache';
import { sanitizePolicyHtml } from './safe-html';

interface SnapshotRow {
  version_number: number;
  effective_date: string;
  published_at: Date;
  title: string;
  html: string;
  text: string;
  channels: PublicChannel[];
  practice_name: string;
}

/**
 * Anonymous reads of a practice's current published policy. Only the frozen snapshot of the
 * published version is ever read: drafts and superseded versions are never public.
 */
@Injectable()
export class PublicPolicyService {
  constructor(
    private readonly database: Database,
    private readonly directory: DirectoryService,
    private readonly cache: PublicPolicyCache,
  ) {}

  /**
   * The cached answer for a slug, synchronously: the entry, null when the practice has published
   * nothing, undefined when the cache does not know (call bySlug). Lets the hottest read avoid
   * promises altogether.
   */
  cached(slug: string): PublicPolicyEntry | null | undefined {
    return this.cache.get(slug)?.entry;
  }

  /** The published policy behind a slug; null for an unknown slug or nothing published. */
  async bySlug(ctx: RequestContext, slug: string): Promise<PublicPolicyEntry | null> {
    if (!isPracticeSlug(slug)) return null;
    const cached = this.cache.get(slug);
    if (cached) return cached.entry;

    const practiceId = await this.practiceIdOf(ctx, slug);
    if (!practiceId) return null;
    // The snapshot lives in a practice-owned table: read it bound to that practice only.
    const [row] = await this.database.run({ tenantPracticeId: practiceId }, (uow) =>
      uow.query<SnapshotRow>(
        `SELECT version_number, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, published_at,
                title, html, text, channels, practice_name
           FROM policy_versions WHERE practice_id = $1 AND status = 'published'`,
        [practiceId],
      ),
    );
    const entry = row ? toEntry(row) : null;
    this.cache.set(slug, practiceId, entry);
    return entry;
  }

  private async practiceIdOf(ctx: RequestContext, slug: string): Promise<string | null> {
    try {
      return (await this.directory.practiceBySlug(ctx, slug)).id;
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}

function toEntry(row: SnapshotRow): PublicPolicyEntry {
  const policy: PublicPolicy = {
    title: row.title,
    html: sanitizePolicyHtml(row.html),
    text: row.text,
    version: row.version_number,
    effectiveDate: row.effective_date,
    publishedAt: new Date(row.published_at),
    practiceName: row.practice_name,
    channels: row.channels.map((c) => ({
      kind: c.kind,
      label: c.label,
      instructions: c.instructions ?? null,
      href: c.href ?? null,
    })),
  };
  const json = JSON.stringify(policy);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  return { policy, json, etag };
}
