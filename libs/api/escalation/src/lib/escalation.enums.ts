import { registerEnumType } from '@nestjs/graphql';
import {
  ALL_ESCALATION_STEP_KINDS,
  type EscalationStepKind,
  INCIDENT_SEVERITY_DESCRIPTIONS,
  IncidentSeverity,
} from '@parley/shared/domain';

/** Stored values (`formal_warning`), as the other domains' enums are. */
export const EscalationStepKindEnum = Object.fromEntries(
  ALL_ESCALATION_STEP_KINDS.map((k) => [k, k]),
) as {
  [K in EscalationStepKind]: K;
};
registerEnumType(EscalationStepKindEnum, {
  name: 'EscalationStepKind',
  description:
    'The rungs of the ladder for offensive posts, in order: invite to discussion, contact the administrators, warning, removal request.',
});

/** Named levels in GraphQL; the numbers 1..4 the shared rules use inside. */
export const IncidentSeverityEnum = {
  low: IncidentSeverity.Low,
  offensive: IncidentSeverity.Offensive,
  abusive: IncidentSeverity.Abusive,
  threatening: IncidentSeverity.Threatening,
} as const;
registerEnumType(IncidentSeverityEnum, {
  name: 'IncidentSeverity',
  description:
    'How serious a social-media incident is; the ladder triggers compare with these levels.',
  valuesMap: {
    low: { description: INCIDENT_SEVERITY_DESCRIPTIONS[1] },
    offensive: { description: INCIDENT_SEVERITY_DESCRIPTIONS[2] },
    abusive: { description: INCIDENT_SEVERITY_DESCRIPTIONS[3] },
    threatening: { description: INCIDENT_SEVERITY_DESCRIPTIONS[4] },
  },
});

export const VolumeAlertOfEnum = { negative: 'negative', complaints: 'complaints' } as const;
registerEnumType(VolumeAlertOfEnum, {
  name: 'VolumeAlertOf',
  description: 'What a volume alert counts: negative items, or complaints.',
});
