import {
  checkIntegerInRange,
  DEFAULT_ESCALATION_SETTINGS,
  DEFAULT_TRIGGER_MIN_SEVERITY,
  type EscalationSettings,
  type EscalationStep,
  type EscalationTrigger,
  type FieldError,
  IMMEDIATE_REMOVAL_CONFIRMATION_DAYS,
  INCIDENT_SEVERITY_LABELS,
  REMOVAL_EFFECTIVE_AFTER_DAYS,
  validateEscalationSettings,
  WARNING_VALID_MONTHS,
} from '@parley/shared/domain';

/**
 * The removal rules a practice keeps, as data. The law sets the outer limits (a warning within
 * the preceding 12 months; written confirmation of an immediate removal within 7 days); a
 * practice may be stricter, never looser. The 8th-day effective date is fixed by law.
 */
export interface RemovalRules {
  /** How recent a warning must be to support an ordinary removal: 1..12 months. */
  warningValidMonths: number;
  /** Days after an immediate removal by which it is confirmed in writing: 1..7. */
  writtenConfirmationDays: number;
  /**
   * Whether an ordinary removal may go ahead without a warning when giving one would have been
   * unsafe or impracticable (the reasons recorded), as the regulations allow.
   */
  allowRemovalWithoutWarningWhenUnsafe: boolean;
}

/** A practice's escalation thresholds: the shared settings plus its removal rules. */
export interface PracticeEscalationSettings extends EscalationSettings {
  removalRules: RemovalRules;
}

export const DEFAULT_REMOVAL_RULES: Readonly<RemovalRules> = Object.freeze({
  warningValidMonths: WARNING_VALID_MONTHS,
  writtenConfirmationDays: IMMEDIATE_REMOVAL_CONFIRMATION_DAYS,
  allowRemovalWithoutWarningWhenUnsafe: true,
});

export const DEFAULT_PRACTICE_ESCALATION_SETTINGS: Readonly<PracticeEscalationSettings> =
  Object.freeze({
    ...DEFAULT_ESCALATION_SETTINGS,
    removalRules: DEFAULT_REMOVAL_RULES,
  });

/** Ordinary removals take effect on this day after the request, whatever a practice says. */
export const REMOVAL_EFFECTIVE_DAY = REMOVAL_EFFECTIVE_AFTER_DAYS;

export function validateRemovalRules(rules: RemovalRules): FieldError[] {
  const errors: FieldError[] = [];
  if (
    Number.isInteger(rules.warningValidMonths) &&
    rules.warningValidMonths > WARNING_VALID_MONTHS
  ) {
    errors.push({
      field: 'removalRules.warningValidMonths',
      message:
        'The regulations require the patient to have been warned within the preceding 12 months. A practice may ' +
        'require a more recent warning, not an older one.',
    });
  } else {
    const error = checkIntegerInRange(
      'removalRules.warningValidMonths',
      rules.warningValidMonths,
      1,
      WARNING_VALID_MONTHS,
      'Warning validity (months)',
    );
    if (error) errors.push(error);
  }
  if (
    Number.isInteger(rules.writtenConfirmationDays) &&
    rules.writtenConfirmationDays > IMMEDIATE_REMOVAL_CONFIRMATION_DAYS
  ) {
    errors.push({
      field: 'removalRules.writtenConfirmationDays',
      message:
        'An immediate removal must be confirmed in writing within 7 days. A practice may confirm sooner, not later.',
    });
  } else {
    const error = checkIntegerInRange(
      'removalRules.writtenConfirmationDays',
      rules.writtenConfirmationDays,
      1,
      IMMEDIATE_REMOVAL_CONFIRMATION_DAYS,
      'Written confirmation (days)',
    );
    if (error) errors.push(error);
  }
  return errors;
}

/** Every problem with the settings, each naming its field; empty when they can be saved. */
export function validatePracticeEscalationSettings(
  settings: PracticeEscalationSettings,
): FieldError[] {
  return [...validateEscalationSettings(settings), ...validateRemovalRules(settings.removalRules)];
}

/**
 * Settings as stored, over the defaults: a version saved before a section existed still reads
 * as complete.
 */
export function fromStored(
  stored: Partial<PracticeEscalationSettings>,
): PracticeEscalationSettings {
  const d = DEFAULT_PRACTICE_ESCALATION_SETTINGS;
  return {
    ladder: stored.ladder ?? d.ladder,
    clocks: { ...d.clocks, ...stored.clocks },
    volumeAlert: { ...d.volumeAlert, ...stored.volumeAlert },
    removalRules: { ...d.removalRules, ...stored.removalRules },
  };
}

/** Drops unset trigger parts so stored JSON says only what the practice chose. */
export function cleanTrigger(trigger: {
  minSeverity?: number | null;
  incidentCount?: number | null;
  withinDays?: number | null;
}): EscalationTrigger {
  const clean: { minSeverity?: number; incidentCount?: number; withinDays?: number } = {};
  if (trigger.minSeverity !== undefined && trigger.minSeverity !== null)
    clean.minSeverity = trigger.minSeverity;
  if (trigger.incidentCount !== undefined && trigger.incidentCount !== null)
    clean.incidentCount = trigger.incidentCount;
  if (trigger.withinDays !== undefined && trigger.withinDays !== null)
    clean.withinDays = trigger.withinDays;
  return clean as EscalationTrigger;
}

/** "2 incidents of severity Abusive or worse within 90 days". */
export function describeTrigger(trigger: EscalationTrigger): string {
  const count = trigger.incidentCount ?? 1;
  const severity = INCIDENT_SEVERITY_LABELS[trigger.minSeverity ?? DEFAULT_TRIGGER_MIN_SEVERITY];
  const incidents = count === 1 ? 'one incident' : `${count} incidents`;
  const window = trigger.withinDays ? ` within ${trigger.withinDays} days` : '';
  return `${incidents[0].toUpperCase()}${incidents.slice(1)} of severity ${severity} or worse${window}`;
}

export function describeStep(step: EscalationStep): string {
  return describeTrigger(step.trigger);
}
