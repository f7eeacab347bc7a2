import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import { Database, NotFoundError, type RequestContext } from '@parley/api/core';
import { AUDITED_ICBS_SETTING, InsightsReader } from './insights-reader';
import type { IcbThresholdsInput } from './insights.inputs';
import type { InsightsIcb, InsightsPolicyPractice, InsightsThresholds } from './insights.types';

/** The ICBs a caller reviews, their practices' policy overview and the ICB's flagging thresholds. */
@Injectable()
export class IcbsService {
  constructor(
    private readonly reader: InsightsReader,
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  async icbs(ctx: RequestContext): Promise<InsightsIcb[]> {
    const visible = this.reader.visibleIcbIds(ctx);
    return this.reader.read(ctx, async (uow) => {
      const icbs = await uow.query<{ id: string; name: string; slug: string }>(
        `SELECT id, name, slug FROM icbs WHERE $1::uuid[] IS NULL OR id = ANY ($1::uuid[]) ORDER BY name`,
        [visible],
      );
      const result: InsightsIcb[] = [];
      for (const icb of icbs) {
        result.push({
          ...icb,
          practices: await this.reader.practices(uow, icb.id),
          thresholds: await this.reader.thresholds(uow, icb.id),
        });
      }
      return result;
    });
  }

  async policyOverview(ctx: RequestContext, icbId: string): Promise<InsightsPolicyPractice[]> {
    return this.reader.read(ctx, async (uow) => {
      await this.reader.icb(ctx, uow, icbId);
      const practices = await this.reader.practices(uow, icbId);
      const rows = await uow.query<{
        practice_id: string;
        version_number: number;
        effective_date: string;
        published_at: Date;
        warning_codes: string[];
      }>(
        `SELECT practice_id, version_number, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, published_at, warning_codes
           FROM insights.policy_overview WHERE icb_id = $1`,
        [icbId],
      );
      const byPractice = new Map(rows.map((r) => [r.practice_id, r]));
      return practices.map((practice) => {
        const row = byPractice.get(practice.id);
        return {
          practice,
          versionNumber: row?.version_number ?? null,
          effectiveDate: row?.effective_date ?? null,
          publishedAt: row ? new Date(row.published_at) : null,
          warningCodes: row?.warning_codes ?? [],
        };
      });
    });
  }

  /** Sets an ICB's thresholds: its own auditors or a platform admin; audited. */
  async setThresholds(ctx: RequestContext, input: IcbThresholdsInput): Promise<InsightsThresholds> {
    const visible = this.reader.visibleIcbIds(ctx);
    if (visible !== null && !visible.includes(input.icbId)) throw new NotFoundError('The ICB');
    const max = input.maxComplaintsPer1000PerYear ?? null;
    const min = input.minAckWithin3DaysPercent ?? null;
    return this.database.run({ tenantPracticeId: null }, async (uow) => {
      await uow.query('SELECT set_config($1, $2, true)', [AUDITED_ICBS_SETTING, input.icbId]);
      const [icb] = await uow.query('SELECT id FROM icbs WHERE id = $1', [input.icbId]);
      if (!icb) throw new NotFoundError('The ICB');
      const [row] = await uow.query<{ updated_at: Date }>(
        `INSERT INTO insights.icb_thresholds (icb_id, max_complaints_per_1000_per_year, min_ack_within_3_days_percent, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (icb_id) DO UPDATE SET max_complaints_per_1000_per_year = EXCLUDED.max_complaints_per_1000_per_year,
                                            min_ack_within_3_days_percent = EXCLUDED.min_ack_within_3_days_percent,
                                            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING updated_at`,
        [input.icbId, max, min, ctx.userId],
      );
      await this.audit.platform(ctx, uow, {
        action: 'insights.thresholds_set',
        entityType: 'icb',
        entityId: input.icbId,
        details: { maxComplaintsPer1000PerYear: max, minAckWithin3DaysPercent: min },
      });
      return {
        icbId: input.icbId,
        maxComplaintsPer1000PerYear: max,
        minAckWithin3DaysPercent: min,
        updatedAt: row?.updated_at ?? null,
      };
    });
  }
}
