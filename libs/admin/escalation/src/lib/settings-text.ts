import {
  ESCALATION_STEP_KIND_LABELS,
  type EscalationStepKind as DomainStepKind,
  INCIDENT_SEVERITY_DESCRIPTIONS,
  INCIDENT_SEVERITY_LABELS,
  REMOVAL_EFFECTIVE_AFTER_DAYS,
} from '@parley/shared/domain';
import {
  type EscalationSettingsFieldsFragment,
  type EscalationStepKind,
  IncidentSeverity,
  VolumeAlertOf,
} from './generated/graphql';

// The API's enums carry the shared domain's step values ('formal_warning'); severities are named
// in the API ('offensive') and numbered in the domain (2).

/** Least serious first. */
export const SEVERITIES: readonly IncidentSeverity[] = [
  IncidentSeverity.Low,
  IncidentSeverity.Offensive,
  IncidentSeverity.Abusive,
  IncidentSeverity.Threatening,
];

export function severityNumber(severity: IncidentSeverity): 1 | 2 | 3 | 4 {
  return (SEVERITIES.indexOf(severity) + 1) as 1 | 2 | 3 | 4;
}

export function severityLabel(severity: IncidentSeverity): string {
  return INCIDENT_SEVERITY_LABELS[severityNumber(severity)];
}

export function severityDescription(severity: IncidentSeverity): string {
  return INCIDENT_SEVERITY_DESCRIPTIONS[severityNumber(severity)];
}

export function stepLabel(kind: EscalationStepKind): string {
  return ESCALATION_STEP_KIND_LABELS[kind as string as DomainStepKind];
}

export interface TriggerValue {
  minSeverity: IncidentSeverity | null;
  incidentCount: number | null;
  withinDays: number | null;
}

/**
 * A trigger in words, as the API words it: "2 incidents of severity Offensive or worse within 60
 * days". Unset parts read as the API applies them (one incident, offensive, any time).
 */
export function describeTrigger(trigger: TriggerValue): string {
  const count = trigger.incidentCount ?? 1;
  const severity = severityLabel(trigger.minSeverity ?? IncidentSeverity.Offensive);
  const incidents = count === 1 ? 'One incident' : `${count} incidents`;
  const window = trigger.withinDays ? ` within ${trigger.withinDays} days` : '';
  return `${incidents} of severity ${severity} or worse${window}`;
}

/** What the summary needs: saved settings, or the editor's values once they are complete. */
export interface ReadableSettings {
  ladder: readonly { kind: EscalationStepKind; trigger: TriggerValue }[];
  removalRules: Omit<EscalationSettingsFieldsFragment['removalRules'], 'effectiveOnDay'>;
  clocks: EscalationSettingsFieldsFragment['clocks'];
  volumeAlert: EscalationSettingsFieldsFragment['volumeAlert'];
}

export interface SettingsSummary {
  ladder: { position: number; label: string; when: string }[];
  removal: string[];
  clocks: string[];
  volumeAlert: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** The settings as sentences a practice can check against its policy. */
export function summarise(settings: ReadableSettings): SettingsSummary {
  const { removalRules: removal, clocks, volumeAlert } = settings;
  return {
    ladder: settings.ladder.map((step, i) => ({
      position: i + 1,
      label: stepLabel(step.kind),
      when: describeTrigger(step.trigger),
    })),
    removal: [
      `A removal request needs a formal warning, with reasons, given within the preceding ${plural(removal.warningValidMonths, 'month')}.`,
      `An ordinary removal takes effect on the ${ordinal(REMOVAL_EFFECTIVE_AFTER_DAYS)} day after the request.`,
      'An immediate removal is only for violence or threatening behaviour reported to the police: ' +
        `it needs the police incident reference, and must be confirmed in writing within ${plural(removal.writtenConfirmationDays, 'day')}.`,
      removal.allowRemovalWithoutWarningWhenUnsafe
        ? 'A removal may go ahead without a warning only when giving one would have been unsafe or impracticable, with the reasons recorded.'
        : 'A removal never goes ahead without a warning.',
      'A removal is never a response to a complaint.',
    ],
    clocks: [
      `Acknowledge a complaint within ${plural(clocks.ackWorkingDays, 'working day')} of receiving it (the regulations allow at most 3).`,
      `Aim to send the full response within ${plural(clocks.responseTargetWorkingDays, 'working day')} (the practice's own target).`,
      `If there has been no response after ${plural(clocks.delayLetterMonths, 'month')}, write to explain the delay (at most 6).`,
      `Complaints can be made up to ${plural(clocks.timeLimitMonths, 'month')} after the event, or after becoming aware of it (at least 12).`,
    ],
    volumeAlert:
      `Alert the practice when ${volumeAlert.count} or more ` +
      `${volumeAlert.of === VolumeAlertOf.Complaints ? 'complaints' : 'negative items of feedback'} ` +
      `arrive within ${plural(volumeAlert.withinDays, 'day')}.`,
  };
}
