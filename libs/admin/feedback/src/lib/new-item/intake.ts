import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import {
  complaintClocks,
  DEFAULT_CLOCK_SETTINGS,
  type IsoDate,
  isIsoDate,
  londonDateOf,
} from '@parley/shared/domain';

/** The API's own phone check: digits, spaces, brackets and hyphens, optionally after a +. */
export const PHONE_PATTERN = /^\+?\d[\d ()-]{5,38}$/;

/** Clocks drift: the API accepts a receipt a few minutes "ahead", so the form does too. */
const CLOCK_SKEW_MS = 5 * 60_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a `datetime-local` input shows it, in the browser's time zone. */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The moment a `datetime-local` value names, or null when it is not one. */
export function fromDateTimeLocal(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The UK day of receipt (day 0 of the clocks), as the API works it out. */
export function receivedDayOf(value: string): IsoDate | null {
  const date = fromDateTimeLocal(value);
  return date ? londonDateOf(date) : null;
}

export const notInFuture: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const date = fromDateTimeLocal(control.value);
  if (!control.value) return null;
  if (!date) return { dateTime: true };
  return date.getTime() > Date.now() + CLOCK_SKEW_MS ? { future: true } : null;
};

/** A day (yyyy-mm-dd) that is not after the day the item was received. */
export const notAfterReceipt: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  if (!control.value) return null;
  if (!isIsoDate(control.value)) return { date: true };
  const received = receivedDayOf(control.parent?.get('receivedAt')?.value ?? '');
  return received && control.value > received ? { afterReceipt: true } : null;
};

/** Nobody becomes aware of something before it happens. */
export const notBeforeEvent: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const event = control.parent?.get('eventOn')?.value as string | undefined;
  return control.value && event && isIsoDate(event) && control.value < event
    ? { beforeEvent: true }
    : null;
};

export const notBlank: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null =>
  control.value && !control.value.trim() ? { required: true } : null;

export interface TimeLimitView {
  limitDate: IsoDate;
  withinLimit: boolean;
}

/**
 * The time-limit check the API makes at intake (12 months, or longer if the practice allows more):
 * it runs from the later of the event and the complainant becoming aware of it. Null when neither
 * date is known yet.
 */
export function timeLimitOf(
  receivedAt: string,
  eventOn: string,
  awareOn: string,
  timeLimitMonths = DEFAULT_CLOCK_SETTINGS.timeLimitMonths,
): TimeLimitView | null {
  const receivedOn = receivedDayOf(receivedAt);
  const event = isIsoDate(eventOn) ? eventOn : undefined;
  const aware = isIsoDate(awareOn) ? awareOn : undefined;
  if (!receivedOn || (!event && !aware)) return null;
  return (
    complaintClocks({
      receivedOn,
      eventOn: event,
      awareOn: aware,
      timeLimitMonths,
      holidays: [],
      today: receivedOn,
    }).timeLimit ?? null
  );
}

/** The API names fields in its messages ("eventOn is after…"); say them in words. */
const FIELD_WORDS: Record<string, string> = {
  receivedAt: 'The time it was received',
  eventOn: 'The date it happened',
  awareOn: 'The date they became aware',
  timeLimitWaivedBecause: 'The reason for waiving the time limit',
  summary: 'The summary',
  'contact.email': 'The email address',
  'contact.phone': 'The phone number',
  'contact.name': 'The name',
};

export function inWords(message: string, field: string | undefined): string {
  const words = field ? FIELD_WORDS[field] : undefined;
  if (!field || !words || !message.startsWith(`${field} `)) return message;
  return `${words}${message.slice(field.length)}`;
}
