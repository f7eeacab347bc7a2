import { Injectable } from '@nestjs/common';
import { InputError, type RequestContext } from '@parley/api/core';
import { compareIsoDates, isIsoDate, toCsv, type IsoDate } from '@parley/shared/domain';
import {
  addCounts,
  COMPLAINT_COLUMNS,
  TREND_COMPLAINT_COLUMNS,
  type Counts,
  FEEDBACK_COLUMNS,
  FFT_COLUMNS,
  INCIDENT_COLUMNS,
  zeroCounts,
} from './aggregates/columns';
import { TREND_QUERY, type TrendQueryRow } from './aggregates/trend-queries';
import { InsightsReader } from './insights-reader';
import type { InsightsTable, InsightsTrends } from './insights.types';
import type { TrendsArgs } from './insights.inputs';
import {
  MAX_TREND_MONTHS,
  monthCount,
  monthOf,
  type Period,
  periodIndexByMonth,
  periodsBetween,
} from './views/periods';
import { buildTrendsView } from './views/trends-view';

/** Trends of an ICB, or of one of its practices, from the aggregates. */
@Injectable()
export class TrendsService {
  constructor(private readonly reader: InsightsReader) {}

  async trends(ctx: RequestContext, args: TrendsArgs): Promise<InsightsTrends> {
    const { first, last } = monthRange(args.from, args.to);
    const periods = periodsBetween(args.period, first, last);
    const loaded = await this.reader.read(ctx, async (uow) => {
      const icb = await this.reader.icb(ctx, uow, args.icbId);
      const practice = args.practiceId
        ? await this.reader.practice(uow, args.icbId, args.practiceId)
        : null;
      const thresholds = await this.reader.thresholds(uow, args.icbId);
      const [row] = await uow.query<TrendQueryRow>(TREND_QUERY, [
        args.icbId,
        `${first}-01`,
        `${last}-01`,
        practice?.id ?? null,
      ]);
      return { icb, practice, thresholds, row: row as TrendQueryRow };
    });
    const { row } = loaded;
    return buildTrendsView({
      icb: loaded.icb,
      practice: loaded.practice,
      practices: row.practices,
      period: args.period,
      fromMonth: first,
      toMonth: last,
      periods,
      complaints: bucket(row.complaints_by_month, periods, TREND_COMPLAINT_COLUMNS),
      feedback: bucket(row.feedback_by_month, periods, FEEDBACK_COLUMNS),
      fft: bucket(row.fft_by_month, periods, FFT_COLUMNS),
      incidents: bucket(row.incidents_by_month, periods, INCIDENT_COLUMNS),
      complaintsByPractice: new Map(
        row.complaints_by_practice.map((r) => [
          r.practice_id,
          addCounts(zeroCounts(COMPLAINT_COLUMNS), r, COMPLAINT_COLUMNS),
        ]),
      ),
      thresholds: loaded.thresholds,
    });
  }

  /** The same view as CSV, one line per shown number: table, row, column, value. */
  async trendsCsv(ctx: RequestContext, args: TrendsArgs): Promise<string> {
    const view = await this.trends(ctx, args);
    const lines: (string | number)[][] = [['Table', 'Row', 'Column', 'Value']];
    const scope = view.practice ? view.practice.name : view.icb.name;
    for (const point of view.series) {
      const period = view.periods.find((p) => p.key === point.period)?.label ?? point.period;
      lines.push([
        'Complaints per 1,000 registered patients per year',
        scope,
        period,
        point.complaintsPer1000PerYear ?? point.complaints.display,
      ]);
      lines.push([
        'Complaints acknowledged within 3 working days (%)',
        scope,
        period,
        point.ackWithin3DaysPercent ?? '',
      ]);
    }
    const tables: (InsightsTable | null)[] = [
      view.acknowledgement,
      view.practiceComparison,
      view.feedbackByKind,
      view.feedbackByChannel,
      view.complaintsByTheme,
      view.resolvedByOutcome,
      view.fftByRating,
      view.incidentsBySeverity,
      view.incidentsByPlatform,
      view.escalationSteps,
    ];
    for (const table of tables) {
      if (!table) continue;
      for (const row of table.rows) {
        row.cells.forEach((cell, j) =>
          lines.push([table.title, row.label, table.columns[j]?.label ?? '', cell.display]),
        );
        lines.push([table.title, row.label, 'Total', row.total.display]);
      }
      table.columnTotals.forEach((cell, j) =>
        lines.push([table.title, 'Total', table.columns[j]?.label ?? '', cell.display]),
      );
      lines.push([table.title, 'Total', 'Total', table.grandTotal.display]);
    }
    for (const summary of view.practices) {
      lines.push([
        'Complaints per 1,000 registered patients per year, whole range',
        summary.practice.name,
        'All periods',
        summary.complaintsPer1000PerYear ?? summary.complaints.display,
      ]);
      lines.push([
        'Complaints acknowledged within 3 working days (%), whole range',
        summary.practice.name,
        'All periods',
        summary.ackWithin3DaysPercent ?? '',
      ]);
      for (const flag of summary.flags)
        lines.push(['Flag', summary.practice.name, flag.reason, flag.value]);
    }
    return toCsv(lines);
  }
}

function monthRange(
  from: string,
  to: string,
): { first: ReturnType<typeof monthOf>; last: ReturnType<typeof monthOf> } {
  if (!isIsoDate(from)) throw new InputError('from must be a calendar date (yyyy-mm-dd).', 'from');
  if (!isIsoDate(to)) throw new InputError('to must be a calendar date (yyyy-mm-dd).', 'to');
  if (compareIsoDates(from as IsoDate, to as IsoDate) > 0)
    throw new InputError('to must not be before from.', 'to');
  const first = monthOf(from as IsoDate);
  const last = monthOf(to as IsoDate);
  if (monthCount(first, last) > MAX_TREND_MONTHS)
    throw new InputError(`A trend spans at most ${MAX_TREND_MONTHS} months.`, 'to');
  return { first, last };
}

/** Sums monthly rows into the periods they fall in. */
function bucket(
  rows: readonly (Record<string, unknown> & { month: string })[],
  periods: readonly Period[],
  columns: readonly string[],
): Counts[] {
  const out = periods.map(() => zeroCounts(columns));
  const indexOf = periodIndexByMonth(periods);
  for (const row of rows) {
    const i = indexOf.get(row.month);
    if (i !== undefined) addCounts(out[i] as Counts, row, columns);
  }
  return out;
}
