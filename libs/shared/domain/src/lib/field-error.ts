/**
 * A validation failure tied to the input field it concerns, so a form can show it in place.
 * `field` is a dotted path into the validated object (`clocks.ackWorkingDays`, `ladder[2].kind`).
 */
export interface FieldError {
  field: string;
  message: string;
}

/** Checks a whole number lies in `min..max`; returns the error to report, if any. */
export function checkIntegerInRange(
  field: string,
  value: unknown,
  min: number,
  max: number,
  label: string,
): FieldError | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { field, message: `${label} must be a whole number.` };
  }
  if (value < min || value > max) {
    return { field, message: `${label} must be between ${min} and ${max}.` };
  }
  return undefined;
}
