import { Injectable } from '@nestjs/common';
import { InputError, type RequestContext } from '@parley/api/core';
import { financialYearRange, isFinancialYear } from '@parley/shared/domain';
import { addCounts, COMPLAINT_COLUMNS, type Counts, zeroCounts } from './aggregates/columns';
import { KO41B_QUERY } from './aggregates/trend-queries';
import { InsightsReader } from './insights-reader';
import type { Ko41bArgs } from './insights.inputs';
import { buildKo41bView, type Ko41bView } from './views/ko41b-view';

/** The KO41(b) return of an ICB or one of its practices, from the aggregates. */
@Injectable()
export class Ko41bService {
  constructor(private readonly reader: InsightsReader) {}

  async return(ctx: RequestContext, args: Ko41bArgs): Promise<Ko41bView> {
    const fy = args.financialYear;
    if (!isFinancialYear(fy))
      throw new InputError(
        'financialYear must be two consecutive years, e.g. 2025-26.',
        'financialYear',
      );
    const lastMonth = financialYearRange(fy).end.slice(0, 7);
    const loaded = await this.reader.read(ctx, async (uow) => {
      const icb = await this.reader.icb(ctx, uow, args.icbId);
      const practice = args.practiceId
        ? await this.reader.practice(uow, args.icbId, args.practiceId)
        : null;
      const rows = await uow.query<Record<string, unknown> & { month: string }>(KO41B_QUERY, [
        args.icbId,
        `${lastMonth}-01`,
        practice?.id ?? null,
      ]);
      return { icb, practice, rows };
    });
    const months = new Map<string, Counts>(
      loaded.rows.map((row) => [
        row.month,
        addCounts(zeroCounts(COMPLAINT_COLUMNS), row, COMPLAINT_COLUMNS),
      ]),
    );
    return buildKo41bView({
      icb: loaded.icb,
      practice: loaded.practice,
      financialYear: fy,
      months,
    });
  }
}
