import type { LiveAlertFieldsFragment } from '@parley/admin/shell';
import { type AlertFieldsFragment, AlertKind, AlertSubjectType } from './generated/graphql';

const KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  [AlertKind.AcknowledgementOverdue]: 'Acknowledgement overdue',
  [AlertKind.DelayLetterDue]: 'Delay letter due',
  [AlertKind.LadderStepSuggested]: 'Escalation step suggested',
  [AlertKind.VolumeThreshold]: 'More feedback than usual',
  [AlertKind.WrittenConfirmationDue]: 'Written confirmation due',
};

export function alertKindLabel(kind: AlertKind): string {
  return KIND_LABELS[kind] ?? 'Alert';
}

/** Where an alert's subject is looked at, and how the link says so. */
export interface SubjectLink {
  commands: string[];
  queryParams?: Record<string, string>;
  label: string;
}

export function subjectLink(
  alert: Pick<AlertFieldsFragment, 'subjectType' | 'subjectId'>,
): SubjectLink {
  const id = alert.subjectId;
  switch (alert.subjectType) {
    case AlertSubjectType.Feedback:
      return id
        ? { commands: ['/feedback', id], label: 'Open the complaint' }
        : { commands: ['/feedback'], label: 'Open the feedback log' };
    case AlertSubjectType.Incident:
      return id
        ? { commands: ['/incidents', id], label: 'Open the incident' }
        : { commands: ['/incidents'], label: 'Open the incident log' };
    case AlertSubjectType.Patient:
      return id
        ? {
            commands: ['/incidents'],
            queryParams: { patient: id },
            label: "See the patient's incidents",
          }
        : { commands: ['/incidents'], label: 'Open the incident log' };
    default:
      return { commands: ['/feedback'], label: 'Open the feedback log' };
  }
}

/**
 * An alert received live, in this page's types. The two generated enums (the shell's and this
 * library's) carry the same schema values.
 */
export function fromLive(alert: LiveAlertFieldsFragment): AlertFieldsFragment {
  return {
    ...alert,
    kind: alert.kind as string as AlertKind,
    subjectType: alert.subjectType as string as AlertSubjectType,
    acknowledgedAt: null,
    acknowledgedBy: null,
  };
}

/** Puts a newly raised alert first, once. */
export function withRaised(
  list: readonly AlertFieldsFragment[],
  raised: AlertFieldsFragment,
): AlertFieldsFragment[] {
  return [raised, ...list.filter((a) => a.id !== raised.id)];
}
