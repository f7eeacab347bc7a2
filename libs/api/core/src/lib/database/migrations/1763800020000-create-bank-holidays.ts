import { dayOfWeek, ENGLAND_WALES_BANK_HOLIDAYS, type IsoDate } from '@parley/shared/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grant } from '../migration-helpers';

/**
 * England and Wales bank holidays, which are not working days for the statutory complaint clocks.
 * A global lookup (no practice_id; a reference table on Citus), seeded with the table shipped in
 * the shared domain library; platform admins add days proclaimed later.
 */
export class CreateBankHolidays1763800020000 implements MigrationInterface {
  name = 'CreateBankHolidays1763800020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_holidays (
        holiday_on date PRIMARY KEY CHECK (extract(isodow FROM holiday_on) < 6),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        added_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    const days = [...ENGLAND_WALES_BANK_HOLIDAYS];
    await q.query(
      `INSERT INTO bank_holidays (holiday_on, name)
       SELECT d::date, n FROM unnest($1::text[], $2::text[]) AS h(d, n)
       ON CONFLICT (holiday_on) DO NOTHING`,
      [days, days.map(bankHolidayName)],
    );
    // Everyone's clocks read it; only the platform admin path adds to it. No updates or deletes.
    await grant(q, 'SELECT, INSERT', 'bank_holidays');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE bank_holidays');
  }
}

const ONE_OFF_NAMES: Readonly<Record<string, string>> = {
  '2020-05-08': 'Early May bank holiday (VE Day)',
  '2022-06-03': 'Platinum Jubilee bank holiday',
  '2022-09-19': 'Bank holiday for the State Funeral of Queen Elizabeth II',
  '2023-05-08': 'Bank holiday for the coronation of King Charles III',
};

/** The GOV.UK name of a day of the shipped table, worked out from where it falls. */
export function bankHolidayName(date: IsoDate): string {
  const oneOff = ONE_OFF_NAMES[date];
  if (oneOff) return oneOff;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  switch (month) {
    case 1:
      return day === 1 ? "New Year's Day" : "New Year's Day (substitute day)";
    case 3:
    case 4:
      return dayOfWeek(date) === 5 ? 'Good Friday' : 'Easter Monday';
    case 5:
      return day <= 7 ? 'Early May bank holiday' : 'Spring bank holiday';
    case 6:
      return 'Spring bank holiday';
    case 8:
      return 'Summer bank holiday';
    case 12: {
      if (day === 25) return 'Christmas Day';
      if (day === 26) return 'Boxing Day';
      // A weekend Christmas moves to the 27th; otherwise the substitute is Boxing Day's.
      const christmasAtWeekend = [0, 6].includes(dayOfWeek(`${year}-12-25` as IsoDate));
      return christmasAtWeekend && day === 27
        ? 'Christmas Day (substitute day)'
        : 'Boxing Day (substitute day)';
    }
    default:
      return 'Bank holiday';
  }
}
