import { ClockSettings, DEFAULT_CLOCK_SETTINGS, validateClockSettings } from './complaint-clocks';
import { enumGuard } from './enum-guard';
import { IncidentSeverity, isIncidentSeverity } from './feedback-enums';
import { checkIntegerInRange, FieldError } from './field-error';
import { addDays, compareIsoDates, IsoDate } from './iso-date';

/** The rungs of the ladder for offensive posts, in their natural order. */
export const EscalationStepKind = {
  InviteDiscussion: 'invite_discussion',
  ContactGroupAdmins: 'contact_group_admins',
  FormalWarning: 'formal_warning',
  RemovalRequest: 'removal_request',
} as const;
export type EscalationStepKind = (typeof EscalationStepKind)[keyof typeof EscalationStepKind];
/** In ladder order: a ladder lists a subset of these, in this order. */
export const ALL_ESCALATION_STEP_KINDS: readonly EscalationStepKind[] =
  Object.values(EscalationStepKind);
export const ESCALATION_STEP_KIND_LABELS: Readonly<Record<EscalationStepKind, string>> = {
  invite_discussion: 'Invite to a face-to-face discussion',
  contact_group_admins: "Contact the group's administrators",
  formal_warning: 'Formal warning, with reasons',
  removal_request: 'Request removal from the practice list',
};
export const isEscalationStepKind = enumGuard(ALL_ESCALATION_STEP_KINDS);

/**
 * When a step becomes due: at least `incidentCount` (default 1) incidents of severity
 * `minSeverity` or worse (default 2, offensive) seen within the last `withinDays` days (default:
 * any time). `{ minSeverity: 4 }` reads "one threatening post"; `{ incidentCount: 3,
 * withinDays: 30 }` reads "three offensive posts in 30 days".
 *
 * Severity 1 (critical but civil) is fair criticism: it counts only if a step opts in, and only
 * the invitation to discuss may, so that criticism alone never leads to warnings or removal.
 */
export interface EscalationTrigger {
  minSeverity?: IncidentSeverity;
  incidentCount?: number;
  withinDays?: number;
}

export interface EscalationStep {
  kind: EscalationStepKind;
  trigger: EscalationTrigger;
}

/** Alert the practice when `count` or more items of one sort arrive within `withinDays` days. */
export interface VolumeAlertSettings {
  count: number;
  withinDays: number;
  of: 'negative' | 'complaints';
}

/** A practice's escalation thresholds: the ladder, the complaint clocks, the volume alert. */
export interface EscalationSettings {
  ladder: readonly EscalationStep[];
  clocks: ClockSettings;
  volumeAlert: VolumeAlertSettings;
}

/** Severity counted when a trigger does not say: offensive (2) or worse. */
export const DEFAULT_TRIGGER_MIN_SEVERITY: IncidentSeverity = IncidentSeverity.Offensive;

/** A starting point for a new practice, in line with BMA guidance on online abuse of staff. */
export const DEFAULT_ESCALATION_SETTINGS: Readonly<EscalationSettings> =
  Object.freeze<EscalationSettings>({
    ladder: Object.freeze<EscalationStep[]>([
      { kind: 'invite_discussion', trigger: { minSeverity: 2 } },
      { kind: 'contact_group_admins', trigger: { minSeverity: 3 } },
      // Two or more connected abusive posts may amount to harassment.
      { kind: 'formal_warning', trigger: { minSeverity: 3, incidentCount: 2, withinDays: 90 } },
      // A warning stays valid for 12 months, so look back as far.
      { kind: 'removal_request', trigger: { minSeverity: 3, incidentCount: 3, withinDays: 365 } },
    ]),
    clocks: DEFAULT_CLOCK_SETTINGS,
    volumeAlert: { count: 5, withinDays: 7, of: 'negative' },
  });

/**
 * Checks settings before they are saved. Returns one error per problem with a dotted field path
 * (`ladder[1].trigger.withinDays`, `clocks.ackWorkingDays`); empty when valid.
 */
export function validateEscalationSettings(settings: EscalationSettings): FieldError[] {
  const errors: FieldError[] = [];
  const push = (error: FieldError | undefined) => error && errors.push(error);

  if (settings.ladder.length === 0) {
    errors.push({ field: 'ladder', message: 'The ladder needs at least one step.' });
  }
  let previousRank = -1;
  settings.ladder.forEach((step, i) => {
    const at = `ladder[${i}]`;
    if (!isEscalationStepKind(step.kind)) {
      errors.push({ field: `${at}.kind`, message: 'Unknown step.' });
      return;
    }
    const rank = rankOf(step.kind);
    if (rank <= previousRank) {
      errors.push({
        field: `${at}.kind`,
        message:
          'Steps must follow the order: invite to discussion, contact the administrators, ' +
          'formal warning, removal request; each at most once.',
      });
    }
    previousRank = Math.max(previousRank, rank);
    if (step.kind === 'removal_request' && !hasWarningBefore(settings.ladder, i)) {
      errors.push({
        field: `${at}.kind`,
        message:
          'A removal request must come after a formal warning: the patient must have been ' +
          'warned, with reasons, within the 12 months before.',
      });
    }
    validateTrigger(step, `${at}.trigger`).forEach((error) => errors.push(error));
  });

  validateClockSettings(settings.clocks).forEach((error) =>
    errors.push({ ...error, field: `clocks.${error.field}` }),
  );

  const alert = settings.volumeAlert;
  push(checkIntegerInRange('volumeAlert.count', alert.count, 1, 1000, 'Alert count'));
  push(checkIntegerInRange('volumeAlert.withinDays', alert.withinDays, 1, 365, 'Alert window'));
  if (alert.of !== 'negative' && alert.of !== 'complaints') {
    errors.push({ field: 'volumeAlert.of', message: 'Choose negative items or complaints.' });
  }
  return errors;
}

/** An incident logged against one patient, as the ladder needs it. */
export interface LadderIncident {
  seenOn: IsoDate;
  severity: IncidentSeverity;
}

/**
 * The step to suggest for a patient now, or null. Among the ladder's steps above the highest
 * step already taken, it picks the highest whose trigger is met: a severe post need not climb
 * every rung. A removal request is never suggested before a formal warning has been given;
 * the warning is suggested instead.
 */
export function suggestNextStep(
  settings: Pick<EscalationSettings, 'ladder'>,
  incidentsForPatient: readonly LadderIncident[],
  stepsTaken: readonly EscalationStepKind[],
  today: IsoDate,
): EscalationStep | null {
  const highestTaken = Math.max(-1, ...stepsTaken.map(rankOf));
  const candidates = settings.ladder.filter(
    (step) =>
      rankOf(step.kind) > highestTaken &&
      !stepsTaken.includes(step.kind) &&
      triggerMet(step.trigger, incidentsForPatient, today),
  );
  const best = candidates.reduce<EscalationStep | null>(
    (top, step) => (top === null || rankOf(step.kind) > rankOf(top.kind) ? step : top),
    null,
  );
  if (best?.kind === 'removal_request' && !stepsTaken.includes('formal_warning')) {
    return settings.ladder.find((step) => step.kind === 'formal_warning') ?? best;
  }
  return best;
}

/** Whether a trigger is met by these incidents as of `today` (see {@link EscalationTrigger}). */
export function triggerMet(
  trigger: EscalationTrigger,
  incidents: readonly LadderIncident[],
  today: IsoDate,
): boolean {
  const minSeverity = trigger.minSeverity ?? DEFAULT_TRIGGER_MIN_SEVERITY;
  const counted = incidents.filter(
    (incident) =>
      incident.severity >= minSeverity && isWithinDays(incident.seenOn, today, trigger.withinDays),
  );
  return counted.length >= (trigger.incidentCount ?? 1);
}

/** One feedback item, as the volume alert needs it. */
export interface VolumeAlertItem {
  receivedOn: IsoDate;
  negative: boolean;
  complaint: boolean;
}

/** Whether the practice's volume alert fires today. */
export function volumeAlertTriggered(
  settings: Pick<EscalationSettings, 'volumeAlert'>,
  items: readonly VolumeAlertItem[],
  today: IsoDate,
): boolean {
  const { count, withinDays, of } = settings.volumeAlert;
  const matching = items.filter(
    (item) =>
      (of === 'negative' ? item.negative : item.complaint) &&
      isWithinDays(item.receivedOn, today, withinDays),
  );
  return matching.length >= count;
}

/**
 * "Within the last D days" includes the day D days ago and today, and nothing after today: with
 * D = 7 on a Wednesday, last Wednesday counts.
 */
export function isWithinDays(date: IsoDate, today: IsoDate, withinDays?: number): boolean {
  if (compareIsoDates(date, today) > 0) return false;
  return withinDays === undefined || compareIsoDates(date, addDays(today, -withinDays)) >= 0;
}

function rankOf(kind: EscalationStepKind): number {
  return ALL_ESCALATION_STEP_KINDS.indexOf(kind);
}

function hasWarningBefore(ladder: readonly EscalationStep[], index: number): boolean {
  return ladder.slice(0, index).some((step) => step.kind === 'formal_warning');
}

function validateTrigger(step: EscalationStep, at: string): FieldError[] {
  const { minSeverity, incidentCount, withinDays } = step.trigger;
  const errors: FieldError[] = [];
  if (minSeverity === undefined && incidentCount === undefined) {
    errors.push({ field: at, message: 'Set a minimum severity, a number of incidents, or both.' });
  }
  if (minSeverity !== undefined) {
    if (!isIncidentSeverity(minSeverity)) {
      errors.push({ field: `${at}.minSeverity`, message: 'Severity must be 1, 2, 3 or 4.' });
    } else if (minSeverity === 1 && step.kind !== 'invite_discussion') {
      errors.push({
        field: `${at}.minSeverity`,
        message:
          'Severity 1 is civil criticism: it may lead to an invitation to discuss, never to ' +
          'further steps.',
      });
    }
  }
  if (incidentCount !== undefined) {
    const error = checkIntegerInRange(`${at}.incidentCount`, incidentCount, 1, 100, 'Count');
    if (error) errors.push(error);
  }
  if (withinDays !== undefined) {
    const error = checkIntegerInRange(`${at}.withinDays`, withinDays, 1, 365, 'Window (days)');
    if (error) errors.push(error);
  }
  return errors;
}
