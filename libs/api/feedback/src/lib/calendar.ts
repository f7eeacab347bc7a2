import { compareIsoDates, isIsoDate, type IsoDate, londonDateOf } from '@parley/shared/domain';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Calendar days as GraphQL strings, `yyyy-mm-dd`. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => isIsoDate(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'date'} must be a calendar date written yyyy-mm-dd`,
      },
    },
    options,
  );
}

/** The UK calendar day now: the "today" statutory clocks run on. */
export function ukToday(now: Date = new Date()): IsoDate {
  return londonDateOf(now);
}

/** The earliest day the log accepts; older records are past their 10-year retention anyway. */
export const EARLIEST_DAY: IsoDate = '2000-01-01';

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) > 0;
}

export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return compareIsoDates(a, b) < 0;
}
