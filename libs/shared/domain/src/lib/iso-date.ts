/**
 * A calendar day written `yyyy-mm-dd`, with no time and no timezone. Statutory clocks count
 * days, not instants, so every calculation here is done on whole UTC days: the result never
 * depends on the timezone of the machine that runs it.
 *
 * The template type lets literals through (`'2024-04-01'`); strings from elsewhere go through
 * {@link isIsoDate} or {@link toIsoDate} first.
 */
export type IsoDate = `${number}-${number}-${number}`;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar day in `yyyy-mm-dd` form (`2023-02-29` is refused). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Checks and narrows a string; throws a `RangeError` naming the bad value otherwise. */
export function toIsoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new RangeError(`Not a calendar date (yyyy-mm-dd): "${value}"`);
  return value;
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The same day of the month `n` months later (earlier when negative), clamped to the last day of
 * a shorter month: 31 Aug + 6 months = 28 Feb (29 Feb in a leap year).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, 'n');
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Calendar days from `a` to `b`: positive when `b` is later, 0 for the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Negative, zero or positive like `Array.prototype.sort` expects. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The later of two dates. */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // Day 0 of the epoch (1970-01-01) was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/**
 * The calendar date in the UK (Europe/London) at an instant: the "today" that statutory clocks
 * run on. Between midnight and 1am in summer this differs from the UTC date.
 */
export function londonDateOf(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return formatParts(part('year'), part('month'), part('day'));
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function partsOf(date: IsoDate): { year: number; month: number; day: number } {
  toIsoDate(date);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function toDayNumber(date: IsoDate): number {
  const { year, month, day } = partsOf(date);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function formatParts(year: number, month: number, day: number): IsoDate {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

function assertInteger(value: number, name: string): void {
  if (!Number.isInteger(value)) throw new RangeError(`${name} must be a whole number: ${value}`);
}
