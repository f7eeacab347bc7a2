import type { AbstractControl } from '@angular/forms';

/** An error the server attributed to one input field (ApiError fits). */
export interface FieldError {
  fieldName?: string;
  message: string;
}

/**
 * Puts a server-side validation error on the form control it names (as `errors.server`), so it
 * shows under that field. Returns false when no control matches, for a form-level message.
 */
export function applyServerError(form: AbstractControl, error: FieldError): boolean {
  const control = error.fieldName ? form.get(error.fieldName) : null;
  if (!control) return false;
  control.setErrors({ ...(control.errors ?? {}), server: error.message });
  control.markAsTouched();
  return true;
}

/** Moves focus to the first invalid field inside `host`, e.g. after a refused submit. */
export function focusFirstInvalid(host: HTMLElement): void {
  const invalid = host.querySelector<HTMLElement>(
    'input.ng-invalid, textarea.ng-invalid, select.ng-invalid, mat-select.ng-invalid, .mat-mdc-radio-group.ng-invalid input',
  );
  invalid?.focus();
}

/** Practical email check; the server has the last word. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A URL slug from a name: "St John's Surgery" → "st-johns-surgery". */
export function slugify(name: string, maxLength = 80): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

/** Lowercase letters, digits and single hyphens, as the API requires of slugs. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
