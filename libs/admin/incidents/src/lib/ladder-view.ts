import {
  EscalationStepKind,
  type IncidentFieldsFragment,
  LadderScope,
  LadderStepStatus,
} from './generated/graphql';

type Incident = Pick<IncidentFieldsFragment, 'ladder' | 'nextSuggestedStep' | 'patient'>;

/** The ladder's steps in their natural order (the API's enum order is alphabetical). */
const ORDER: readonly EscalationStepKind[] = [
  EscalationStepKind.InviteDiscussion,
  EscalationStepKind.ContactGroupAdmins,
  EscalationStepKind.FormalWarning,
  EscalationStepKind.RemovalRequest,
];
const rank = (kind: EscalationStepKind) => ORDER.indexOf(kind);

/** Recorded by managers only; the first steps by anyone who logs incidents. */
const MANAGER_STEPS: readonly EscalationStepKind[] = [
  EscalationStepKind.FormalWarning,
  EscalationStepKind.RemovalRequest,
];
/** Given to, or asked about, a patient: the incident must be linked to one. */
const PATIENT_STEPS = MANAGER_STEPS;

export type StepState = 'taken' | 'suggested' | 'passed' | 'pending';

export interface LadderStepView {
  position: number;
  kind: EscalationStepKind;
  label: string;
  state: StepState;
  /** What the state means, in words. */
  detail: string;
}

/**
 * Each step as it stands, with what its state means: taken (when), suggested now (the trigger
 * met), passed over (a later step was taken first: the ladder need not be climbed rung by rung)
 * or not reached yet (its trigger).
 */
export function ladderSteps(
  incident: Incident,
  formatDay: (day: string) => string,
): LadderStepView[] {
  const steps = incident.ladder.steps;
  const highestTaken = Math.max(
    -1,
    ...steps.filter((s) => s.status === LadderStepStatus.Taken).map((s) => rank(s.kind)),
  );
  return steps.map((step) => {
    const base = { position: step.position, kind: step.kind, label: step.label };
    if (step.status === LadderStepStatus.Taken) {
      const detail = step.takenOn ? `On ${formatDay(step.takenOn)}.` : 'Recorded.';
      return { ...base, state: 'taken', detail };
    }
    if (step.status === LadderStepStatus.Suggested) {
      const reason = incident.nextSuggestedStep?.reason ?? step.triggerDescription;
      return { ...base, state: 'suggested', detail: `Its trigger is met: ${lowerFirst(reason)}.` };
    }
    if (rank(step.kind) < highestTaken) {
      return { ...base, state: 'passed', detail: 'A later step was taken instead.' };
    }
    return {
      ...base,
      state: 'pending',
      detail: `Suggested after ${lowerFirst(step.triggerDescription)}.`,
    };
  });
}

/** Whose incidents the ladder counts. */
export function scopeText(incident: Incident): string {
  const count = incident.ladder.incidentCount;
  if (incident.ladder.scope === LadderScope.Patient && incident.patient) {
    const incidents = count === 1 ? '1 incident' : `${count} incidents`;
    return `The ladder counts the ${incidents} linked to patient ${incident.patient.label}.`;
  }
  return 'The ladder counts this incident alone: link it to a patient to count their other incidents too.';
}

export interface Permissions {
  /** May log incidents and record the first steps (staff and managers). */
  log: boolean;
  /** May record warnings and removal requests (managers). */
  manage: boolean;
}

export interface NextStepAdvice {
  kind: EscalationStepKind;
  label: string;
  reason: string;
  /** Why this person cannot record it here yet, if they cannot. */
  blocked: string | null;
}

/** The step the ladder calls for now and whether this person can record it; null when none. */
export function nextStepAdvice(incident: Incident, can: Permissions): NextStepAdvice | null {
  const next = incident.nextSuggestedStep;
  if (!next) return null;
  return {
    kind: next.kind,
    label: next.label,
    reason: `${next.reason}.`,
    blocked: whyNot(next.kind, incident, can),
  };
}

export interface StepChoice {
  kind: EscalationStepKind;
  label: string;
  suggested: boolean;
}

/**
 * The steps this person can record against the incident now, in ladder order, the suggested one
 * marked. Steps may be recorded off the ladder's suggestion (a practice can act sooner).
 */
export function stepChoices(
  incident: Incident & Pick<IncidentFieldsFragment, 'ladder'>,
  can: Permissions,
): StepChoice[] {
  const labels = new Map(incident.ladder.steps.map((s) => [s.kind, s.label]));
  return ORDER.filter((kind) => whyNot(kind, incident, can) === null).map((kind) => ({
    kind,
    label: labels.get(kind) ?? FALLBACK_LABELS[kind],
    suggested: incident.nextSuggestedStep?.kind === kind,
  }));
}

const FALLBACK_LABELS: Readonly<Record<EscalationStepKind, string>> = {
  [EscalationStepKind.InviteDiscussion]: 'Invite to a face-to-face discussion',
  [EscalationStepKind.ContactGroupAdmins]: "Contact the group's administrators",
  [EscalationStepKind.FormalWarning]: 'Formal warning, with reasons',
  [EscalationStepKind.RemovalRequest]: 'Request removal from the practice list',
};

function whyNot(kind: EscalationStepKind, incident: Incident, can: Permissions): string | null {
  const forManager = MANAGER_STEPS.includes(kind);
  if (forManager ? !can.manage : !can.log) {
    return forManager
      ? 'A practice manager records warnings and removal requests.'
      : 'Your role cannot record steps.';
  }
  if (PATIENT_STEPS.includes(kind) && !incident.patient) {
    return 'Link the incident to a patient first: warnings and removal requests are for a patient.';
  }
  return null;
}

function lowerFirst(text: string): string {
  return text ? text[0].toLowerCase() + text.slice(1) : text;
}
