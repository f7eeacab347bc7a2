import { dayOfWeek, IsoDate, toIsoDate } from './iso-date';
import {
  addDays,
  addWorkingDays,
  ENGLAND_WALES_BANK_HOLIDAY_YEARS,
  ENGLAND_WALES_BANK_HOLIDAYS as HOLIDAYS,
  isWorkingDay,
  workingDaysBetween,
} from './working-days';

/** The standing rules, worked out independently of the table, plus the one-off changes. */
function bankHolidaysByRule(year: number): IsoDate[] {
  const date = (m: number, d: number) =>
    toIsoDate(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  const mondayOnOrAfter = (d: IsoDate) => addDays(d, (8 - dayOfWeek(d)) % 7);
  const lastMonday = (m: number, lastDay: number) => {
    const d = date(m, lastDay);
    return addDays(d, -((dayOfWeek(d) + 6) % 7));
  };
  // Anonymous Gregorian computus.
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((8 * b + 13) / 25) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const easter = date(month, ((h + l - 7 * m + 114) % 31) + 1);

  const jan1 = date(1, 1);
  const newYear = dayOfWeek(jan1) % 6 === 0 ? mondayOnOrAfter(jan1) : jan1;
  const christmasDow = dayOfWeek(date(12, 25));
  const christmas =
    christmasDow === 6 // Saturday: both moved to Monday and Tuesday
      ? [date(12, 27), date(12, 28)]
      : christmasDow === 0 // Sunday: Boxing Day Monday, Christmas substitute Tuesday
        ? [date(12, 26), date(12, 27)]
        : christmasDow === 5 // Friday: Boxing Day (Saturday) moves to Monday
          ? [date(12, 25), date(12, 28)]
          : [date(12, 25), date(12, 26)];
  const days = [
    newYear,
    addDays(easter, -2),
    addDays(easter, 1),
    year === 2020 ? date(5, 8) : mondayOnOrAfter(date(5, 1)),
    year === 2022 ? date(6, 2) : lastMonday(5, 31),
    lastMonday(8, 31),
    ...christmas,
  ];
  const extras: Record<number, IsoDate[]> = {
    2022: ['2022-06-03', '2022-09-19'],
    2023: ['2023-05-08'],
  };
  return [...days, ...(extras[year] ?? [])].sort();
}

describe('ENGLAND_WALES_BANK_HOLIDAYS', () => {
  const { first, last } = ENGLAND_WALES_BANK_HOLIDAY_YEARS;
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  it.each(years)('matches the rules and one-off days for %i', (year) => {
    expect(HOLIDAYS.filter((d) => d.startsWith(`${year}-`))).toEqual(bankHolidaysByRule(year));
  });

  it('is sorted, unique, frozen and on weekdays only (substitute days cover weekends)', () => {
    expect([...HOLIDAYS].sort()).toEqual(HOLIDAYS);
    expect(new Set(HOLIDAYS).size).toBe(HOLIDAYS.length);
    expect(Object.isFrozen(HOLIDAYS)).toBe(true);
    expect(HOLIDAYS.every((d) => dayOfWeek(d) >= 1 && dayOfWeek(d) <= 5)).toBe(true);
    expect(HOLIDAYS[0]).toBe('2018-01-01');
    expect(HOLIDAYS[HOLIDAYS.length - 1]).toBe('2030-12-26');
  });

  it('has the real dates of the unusual years', () => {
    const has = (d: IsoDate) => HOLIDAYS.includes(d);
    // VE Day 75: Early May moved from Monday 4 to Friday 8 May 2020.
    expect(has('2020-05-08')).toBe(true);
    expect(has('2020-05-04')).toBe(false);
    // Platinum Jubilee: Spring moved from 30 May to 2 June 2022, plus 3 June.
    expect(has('2022-06-02') && has('2022-06-03')).toBe(true);
    expect(has('2022-05-30')).toBe(false);
    expect(has('2022-09-19')).toBe(true); // State Funeral
    expect(has('2023-05-08')).toBe(true); // Coronation
    // Substitute days.
    expect(has('2022-01-03') && !has('2022-01-01')).toBe(true);
    expect(has('2023-01-02')).toBe(true);
    expect(has('2020-12-28') && !has('2020-12-26')).toBe(true);
    expect(has('2021-12-27') && has('2021-12-28')).toBe(true);
    expect(has('2022-12-26') && has('2022-12-27')).toBe(true);
    // Year counts: 8 as usual, 10 in 2022, 9 in 2023.
    const count = (y: number) => HOLIDAYS.filter((d) => d.startsWith(`${y}-`)).length;
    expect([count(2019), count(2020), count(2022), count(2023), count(2024)]).toEqual([
      8, 8, 10, 9, 8,
    ]);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday except holidays', () => {
    expect(isWorkingDay('2024-06-03', HOLIDAYS)).toBe(true); // Monday
    expect(isWorkingDay('2024-06-07', HOLIDAYS)).toBe(true); // Friday
    expect(isWorkingDay('2024-06-08', HOLIDAYS)).toBe(false); // Saturday
    expect(isWorkingDay('2024-06-09', HOLIDAYS)).toBe(false); // Sunday
    expect(isWorkingDay('2024-12-25', HOLIDAYS)).toBe(false);
    expect(isWorkingDay('2024-12-25', [])).toBe(true);
  });

  it('accepts a Set as well as an array', () => {
    expect(isWorkingDay('2024-12-25', new Set(HOLIDAYS))).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('counts from the day after: Monday + 3 is Thursday, Friday + 3 is Wednesday', () => {
    expect(addWorkingDays('2024-06-03', 3, HOLIDAYS)).toBe('2024-06-06');
    expect(addWorkingDays('2024-06-07', 3, HOLIDAYS)).toBe('2024-06-12');
  });

  it('treats the starting day as day 0 whatever it is', () => {
    expect(addWorkingDays('2024-06-08', 1, HOLIDAYS)).toBe('2024-06-10'); // Saturday → Monday
    expect(addWorkingDays('2024-06-09', 3, HOLIDAYS)).toBe('2024-06-12'); // Sunday → Wednesday
    expect(addWorkingDays('2024-12-25', 1, HOLIDAYS)).toBe('2024-12-27');
    expect(addWorkingDays('2024-06-08', 0, HOLIDAYS)).toBe('2024-06-08');
  });

  it('skips bank holidays', () => {
    // Maundy Thursday 2024: Good Friday and Easter Monday follow.
    expect(addWorkingDays('2024-03-28', 1, HOLIDAYS)).toBe('2024-04-02');
    expect(addWorkingDays('2024-03-28', 3, HOLIDAYS)).toBe('2024-04-04');
    // Christmas 2020: 25th Friday, Boxing Day substitute Monday 28th.
    expect(addWorkingDays('2020-12-24', 3, HOLIDAYS)).toBe('2020-12-31');
    // Platinum Jubilee 2022: Thursday 2 and Friday 3 June.
    expect(addWorkingDays('2022-06-01', 1, HOLIDAYS)).toBe('2022-06-06');
    expect(addWorkingDays('2024-03-28', 1, [])).toBe('2024-03-29');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2024-01-01', -1, HOLIDAYS)).toThrow(RangeError);
    expect(() => addWorkingDays('2024-01-01', 1.5, HOLIDAYS)).toThrow(RangeError);
  });

  it('always lands on a working day when n ≥ 1', () => {
    for (let day: IsoDate = '2022-11-01'; day < '2023-02-01'; day = addDays(day, 1)) {
      for (const n of [1, 2, 3, 10]) {
        expect(isWorkingDay(addWorkingDays(day, n, HOLIDAYS), HOLIDAYS)).toBe(true);
      }
    }
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after a up to and including b', () => {
    expect(workingDaysBetween('2024-06-03', '2024-06-03', HOLIDAYS)).toBe(0);
    expect(workingDaysBetween('2024-06-07', '2024-06-10', HOLIDAYS)).toBe(1); // Fri → Mon
    expect(workingDaysBetween('2024-06-08', '2024-06-09', HOLIDAYS)).toBe(0); // weekend
    expect(workingDaysBetween('2024-03-28', '2024-04-02', HOLIDAYS)).toBe(1); // over Easter
    expect(workingDaysBetween('2024-01-01', '2024-12-31', HOLIDAYS)).toBe(254);
  });

  it('is negative when b is before a', () => {
    expect(workingDaysBetween('2024-06-10', '2024-06-07', HOLIDAYS)).toBe(-1);
  });

  it('agrees with counting day by day, whatever the calendar', () => {
    // A made-up calendar with a Saturday in it: weekends must not be taken off twice.
    const calendars = [HOLIDAYS, [], ['2024-06-08', '2024-06-12'] as IsoDate[]];
    for (const calendar of calendars) {
      for (let a: IsoDate = '2024-05-20'; a < '2024-06-20'; a = addDays(a, 2)) {
        for (const span of [0, 1, 2, 5, 6, 7, 8, 13, 30, 45]) {
          const b = addDays(a, span);
          let expected = 0;
          for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) {
            if (isWorkingDay(d, calendar)) expected++;
          }
          expect(workingDaysBetween(a, b, calendar)).toBe(expected);
        }
      }
    }
  });

  it('inverts addWorkingDays', () => {
    for (let day: IsoDate = '2023-12-01'; day < '2024-06-01'; day = addDays(day, 3)) {
      for (const n of [0, 1, 3, 20]) {
        expect(workingDaysBetween(day, addWorkingDays(day, n, HOLIDAYS), HOLIDAYS)).toBe(n);
      }
    }
  });
});
