import {
  EscalationStepKind,
  type IncidentFieldsFragment,
  IncidentPlatform,
  IncidentSeverity,
  LadderScope,
  LadderStepStatus,
} from '../lib/generated/graphql';

const STEPS: readonly [EscalationStepKind, string, string][] = [
  [
    EscalationStepKind.InviteDiscussion,
    'Invite to a face-to-face discussion',
    'One incident of severity Offensive or worse',
  ],
  [
    EscalationStepKind.ContactGroupAdmins,
    "Contact the group's administrators",
    'One incident of severity Abusive or worse',
  ],
  [
    EscalationStepKind.FormalWarning,
    'Formal warning, with reasons',
    '2 incidents of severity Offensive or worse within 60 days',
  ],
  [
    EscalationStepKind.RemovalRequest,
    'Request removal from the practice list',
    '3 incidents of severity Abusive or worse within 365 days',
  ],
];

/**
 * Wilmslow's demo patient P-0001: an offensive post 20 days ago (invitation sent two days later)
 * and an abusive one naming a receptionist 3 days ago; the warning is suggested.
 */
export function demoIncident(
  overrides: Partial<IncidentFieldsFragment> = {},
  statuses: Partial<Record<EscalationStepKind, [LadderStepStatus, string | null]>> = {
    [EscalationStepKind.InviteDiscussion]: [LadderStepStatus.Taken, '2030-03-03'],
    [EscalationStepKind.FormalWarning]: [LadderStepStatus.Suggested, null],
  },
): IncidentFieldsFragment {
  return {
    id: 'incident-2',
    platform: IncidentPlatform.X,
    link: 'https://x.com/example/status/1002',
    seenAt: '2030-03-18T09:00:00.000Z',
    reportedBy: 'Practice manager',
    summary: 'Reply naming a receptionist and calling her rude and lazy.',
    severity: IncidentSeverity.Abusive,
    staffNamed: true,
    loggedAt: '2030-03-18T09:30:00.000Z',
    loggedBy: 'Wendy Manager',
    patient: { id: 'patient-1', label: 'P-0001', incidentCount: 2 },
    ladder: {
      scope: LadderScope.Patient,
      incidentCount: 2,
      steps: STEPS.map(([kind, label, triggerDescription], i) => ({
        position: i + 1,
        kind,
        label,
        triggerDescription,
        status: statuses[kind]?.[0] ?? LadderStepStatus.Pending,
        takenOn: statuses[kind]?.[1] ?? null,
      })),
    },
    nextSuggestedStep: {
      kind: EscalationStepKind.FormalWarning,
      label: 'Formal warning, with reasons',
      reason: '2 incidents of severity Offensive or worse within 60 days',
    },
    actions: [
      {
        id: 'action-1',
        kind: EscalationStepKind.InviteDiscussion,
        label: 'Invite to a face-to-face discussion',
        takenOn: '2030-03-03',
        notes: 'Letter sent inviting the patient to meet the practice manager.',
        reasons: null,
        immediate: false,
        policeIncidentReference: null,
        noWarningBecause: null,
        effectiveOn: null,
        writtenConfirmationDueOn: null,
        recordedAt: '2030-03-03T12:00:00.000Z',
        recordedBy: 'Wendy Manager',
      },
    ],
    ...overrides,
  };
}
