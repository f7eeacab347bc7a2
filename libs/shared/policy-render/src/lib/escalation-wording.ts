import {
  type EscalationStep,
  type EscalationStepKind,
  type IncidentSeverity,
  DEFAULT_TRIGGER_MIN_SEVERITY,
  IncidentSeverity as Severity,
} from '@parley/shared/domain';

/** What the practice will do, as the patient reads it. */
const ACTION: Readonly<Record<EscalationStepKind, string>> = {
  invite_discussion: 'we will invite you to a face-to-face discussion',
  contact_group_admins:
    'we will contact the administrators of the group or page where it was posted',
  formal_warning: 'we will give you a formal warning in writing, with our reasons',
  removal_request: 'we may ask for you to be removed from the practice list',
};

/** The severity scale in the patient's words (the console's labels are for staff). */
const SEVERITY_WORDS: Readonly<Record<IncidentSeverity, string>> = {
  1: 'critical',
  2: 'offensive',
  3: 'abusive',
  4: 'threatening',
};

/**
 * The practice's escalation ladder as policy wording, one sentence per step in ladder order:
 * what the practice will do and what leads to it, e.g. "If you post 2 things we consider
 * offensive or worse within 60 days, we will give you a formal warning in writing, with our
 * reasons." Rendered by the `escalationSteps` block, so the published policy says what the
 * practice's settings do.
 */
export function escalationStepsWording(ladder: readonly EscalationStep[]): string[] {
  return ladder.map((step) => {
    const severity = step.trigger.minSeverity ?? DEFAULT_TRIGGER_MIN_SEVERITY;
    const words =
      severity === Severity.Threatening
        ? SEVERITY_WORDS[severity]
        : `${SEVERITY_WORDS[severity]} or worse`;
    const count = step.trigger.incidentCount ?? 1;
    const what =
      count === 1 ? `something we consider ${words}` : `${count} things we consider ${words}`;
    const within = step.trigger.withinDays ? ` within ${step.trigger.withinDays} days` : '';
    return `If you post ${what}${within}, ${ACTION[step.kind]}.`;
  });
}
