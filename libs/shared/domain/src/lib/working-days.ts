import { addDays, dayOfWeek, daysBetween, IsoDate, toIsoDate } from './iso-date';

export { addDays, addMonths } from './iso-date';

/** The years {@link ENGLAND_WALES_BANK_HOLIDAYS} covers; outside them only weekends are known. */
export const ENGLAND_WALES_BANK_HOLIDAY_YEARS = { first: 2018, last: 2030 } as const;

/**
 * Bank holidays in England and Wales, 2018–2030, as published on GOV.UK for the years announced,
 * then projected from the standing rules (a proclamation can still move or add a day).
 * One year per line: New Year, Good Friday, Easter Monday, Early May, Spring, Summer, Christmas,
 * Boxing Day, with substitute days when a holiday falls at the weekend, plus the one-off days.
 */
export const ENGLAND_WALES_BANK_HOLIDAYS: readonly IsoDate[] = Object.freeze<IsoDate[]>(
  [
    ...['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27'],
    ...['2018-12-25', '2018-12-26'],
    ...['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26'],
    ...['2019-12-25', '2019-12-26'],
    // Early May moved to Friday 8 May for the 75th anniversary of VE Day; Boxing Day substitute.
    ...['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31'],
    ...['2020-12-25', '2020-12-28'],
    // Christmas (Saturday) and Boxing Day (Sunday) both substituted.
    ...['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30'],
    ...['2021-12-27', '2021-12-28'],
    // New Year substitute; Spring moved to Thursday 2 June with Friday 3 June for the Platinum
    // Jubilee; 19 September for the State Funeral of Queen Elizabeth II; Christmas substitute.
    ...['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03'],
    ...['2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27'],
    // New Year substitute; 8 May for the Coronation of King Charles III.
    ...['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29'],
    ...['2023-08-28', '2023-12-25', '2023-12-26'],
    ...['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26'],
    ...['2024-12-25', '2024-12-26'],
    ...['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25'],
    ...['2025-12-25', '2025-12-26'],
    ...['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31'],
    ...['2026-12-25', '2026-12-28'],
    ...['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30'],
    ...['2027-12-27', '2027-12-28'],
    ...['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28'],
    ...['2028-12-25', '2028-12-26'],
    ...['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27'],
    ...['2029-12-25', '2029-12-26'],
    ...['2030-01-01', '2030-04-19', '2030-04-22', '2030-05-06', '2030-05-27', '2030-08-26'],
    ...['2030-12-25', '2030-12-26'],
  ].map(toIsoDate),
);

/** Non-working weekdays: usually {@link ENGLAND_WALES_BANK_HOLIDAYS}. */
export type HolidayCalendar = readonly IsoDate[] | ReadonlySet<IsoDate>;

/** A working day is Monday to Friday and not a holiday. */
export function isWorkingDay(date: IsoDate, holidays: HolidayCalendar): boolean {
  return isWeekday(date) && !toSet(holidays).has(date);
}

/**
 * The `n`th working day after `date`. The starting day is day 0 whatever it is (a complaint
 * received on a Saturday has its 1st working day on Monday); `n = 0` returns `date` itself.
 */
export function addWorkingDays(date: IsoDate, n: number, holidays: HolidayCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`n must be a whole number of working days, 0 or more: ${n}`);
  }
  const set = toSet(holidays);
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, set)) counted++;
  }
  return day;
}

/**
 * Working days after `a` up to and including `b`, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) === n`. Negative when `b` is before `a`.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, holidays: HolidayCalendar): number {
  const span = daysBetween(a, b);
  if (span < 0) return -workingDaysBetween(b, a, holidays);
  // Weekdays by arithmetic (5 per whole week, then the leftover days), then take off the
  // holidays that fall on a weekday in range: ISO dates compare correctly as strings.
  const startDay = dayOfWeek(a);
  let count = Math.floor(span / 7) * 5;
  for (let k = 1; k <= span % 7; k++) {
    if (((startDay + k) % 7) % 6 !== 0) count++;
  }
  for (const holiday of toSet(holidays)) {
    if (holiday > a && holiday <= b && isWeekday(holiday)) count--;
  }
  return count;
}

function isWeekday(date: IsoDate): boolean {
  return dayOfWeek(date) % 6 !== 0; // 0 = Sunday, 6 = Saturday
}

function toSet(holidays: HolidayCalendar): ReadonlySet<IsoDate> {
  return holidays instanceof Set ? holidays : new Set(holidays);
}
