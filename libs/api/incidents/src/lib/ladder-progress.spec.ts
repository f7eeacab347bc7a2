import { DEFAULT_PRACTICE_ESCALATION_SETTINGS } from '@parley/api/escalation';
import { ladderProgress } from './ladder-progress';

describe('ladder progress', () => {
  const settings = DEFAULT_PRACTICE_ESCALATION_SETTINGS;

  it('marks steps taken, and suggests the highest step whose trigger is met', () => {
    const { ladder, nextSuggestedStep } = ladderProgress(
      settings,
      {
        scope: 'patient',
        incidents: [
          { seenOn: '2025-01-10', severity: 3 },
          { seenOn: '2025-02-01', severity: 3 },
        ],
        steps: [
          { kind: 'invite_discussion', takenOn: '2025-01-12' },
          { kind: 'invite_discussion', takenOn: '2025-01-20' },
        ],
      },
      '2025-02-02',
    );
    expect(nextSuggestedStep).toEqual({
      kind: 'formal_warning',
      label: 'Formal warning, with reasons',
      reason: '2 incidents of severity Abusive or worse within 90 days',
    });
    expect(ladder.steps.map((s) => [s.kind, s.status, s.takenOn])).toEqual([
      ['invite_discussion', 'taken', '2025-01-20'],
      ['contact_group_admins', 'pending', null],
      ['formal_warning', 'suggested', null],
      ['removal_request', 'pending', null],
    ]);
    expect(ladder.incidentCount).toBe(2);
  });

  it('suggests nothing for civil criticism', () => {
    const { nextSuggestedStep } = ladderProgress(
      settings,
      { scope: 'incident', incidents: [{ seenOn: '2025-02-01', severity: 1 }], steps: [] },
      '2025-02-02',
    );
    expect(nextSuggestedStep).toBeNull();
  });
});
