import { checkIntegerInRange, FieldError } from './field-error';
import { addMonths, compareIsoDates, IsoDate, laterOf } from './iso-date';
import { addWorkingDays, HolidayCalendar } from './working-days';

/** The statutory clocks a practice can configure (Complaints Regulations 2009, England). */
export interface ClockSettings {
  /** Working days after receipt to acknowledge by. The regulations say 3; fewer is allowed. */
  ackWorkingDays: number;
  /** The practice's own target for a full response. The regulations set no fixed deadline. */
  responseTargetWorkingDays: number;
  /** Months without a response after which the complainant must be written to. At most 6. */
  delayLetterMonths: number;
  /** Months after the event (or becoming aware of it) a complaint may be made. At least 12. */
  timeLimitMonths: number;
}

/** The limits of the regulations, used as defaults. */
export const DEFAULT_CLOCK_SETTINGS: Readonly<ClockSettings> = Object.freeze({
  ackWorkingDays: 3,
  responseTargetWorkingDays: 20,
  delayLetterMonths: 6,
  timeLimitMonths: 12,
});

const REGULATION_ACK_WORKING_DAYS = 3;
const REGULATION_DELAY_LETTER_MONTHS = 6;
const REGULATION_TIME_LIMIT_MONTHS = 12;
/**
 * Fewest working days in any window of 1..6 months over the bank-holiday table (index = months),
 * so a response target within it always falls before the delay letter would be due.
 */
export const MIN_WORKING_DAYS_IN_MONTHS: readonly number[] = [0, 17, 38, 59, 80, 100, 121];

export interface ComplaintClockInput {
  receivedOn: IsoDate;
  /** When the matter complained about happened. */
  eventOn?: IsoDate;
  /** When the complainant became aware of it, if later. */
  awareOn?: IsoDate;
  acknowledgedOn?: IsoDate;
  respondedOn?: IsoDate;
  ackWorkingDays?: number;
  delayLetterMonths?: number;
  timeLimitMonths?: number;
  holidays: HolidayCalendar;
  /** The UK calendar date now (see `londonDateOf`). */
  today: IsoDate;
}

export interface ComplaintClocks {
  /** Last day on which the acknowledgement is in time. */
  acknowledgementDue: IsoDate;
  /** Not yet acknowledged and the due day has passed. */
  acknowledgementOverdue: boolean;
  /** Set once acknowledged: whether it was on or before the due day. */
  acknowledgedInTime?: boolean;
  /** Day by which, if still no response has been sent, the delay letter must go. */
  delayLetterDue: IsoDate;
  /** No response sent and the delay-letter day has passed. */
  delayLetterOverdue: boolean;
  /** Absent when neither the event date nor the date of awareness is recorded. */
  timeLimit?: { withinLimit: boolean; limitDate: IsoDate };
}

/**
 * The statutory clocks of one complaint as of `today`. "Overdue" flags describe what is still
 * outstanding: once acknowledged (or responded to) the flag clears, and `acknowledgedInTime`
 * keeps the record of lateness.
 */
export function complaintClocks(input: ComplaintClockInput): ComplaintClocks {
  const {
    receivedOn,
    acknowledgedOn,
    respondedOn,
    holidays,
    today,
    ackWorkingDays = DEFAULT_CLOCK_SETTINGS.ackWorkingDays,
    delayLetterMonths = DEFAULT_CLOCK_SETTINGS.delayLetterMonths,
    timeLimitMonths = DEFAULT_CLOCK_SETTINGS.timeLimitMonths,
  } = input;

  const acknowledgementDue = addWorkingDays(receivedOn, ackWorkingDays, holidays);
  const delayLetterDue = addMonths(receivedOn, delayLetterMonths);
  const clocks: ComplaintClocks = {
    acknowledgementDue,
    acknowledgementOverdue:
      acknowledgedOn === undefined && compareIsoDates(today, acknowledgementDue) > 0,
    delayLetterDue,
    delayLetterOverdue: respondedOn === undefined && compareIsoDates(today, delayLetterDue) > 0,
  };
  if (acknowledgedOn !== undefined) {
    clocks.acknowledgedInTime = compareIsoDates(acknowledgedOn, acknowledgementDue) <= 0;
  }

  // The limit runs from the later of the event and the complainant becoming aware of it.
  const startsOn =
    input.eventOn && input.awareOn
      ? laterOf(input.eventOn, input.awareOn)
      : (input.eventOn ?? input.awareOn);
  if (startsOn !== undefined) {
    const limitDate = addMonths(startsOn, timeLimitMonths);
    clocks.timeLimit = { withinLimit: compareIsoDates(receivedOn, limitDate) <= 0, limitDate };
  }
  return clocks;
}

export interface OralResolutionInput {
  oral: boolean;
  receivedOn: IsoDate;
  /** When it was resolved to the complainant's satisfaction, if it has been. */
  resolvedOn?: IsoDate;
  holidays: HolidayCalendar;
}

/**
 * An oral complaint resolved to the complainant's satisfaction by the next working day after it
 * was made is outside the regulations: no acknowledgement, no KO41(b) count.
 */
export function isOutsideRegulations(input: OralResolutionInput): boolean {
  const { oral, receivedOn, resolvedOn, holidays } = input;
  if (!oral || resolvedOn === undefined) return false;
  const nextWorkingDay = addWorkingDays(receivedOn, 1, holidays);
  return (
    compareIsoDates(resolvedOn, receivedOn) >= 0 && compareIsoDates(resolvedOn, nextWorkingDay) <= 0
  );
}

export interface ClockSettingsInput {
  ackWorkingDays: number;
  responseTargetWorkingDays: number;
  delayLetterMonths: number;
  timeLimitMonths?: number;
}

/**
 * Checks a practice's clock settings against the regulations: a practice may be stricter than
 * the law (acknowledge sooner, write about delay sooner) but never looser. Returns one error per
 * offending field, empty when valid.
 */
export function validateClockSettings(settings: ClockSettingsInput): FieldError[] {
  const errors: FieldError[] = [];
  const push = (error: FieldError | undefined) => error && errors.push(error);

  const { ackWorkingDays, responseTargetWorkingDays, delayLetterMonths, timeLimitMonths } =
    settings;
  if (Number.isInteger(ackWorkingDays) && ackWorkingDays > REGULATION_ACK_WORKING_DAYS) {
    errors.push({
      field: 'ackWorkingDays',
      message:
        'The Complaints Regulations require acknowledgement by the 3rd working day after ' +
        'receipt. A practice may acknowledge sooner, not later.',
    });
  } else {
    push(checkIntegerInRange('ackWorkingDays', ackWorkingDays, 1, 3, 'Acknowledgement period'));
  }

  if (Number.isInteger(delayLetterMonths) && delayLetterMonths > REGULATION_DELAY_LETTER_MONTHS) {
    errors.push({
      field: 'delayLetterMonths',
      message:
        'If 6 months pass without a response the regulations require a letter explaining the ' +
        'delay. The period cannot be longer than 6 months.',
    });
  } else {
    push(checkIntegerInRange('delayLetterMonths', delayLetterMonths, 1, 6, 'Delay letter period'));
  }

  // The target must fall after the acknowledgement and before the delay letter would be due.
  const ackDays = Number.isInteger(ackWorkingDays) ? Math.max(1, ackWorkingDays) : 1;
  const delayMonths = Number.isInteger(delayLetterMonths)
    ? Math.min(Math.max(1, delayLetterMonths), REGULATION_DELAY_LETTER_MONTHS)
    : REGULATION_DELAY_LETTER_MONTHS;
  push(
    checkIntegerInRange(
      'responseTargetWorkingDays',
      responseTargetWorkingDays,
      ackDays,
      MIN_WORKING_DAYS_IN_MONTHS[delayMonths] ?? 0,
      'Response target (working days)',
    ),
  );

  if (timeLimitMonths !== undefined) {
    if (Number.isInteger(timeLimitMonths) && timeLimitMonths < REGULATION_TIME_LIMIT_MONTHS) {
      errors.push({
        field: 'timeLimitMonths',
        message:
          'The regulations give complainants 12 months from the event or from becoming aware ' +
          'of it. A practice may waive the limit, not shorten it.',
      });
    } else {
      push(checkIntegerInRange('timeLimitMonths', timeLimitMonths, 12, 120, 'Time limit'));
    }
  }
  return errors;
}
