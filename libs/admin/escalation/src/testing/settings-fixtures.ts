import {
  type EscalationSettingsFieldsFragment,
  EscalationStepKind,
  IncidentSeverity,
  VolumeAlertOf,
} from '../lib/generated/graphql';

/** Wilmslow's demo settings: version 1, acknowledgement within 2 working days. */
export function wilmslowSettings(
  overrides: Partial<EscalationSettingsFieldsFragment> = {},
): EscalationSettingsFieldsFragment {
  const step = (
    position: number,
    kind: EscalationStepKind,
    label: string,
    minSeverity: IncidentSeverity,
    incidentCount: number | null,
    withinDays: number | null,
    triggerDescription: string,
  ) => ({
    position,
    kind,
    label,
    triggerDescription,
    trigger: { minSeverity, incidentCount, withinDays },
  });
  return {
    version: 1,
    isDefault: false,
    savedAt: '2030-03-01T09:00:00.000Z',
    savedBy: 'Wendy Manager',
    note: 'Agreed at the practice meeting.',
    ladder: [
      step(
        1,
        EscalationStepKind.InviteDiscussion,
        'Invite to a face-to-face discussion',
        IncidentSeverity.Offensive,
        null,
        null,
        'One incident of severity Offensive or worse',
      ),
      step(
        2,
        EscalationStepKind.ContactGroupAdmins,
        "Contact the group's administrators",
        IncidentSeverity.Abusive,
        null,
        null,
        'One incident of severity Abusive or worse',
      ),
      step(
        3,
        EscalationStepKind.FormalWarning,
        'Formal warning, with reasons',
        IncidentSeverity.Offensive,
        2,
        60,
        '2 incidents of severity Offensive or worse within 60 days',
      ),
      step(
        4,
        EscalationStepKind.RemovalRequest,
        'Request removal from the practice list',
        IncidentSeverity.Abusive,
        3,
        365,
        '3 incidents of severity Abusive or worse within 365 days',
      ),
    ],
    removalRules: {
      warningValidMonths: 12,
      writtenConfirmationDays: 7,
      allowRemovalWithoutWarningWhenUnsafe: true,
      effectiveOnDay: 8,
    },
    clocks: {
      ackWorkingDays: 2,
      responseTargetWorkingDays: 20,
      delayLetterMonths: 6,
      timeLimitMonths: 12,
    },
    volumeAlert: { count: 5, withinDays: 7, of: VolumeAlertOf.Negative },
    ...overrides,
  };
}
