import { Injectable } from '@nestjs/common';
import {
  Database,
  DbRole,
  NotFoundError,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import type { InsightsIcbRef, InsightsPractice, InsightsThresholds } from './insights.types';

/**
 * The transaction-local list of ICBs whose aggregates the auditor role may read ('*': any). The
 * row-level security policies of the insights schema compare icb_id with it (migration
 * 1763800400000); left unset, they show nothing.
 */
export const AUDITED_ICBS_SETTING = 'parley.audited_icb_ids';

/**
 * Every read for ICB insights goes through here: one unit of work as the auditor role (no grant
 * on any practice table holding patient details or free text), limited to the caller's ICBs by
 * the database as well as by each query naming its ICB.
 */
@Injectable()
export class InsightsReader {
  constructor(private readonly database: Database) {}

  /** ICBs the caller reviews; null means any (a platform admin). */
  visibleIcbIds(ctx: RequestContext): string[] | null {
    return ctx.isPlatformAdmin ? null : ctx.auditedIcbIds;
  }

  read<T>(ctx: RequestContext, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const icbs = this.visibleIcbIds(ctx);
    return this.database.run(
      { tenantPracticeId: null },
      async (uow) => {
        await uow.query('SELECT set_config($1, $2, true)', [
          AUDITED_ICBS_SETTING,
          icbs === null ? '*' : icbs.join(','),
        ]);
        return work(uow);
      },
      { role: DbRole.Auditor },
    );
  }

  /** The ICB, if the caller may review it; otherwise not found (whether or not it exists). */
  async icb(ctx: RequestContext, uow: UnitOfWork, icbId: string): Promise<InsightsIcbRef> {
    const visible = this.visibleIcbIds(ctx);
    if (visible !== null && !visible.includes(icbId)) throw new NotFoundError('The ICB');
    const [icb] = await uow.query<InsightsIcbRef>('SELECT id, name FROM icbs WHERE id = $1', [
      icbId,
    ]);
    if (!icb) throw new NotFoundError('The ICB');
    return icb;
  }

  async practices(uow: UnitOfWork, icbId: string): Promise<InsightsPractice[]> {
    return uow.query<InsightsPractice>(
      `SELECT id, name, ods_code AS "odsCode", list_size AS "listSize" FROM practices WHERE icb_id = $1 ORDER BY name, id`,
      [icbId],
    );
  }

  /** One practice of the ICB; a practice of another ICB is not found. */
  async practice(uow: UnitOfWork, icbId: string, practiceId: string): Promise<InsightsPractice> {
    const [practice] = await uow.query<InsightsPractice>(
      `SELECT id, name, ods_code AS "odsCode", list_size AS "listSize" FROM practices WHERE icb_id = $1 AND id = $2`,
      [icbId, practiceId],
    );
    if (!practice) throw new NotFoundError('The practice');
    return practice;
  }

  async thresholds(uow: UnitOfWork, icbId: string): Promise<InsightsThresholds> {
    const [row] = await uow.query<{
      max: string | null;
      min: string | null;
      updated_at: Date | null;
    }>(
      `SELECT max_complaints_per_1000_per_year AS max, min_ack_within_3_days_percent AS min, updated_at
         FROM insights.icb_thresholds WHERE icb_id = $1`,
      [icbId],
    );
    return {
      icbId,
      maxComplaintsPer1000PerYear: row?.max == null ? null : Number(row.max),
      minAckWithin3DaysPercent: row?.min == null ? null : Number(row.min),
      updatedAt: row?.updated_at ?? null,
    };
  }
}
