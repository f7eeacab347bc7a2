import { addDays, addMonths, compareIsoDates, IsoDate } from './iso-date';

/** A warning given to the patient, with the reasons for it as recorded. */
export interface RemovalWarning {
  givenOn: IsoDate;
  /** Free text, or one entry per reason. Blank reasons do not make a warning. */
  reasons: string | readonly string[];
}

export interface RemovalRequestInput {
  requestedOn: IsoDate;
  /** Immediate removal, only after violence or threats reported to the police. */
  immediate: boolean;
  policeIncidentReference?: string;
  warnings: readonly RemovalWarning[];
  /**
   * Why no warning was given, when giving one would have been unsafe or impracticable. Recorded
   * reasons here let an ordinary removal go ahead without a warning, as the regulations allow.
   */
  noWarningBecause?: string;
}

export const RemovalRefusalCode = {
  PoliceReferenceRequired: 'police_reference_required',
  NoWarning: 'no_warning',
  WarningTooOld: 'warning_too_old',
  WarningWithoutReasons: 'warning_without_reasons',
  ReasonsRequired: 'reasons_required',
} as const;
export type RemovalRefusalCode = (typeof RemovalRefusalCode)[keyof typeof RemovalRefusalCode];

/** Why a request (or a warning) cannot stand, in words for the practice manager. */
export interface RemovalRefusal {
  ok: false;
  code: RemovalRefusalCode;
  reason: string;
}

export type RemovalCheck =
  | {
      ok: true;
      /** The day the patient leaves the list. */
      effectiveOn: IsoDate;
      /** Immediate removals only: the day the written confirmation is due by. */
      writtenConfirmationDueOn?: IsoDate;
      /** The warning relied on, for an ordinary removal with one. */
      warningRelied?: RemovalWarning;
    }
  | RemovalRefusal;

/** Ordinary removal takes effect on the 8th day after the request. */
export const REMOVAL_EFFECTIVE_AFTER_DAYS = 8;
/** Immediate removal must be confirmed in writing within 7 days. */
export const IMMEDIATE_REMOVAL_CONFIRMATION_DAYS = 7;
/** A warning counts for 12 months. */
export const WARNING_VALID_MONTHS = 12;

/** Refuses blank reasons: a warning or a removal must say why. */
export function reasonsRequired(
  reasons: string | readonly string[],
): { ok: true } | RemovalRefusal {
  return hasReasons(reasons)
    ? { ok: true }
    : {
        ok: false,
        code: RemovalRefusalCode.ReasonsRequired,
        reason: 'Reasons must be recorded and given to the patient.',
      };
}

/**
 * The earliest date a warning can have been given and still support a removal requested on
 * `requestedOn`: the same calendar day 12 months before (clamped, so a request on 29 Feb 2024
 * accepts warnings from 28 Feb 2023). A warning given on this day is still valid.
 */
export function earliestValidWarningDate(requestedOn: IsoDate): IsoDate {
  return addMonths(requestedOn, -WARNING_VALID_MONTHS);
}

/**
 * Checks a request to remove a patient from the practice list.
 *
 * - Immediate: needs a police incident reference; effective on the request day, confirmation in
 *   writing due 7 days later.
 * - Ordinary: needs a warning with reasons given on or after `earliestValidWarningDate` and not
 *   after the request (or recorded reasons why a warning was unsafe or impracticable); effective
 *   on the 8th day after the request.
 *
 * It cannot tell whether the real reason is that the patient complained, which is never
 * allowed: that is for the person making the request to confirm.
 */
export function checkRemovalRequest(input: RemovalRequestInput): RemovalCheck {
  const { requestedOn } = input;
  if (input.immediate) {
    if (!input.policeIncidentReference?.trim()) {
      return refuse(
        'police_reference_required',
        'Immediate removal is only possible after violence or threatening behaviour reported ' +
          'to the police: record the police incident number.',
      );
    }
    return {
      ok: true,
      effectiveOn: requestedOn,
      writtenConfirmationDueOn: addDays(requestedOn, IMMEDIATE_REMOVAL_CONFIRMATION_DAYS),
    };
  }

  const effectiveOn = addDays(requestedOn, REMOVAL_EFFECTIVE_AFTER_DAYS);
  const earliest = earliestValidWarningDate(requestedOn);
  const inWindow = input.warnings.filter(
    (w) =>
      compareIsoDates(w.givenOn, earliest) >= 0 && compareIsoDates(w.givenOn, requestedOn) <= 0,
  );
  const relied = inWindow.find((w) => hasReasons(w.reasons));
  if (relied) return { ok: true, effectiveOn, warningRelied: relied };
  if (input.noWarningBecause?.trim()) return { ok: true, effectiveOn };

  if (inWindow.length > 0) {
    return refuse(
      'warning_without_reasons',
      'The warning given in the last 12 months has no reasons recorded. A warning must give ' +
        'the patient the reasons.',
    );
  }
  const given = input.warnings.filter((w) => compareIsoDates(w.givenOn, requestedOn) <= 0);
  if (given.length > 0) {
    return refuse(
      'warning_too_old',
      `The last warning is more than 12 months old: a warning must have been given on or ` +
        `after ${earliest}.`,
    );
  }
  return refuse(
    'no_warning',
    'The patient must have been warned, with reasons, within the 12 months before the request ' +
      '(unless a warning would have been unsafe or impracticable: record why).',
  );
}

function hasReasons(reasons: string | readonly string[]): boolean {
  const list: readonly string[] = typeof reasons === 'string' ? [reasons] : reasons;
  return list.some((reason) => reason.trim().length > 0);
}

function refuse(code: RemovalRefusalCode, reason: string): RemovalRefusal {
  return { ok: false, code, reason };
}
