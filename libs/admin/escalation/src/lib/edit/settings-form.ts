import {
  ALL_ESCALATION_STEP_KINDS,
  type EscalationSettings as DomainSettings,
  type EscalationStepKind as DomainStepKind,
  type FieldError,
  IMMEDIATE_REMOVAL_CONFIRMATION_DAYS,
  validateEscalationSettings,
  WARNING_VALID_MONTHS,
} from '@parley/shared/domain';
import {
  type EscalationSettingsFieldsFragment,
  EscalationStepKind,
  IncidentSeverity,
  type SaveEscalationSettingsInput,
  VolumeAlertOf,
} from '../generated/graphql';
import { type ReadableSettings, severityNumber } from '../settings-text';

/** Every step a ladder may use, in the only order the law and the API accept. */
export const STEP_KINDS = ALL_ESCALATION_STEP_KINDS as readonly string[] as EscalationStepKind[];

export interface StepFormValue {
  included: boolean;
  minSeverity: IncidentSeverity;
  incidentCount: number | null;
  withinDays: number | null;
}

/** The editor's values; numbers are null while their field is empty. */
export interface SettingsFormValue {
  ladder: Record<EscalationStepKind, StepFormValue>;
  removalRules: {
    warningValidMonths: number | null;
    writtenConfirmationDays: number | null;
    allowRemovalWithoutWarningWhenUnsafe: boolean;
  };
  clocks: {
    ackWorkingDays: number | null;
    responseTargetWorkingDays: number | null;
    delayLetterMonths: number | null;
    timeLimitMonths: number | null;
  };
  volumeAlert: { count: number | null; withinDays: number | null; of: VolumeAlertOf };
  note: string;
}

/** The form's starting point: the settings in force. Steps not on the ladder start as the defaults would. */
export function formValueOf(settings: EscalationSettingsFieldsFragment): SettingsFormValue {
  const ladder = {} as Record<EscalationStepKind, StepFormValue>;
  for (const kind of STEP_KINDS) {
    const step = settings.ladder.find((s) => s.kind === kind);
    ladder[kind] = {
      included: !!step,
      minSeverity:
        step?.trigger.minSeverity ??
        (kind === EscalationStepKind.InviteDiscussion
          ? IncidentSeverity.Offensive
          : IncidentSeverity.Abusive),
      incidentCount: step?.trigger.incidentCount ?? 1,
      withinDays: step?.trigger.withinDays ?? null,
    };
  }
  const { warningValidMonths, writtenConfirmationDays, allowRemovalWithoutWarningWhenUnsafe } =
    settings.removalRules;
  return {
    ladder,
    removalRules: {
      warningValidMonths,
      writtenConfirmationDays,
      allowRemovalWithoutWarningWhenUnsafe,
    },
    clocks: { ...settings.clocks },
    volumeAlert: { ...settings.volumeAlert },
    note: '',
  };
}

/** The steps the practice chose, in ladder order. */
function chosenSteps(value: SettingsFormValue) {
  return STEP_KINDS.filter((kind) => value.ladder[kind].included).map((kind) => {
    const { minSeverity, incidentCount, withinDays } = value.ladder[kind];
    return { kind, trigger: { minSeverity, incidentCount, withinDays } };
  });
}

/** The settings as the summary reads them; null while a number is missing. */
export function readableOf(value: SettingsFormValue): ReadableSettings | null {
  const { removalRules, clocks, volumeAlert } = value;
  const numbers = [
    removalRules.warningValidMonths,
    removalRules.writtenConfirmationDays,
    ...Object.values(clocks),
    volumeAlert.count,
    volumeAlert.withinDays,
  ];
  if (numbers.some((n) => n === null)) return null;
  return {
    ladder: chosenSteps(value),
    removalRules: removalRules as ReadableSettings['removalRules'],
    clocks: clocks as ReadableSettings['clocks'],
    volumeAlert: volumeAlert as ReadableSettings['volumeAlert'],
  };
}

export function inputOf(
  value: SettingsFormValue,
  basedOnVersion: number,
): SaveEscalationSettingsInput {
  const int = (n: number | null) => n ?? 0; // only reached once the checks passed
  return {
    basedOnVersion,
    ladder: chosenSteps(value),
    removalRules: {
      warningValidMonths: int(value.removalRules.warningValidMonths),
      writtenConfirmationDays: int(value.removalRules.writtenConfirmationDays),
      allowRemovalWithoutWarningWhenUnsafe: value.removalRules.allowRemovalWithoutWarningWhenUnsafe,
    },
    clocks: {
      ackWorkingDays: int(value.clocks.ackWorkingDays),
      responseTargetWorkingDays: int(value.clocks.responseTargetWorkingDays),
      delayLetterMonths: int(value.clocks.delayLetterMonths),
      timeLimitMonths: int(value.clocks.timeLimitMonths),
    },
    volumeAlert: {
      count: int(value.volumeAlert.count),
      withinDays: int(value.volumeAlert.withinDays),
      of: value.volumeAlert.of,
    },
    note: value.note.trim() || null,
  };
}

/** A problem with the form, on the control it concerns (null: the form as a whole). */
export interface FormProblem {
  control: string | null;
  message: string;
}

/**
 * The problems the API would refuse the settings for, checked with the same shared rules (the
 * removal rules' limits are the law's), each placed on its control.
 */
export function problemsOf(value: SettingsFormValue): FormProblem[] {
  const domain: DomainSettings = {
    ladder: chosenSteps(value).map((step) => ({
      kind: step.kind as string as DomainStepKind,
      trigger: {
        minSeverity: severityNumber(step.trigger.minSeverity),
        incidentCount: step.trigger.incidentCount ?? undefined,
        withinDays: step.trigger.withinDays ?? undefined,
      },
    })),
    clocks: value.clocks as DomainSettings['clocks'],
    volumeAlert: value.volumeAlert as DomainSettings['volumeAlert'],
  };
  const errors: FieldError[] = [...validateEscalationSettings(domain), ...removalRuleErrors(value)];
  return errors.map((error) => ({
    control: controlOf(error.field, value),
    message: error.message,
  }));
}

function removalRuleErrors(value: SettingsFormValue): FieldError[] {
  const { warningValidMonths: months, writtenConfirmationDays: days } = value.removalRules;
  const errors: FieldError[] = [];
  if (months === null || !Number.isInteger(months) || months < 1) {
    errors.push({
      field: 'removalRules.warningValidMonths',
      message: `Warning validity must be a whole number of months from 1 to ${WARNING_VALID_MONTHS}.`,
    });
  } else if (months > WARNING_VALID_MONTHS) {
    errors.push({
      field: 'removalRules.warningValidMonths',
      message:
        'The regulations require the patient to have been warned within the preceding 12 months. A practice may ' +
        'require a more recent warning, not an older one.',
    });
  }
  if (days === null || !Number.isInteger(days) || days < 1) {
    errors.push({
      field: 'removalRules.writtenConfirmationDays',
      message: `Written confirmation must be a whole number of days from 1 to ${IMMEDIATE_REMOVAL_CONFIRMATION_DAYS}.`,
    });
  } else if (days > IMMEDIATE_REMOVAL_CONFIRMATION_DAYS) {
    errors.push({
      field: 'removalRules.writtenConfirmationDays',
      message:
        'An immediate removal must be confirmed in writing within 7 days. A practice may confirm sooner, not later.',
    });
  }
  return errors;
}

/**
 * The form control an API field path names: `ladder[1].trigger.withinDays` is the second chosen
 * step's window; `clocks.ackWorkingDays` maps as it is. Null for the form as a whole.
 */
export function controlOf(field: string | undefined, value: SettingsFormValue): string | null {
  if (!field) return null;
  const path = field.replace(/^input\./, '');
  const step = /^ladder\[(\d+)\](?:\.(kind|trigger)(?:\.(\w+))?)?$/.exec(path);
  if (step) {
    const kind = chosenSteps(value)[Number(step[1])]?.kind;
    if (!kind) return null;
    const part = step[2] === 'trigger' ? (step[3] ?? 'incidentCount') : 'included';
    return `ladder.${kind}.${part}`;
  }
  if (path === 'ladder' || path === 'basedOnVersion') return null;
  return /^(removalRules|clocks|volumeAlert)\.\w+$/.test(path) || path === 'note' ? path : null;
}
