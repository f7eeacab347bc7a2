import { DEFAULT_ESCALATION_SETTINGS } from '@parley/shared/domain';
import { escalationStepsWording } from './escalation-wording';

describe('escalationStepsWording', () => {
  it('says each step and what leads to it, in ladder order', () => {
    expect(
      escalationStepsWording([
        { kind: 'invite_discussion', trigger: { minSeverity: 1 } },
        { kind: 'contact_group_admins', trigger: {} },
        { kind: 'formal_warning', trigger: { incidentCount: 2, withinDays: 60 } },
        { kind: 'removal_request', trigger: { minSeverity: 4 } },
      ]),
    ).toEqual([
      'If you post something we consider critical or worse, we will invite you to a face-to-face discussion.',
      'If you post something we consider offensive or worse, we will contact the administrators of the group or page where it was posted.',
      'If you post 2 things we consider offensive or worse within 60 days, we will give you a formal warning in writing, with our reasons.',
      'If you post something we consider threatening, we may ask for you to be removed from the practice list.',
    ]);
  });

  it('words the default ladder, and an empty ladder as nothing', () => {
    expect(escalationStepsWording(DEFAULT_ESCALATION_SETTINGS.ladder)).toHaveLength(
      DEFAULT_ESCALATION_SETTINGS.ladder.length,
    );
    expect(escalationStepsWording([])).toEqual([]);
  });
});
