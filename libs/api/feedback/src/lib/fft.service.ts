import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import { Database, InputError, type RequestContext } from '@parley/api/core';
import { addMonths, type FftRating, type IsoDate } from '@parley/shared/domain';
import { EARLIEST_DAY, isAfter, isBefore, ukToday } from './calendar';
import { FEEDBACK_LIMITS } from './feedback.inputs';
import type { RecordFftResponseInput } from './fft-and-holidays.inputs';
import type { FftMonth, FftResponse } from './feedback.types';
import { optionalText } from './feedback-writer';

const RATING_FIELDS: Record<FftRating, keyof Omit<FftMonth, 'month' | 'total'>> = {
  very_good: 'veryGood',
  good: 'good',
  neither: 'neither',
  poor: 'poor',
  very_poor: 'veryPoor',
  dont_know: 'dontKnow',
};
/** Responses listed for one month, most recent first. */
const MONTH_LIST_LIMIT = 1000;

interface ResponseRow {
  id: string;
  rating: FftRating;
  responded_on: string;
  comment: string | null;
  created_at: Date | string;
}

/** Friends and Family Test: "Overall, how was your experience of our service?" */
@Injectable()
export class FftService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  record(ctx: RequestContext, input: RecordFftResponseInput): Promise<FftResponse> {
    const respondedOn = input.respondedOn as IsoDate;
    if (isAfter(respondedOn, ukToday()))
      throw new InputError('respondedOn is in the future.', 'respondedOn');
    if (isBefore(respondedOn, EARLIEST_DAY))
      throw new InputError(`respondedOn is before ${EARLIEST_DAY}.`, 'respondedOn');
    const comment = optionalText(input.comment);
    return this.database.run(ctx, async (uow) => {
      const [row] = await uow.query<ResponseRow>(
        `INSERT INTO fft_responses (practice_id, rating, responded_on, recorded_by) VALUES ($1, $2, $3, $4)
         RETURNING id, rating, to_char(responded_on, 'YYYY-MM-DD') AS responded_on, created_at`,
        [uow.practiceId, input.rating, respondedOn, ctx.userId],
      );
      if (comment) {
        await uow.query(
          'INSERT INTO fft_comments (practice_id, response_id, comment) VALUES ($1, $2, $3)',
          [uow.practiceId, row.id, comment],
        );
      }
      await this.audit.practice(ctx, uow, {
        action: 'fft.recorded',
        entityType: 'fft_response',
        entityId: row.id,
        details: { rating: input.rating, respondedOn, withComment: comment !== null },
      });
      return toResponse({ ...row, comment });
    });
  }

  /** Counts per month from `from` to `to` (yyyy-mm, inclusive), months without answers included. */
  monthlyCounts(ctx: RequestContext, from: string, to: string): Promise<FftMonth[]> {
    const months = monthsBetween(from, to);
    return this.database.run(ctx, async (uow) => {
      const rows = await uow.query<{ month: string; rating: FftRating; count: number }>(
        `SELECT to_char(responded_on, 'YYYY-MM') AS month, rating, count(*)::int AS count
           FROM fft_responses
          WHERE practice_id = $1 AND responded_on >= $2::date AND responded_on < $3::date
          GROUP BY 1, 2`,
        [uow.practiceId, `${from}-01`, addMonths(`${to}-01` as IsoDate, 1)],
      );
      const byMonth = new Map<string, FftMonth>(
        months.map((month) => [
          month,
          { month, veryGood: 0, good: 0, neither: 0, poor: 0, veryPoor: 0, dontKnow: 0, total: 0 },
        ]),
      );
      for (const row of rows) {
        const month = byMonth.get(row.month);
        if (!month) continue;
        month[RATING_FIELDS[row.rating]] += row.count;
        month.total += row.count;
      }
      return [...byMonth.values()];
    });
  }

  /** The month's responses with their comments, for the practice's own reading. */
  async responses(ctx: RequestContext, month: string): Promise<FftResponse[]> {
    const start = `${month}-01` as IsoDate;
    const rows = await this.database.run(ctx, (uow) =>
      uow.query<ResponseRow>(
        `SELECT r.id, r.rating, to_char(r.responded_on, 'YYYY-MM-DD') AS responded_on, c.comment, r.created_at
           FROM fft_responses r LEFT JOIN fft_comments c ON c.practice_id = r.practice_id AND c.response_id = r.id
          WHERE r.practice_id = $1 AND r.responded_on >= $2::date AND r.responded_on < $3::date
          ORDER BY r.responded_on DESC, r.created_at DESC LIMIT ${MONTH_LIST_LIMIT}`,
        [uow.practiceId, start, addMonths(start, 1)],
      ),
    );
    return rows.map(toResponse);
  }
}

function toResponse(row: ResponseRow): FftResponse {
  return {
    id: row.id,
    rating: row.rating,
    respondedOn: row.responded_on,
    comment: row.comment,
    createdAt: new Date(row.created_at),
  };
}

/** Every month from `from` to `to` inclusive, refusing a reversed or over-long range. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const span = index(to) - index(from) + 1;
  if (span < 1) throw new InputError('to is before from.', 'to');
  if (span > FEEDBACK_LIMITS.fftMonths)
    throw new InputError(`Ask for at most ${FEEDBACK_LIMITS.fftMonths} months at a time.`, 'to');
  return Array.from({ length: span }, (_, i) => {
    const n = index(from) + i;
    return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}
