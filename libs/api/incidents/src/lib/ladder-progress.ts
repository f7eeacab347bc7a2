import type { PracticeEscalationSettings } from '@parley/api/escalation';
import { describeTrigger } from '@parley/api/escalation';
import {
  compareIsoDates,
  ESCALATION_STEP_KIND_LABELS,
  type EscalationStepKind,
  type IsoDate,
  type LadderIncident,
  suggestNextStep,
} from '@parley/shared/domain';
import type { LadderProgress, LadderScope, SuggestedStep } from './incident.types';

export interface LadderFacts {
  scope: LadderScope;
  incidents: readonly LadderIncident[];
  steps: readonly { kind: EscalationStepKind; takenOn: IsoDate }[];
}

/** The ladder as it stands for a patient (or one unlinked incident) today, and the step it calls for. */
export function ladderProgress(
  settings: Pick<PracticeEscalationSettings, 'ladder'>,
  facts: LadderFacts,
  today: IsoDate,
): { ladder: LadderProgress; nextSuggestedStep: SuggestedStep | null } {
  const taken = facts.steps.map((s) => s.kind);
  const next = suggestNextStep(settings, facts.incidents, taken, today);
  const nextSuggestedStep = next
    ? {
        kind: next.kind,
        label: ESCALATION_STEP_KIND_LABELS[next.kind],
        reason: describeTrigger(next.trigger),
      }
    : null;
  return {
    nextSuggestedStep,
    ladder: {
      scope: facts.scope,
      incidentCount: facts.incidents.length,
      steps: settings.ladder.map((step, i) => {
        const takenOn = facts.steps
          .filter((s) => s.kind === step.kind)
          .map((s) => s.takenOn)
          .sort(compareIsoDates)
          .pop();
        return {
          position: i + 1,
          kind: step.kind,
          label: ESCALATION_STEP_KIND_LABELS[step.kind],
          triggerDescription: describeTrigger(step.trigger),
          status: takenOn ? 'taken' : next?.kind === step.kind ? 'suggested' : 'pending',
          takenOn: takenOn ?? null,
        };
      }),
    },
  };
}
