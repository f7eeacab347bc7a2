import { Injectable } from '@nestjs/common';
import { AuditService } from '@parley/api/audit';
import {
  ConflictError,
  Database,
  InputError,
  isUniqueViolation,
  type RequestContext,
  type UnitOfWork,
} from '@parley/api/core';
import { addDays, dayOfWeek, type IsoDate } from '@parley/shared/domain';
import type { BankHoliday } from './feedback.types';

/** Room after the last day a clock starts from: 3 working days never span more than this. */
const CLOCK_SPAN_DAYS = 31;

/**
 * England and Wales bank holidays, read from the `bank_holidays` table (seeded with the shipped
 * list) so that a platform admin can add a day proclaimed later and every clock follows.
 */
@Injectable()
export class BankHolidaysService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  /** Non-working days from `from` up to a month after `to`, inside the caller's unit of work. */
  async calendarIn(
    uow: UnitOfWork,
    from: IsoDate,
    to: IsoDate = from,
  ): Promise<ReadonlySet<IsoDate>> {
    const rows = await uow.query<{ day: IsoDate }>(
      `SELECT to_char(holiday_on, 'YYYY-MM-DD') AS day FROM bank_holidays WHERE holiday_on BETWEEN $1::date AND $2::date`,
      [from, addDays(to, CLOCK_SPAN_DAYS)],
    );
    return new Set(rows.map((r) => r.day));
  }

  list(ctx: RequestContext, year?: number | null): Promise<BankHoliday[]> {
    return this.database.run(ctx, (uow) =>
      uow.query<BankHoliday>(
        `SELECT to_char(holiday_on, 'YYYY-MM-DD') AS date, name FROM bank_holidays
          WHERE $1::int IS NULL OR extract(year FROM holiday_on) = $1::int ORDER BY holiday_on`,
        [year ?? null],
      ),
    );
  }

  async add(ctx: RequestContext, date: IsoDate, name: string): Promise<BankHoliday> {
    const weekday = dayOfWeek(date);
    if (weekday === 0 || weekday === 6) {
      throw new InputError(
        'date falls at a weekend, which is never a working day: add the weekday substitute instead.',
        'date',
      );
    }
    try {
      return await this.database.run(ctx, async (uow) => {
        const [row] = await uow.query<BankHoliday>(
          `INSERT INTO bank_holidays (holiday_on, name, added_by) VALUES ($1, $2, $3)
           RETURNING to_char(holiday_on, 'YYYY-MM-DD') AS date, name`,
          [date, name.trim(), ctx.userId],
        );
        await this.audit.platform(ctx, uow, {
          action: 'bank_holiday.added',
          entityType: 'bank_holiday',
          entityId: date,
          details: { name: row.name },
        });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`${date} is already a bank holiday.`, 'date');
      throw error;
    }
  }
}
