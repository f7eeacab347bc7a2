import { demoIncident } from '../testing/incident-fixtures';
import { EscalationStepKind, LadderScope, LadderStepStatus } from './generated/graphql';
import { ladderSteps, nextStepAdvice, scopeText, stepChoices } from './ladder-view';

const day = (d: string) => `day ${d}`;
const MANAGER = { log: true, manage: true };
const STAFF = { log: true, manage: false };

describe('the ladder as it stands', () => {
  it('says of each step whether it was taken, is suggested now or is still ahead', () => {
    expect(ladderSteps(demoIncident(), day).map((s) => [s.label, s.state, s.detail])).toEqual([
      ['Invite to a face-to-face discussion', 'taken', 'On day 2030-03-03.'],
      [
        "Contact the group's administrators",
        'pending',
        'Suggested after one incident of severity Abusive or worse.',
      ],
      [
        'Formal warning, with reasons',
        'suggested',
        'Its trigger is met: 2 incidents of severity Offensive or worse within 60 days.',
      ],
      [
        'Request removal from the practice list',
        'pending',
        'Suggested after 3 incidents of severity Abusive or worse within 365 days.',
      ],
    ]);
  });

  it('marks steps below one already taken as passed over', () => {
    const incident = demoIncident(
      { nextSuggestedStep: null },
      { [EscalationStepKind.FormalWarning]: [LadderStepStatus.Taken, '2030-03-20'] },
    );
    expect(ladderSteps(incident, day).map((s) => s.state)).toEqual([
      'passed',
      'passed',
      'taken',
      'pending',
    ]);
  });

  it('says whose incidents are counted', () => {
    expect(scopeText(demoIncident())).toBe(
      'The ladder counts the 2 incidents linked to patient P-0001.',
    );
    const alone = demoIncident({
      patient: null,
      ladder: { ...demoIncident().ladder, scope: LadderScope.Incident, incidentCount: 1 },
    });
    expect(scopeText(alone)).toContain('counts this incident alone');
  });
});

describe('the next step', () => {
  it('is the suggested step, which a manager can record', () => {
    expect(nextStepAdvice(demoIncident(), MANAGER)).toEqual({
      kind: EscalationStepKind.FormalWarning,
      label: 'Formal warning, with reasons',
      reason: '2 incidents of severity Offensive or worse within 60 days.',
      blocked: null,
    });
  });

  it('says when it is for a manager, or needs a patient first', () => {
    expect(nextStepAdvice(demoIncident(), STAFF)?.blocked).toBe(
      'A practice manager records warnings and removal requests.',
    );
    expect(nextStepAdvice(demoIncident({ patient: null }), MANAGER)?.blocked).toContain(
      'Link the incident to a patient first',
    );
  });

  it('is absent when the ladder calls for nothing', () => {
    expect(nextStepAdvice(demoIncident({ nextSuggestedStep: null }), MANAGER)).toBeNull();
  });
});

describe('the steps a person can record', () => {
  it('are all four for a manager, the suggested one marked', () => {
    const choices = stepChoices(demoIncident(), MANAGER);
    expect(choices.map((c) => c.kind)).toEqual([
      EscalationStepKind.InviteDiscussion,
      EscalationStepKind.ContactGroupAdmins,
      EscalationStepKind.FormalWarning,
      EscalationStepKind.RemovalRequest,
    ]);
    expect(choices.filter((c) => c.suggested).map((c) => c.kind)).toEqual([
      EscalationStepKind.FormalWarning,
    ]);
  });

  it('are the first two for staff, and for anyone without a linked patient', () => {
    const first = [EscalationStepKind.InviteDiscussion, EscalationStepKind.ContactGroupAdmins];
    expect(stepChoices(demoIncident(), STAFF).map((c) => c.kind)).toEqual(first);
    expect(stepChoices(demoIncident({ patient: null }), MANAGER).map((c) => c.kind)).toEqual(first);
    expect(stepChoices(demoIncident(), { log: false, manage: false })).toEqual([]);
  });
});
