import { wilmslowSettings } from '../testing/settings-fixtures';
import { IncidentSeverity, VolumeAlertOf } from './generated/graphql';
import { describeTrigger, severityLabel, severityNumber, summarise } from './settings-text';

describe('settings in words', () => {
  it('words triggers as the API does, unset parts as the API applies them', () => {
    expect(
      describeTrigger({ minSeverity: IncidentSeverity.Abusive, incidentCount: 2, withinDays: 90 }),
    ).toBe('2 incidents of severity Abusive or worse within 90 days');
    expect(describeTrigger({ minSeverity: null, incidentCount: null, withinDays: null })).toBe(
      'One incident of severity Offensive or worse',
    );
    // The API's own wording of the same trigger, from the fixture.
    const [, , warning] = wilmslowSettings().ladder;
    expect(describeTrigger(warning.trigger)).toBe(warning.triggerDescription);
  });

  it('numbers severities as the domain does', () => {
    expect(severityNumber(IncidentSeverity.Low)).toBe(1);
    expect(severityNumber(IncidentSeverity.Threatening)).toBe(4);
    expect(severityLabel(IncidentSeverity.Abusive)).toBe('Abusive');
  });

  it('reads the ladder as ordered steps, each with its trigger', () => {
    expect(summarise(wilmslowSettings()).ladder).toEqual([
      {
        position: 1,
        label: 'Invite to a face-to-face discussion',
        when: 'One incident of severity Offensive or worse',
      },
      {
        position: 2,
        label: "Contact the group's administrators",
        when: 'One incident of severity Abusive or worse',
      },
      {
        position: 3,
        label: 'Formal warning, with reasons',
        when: '2 incidents of severity Offensive or worse within 60 days',
      },
      {
        position: 4,
        label: 'Request removal from the practice list',
        when: '3 incidents of severity Abusive or worse within 365 days',
      },
    ]);
  });

  it('states the removal rules, the clocks and the volume alert in sentences', () => {
    const summary = summarise(
      wilmslowSettings({
        removalRules: {
          warningValidMonths: 6,
          writtenConfirmationDays: 1,
          allowRemovalWithoutWarningWhenUnsafe: false,
          effectiveOnDay: 8,
        },
        volumeAlert: { count: 3, withinDays: 1, of: VolumeAlertOf.Complaints },
      }),
    );
    expect(summary.removal).toEqual([
      'A removal request needs a formal warning, with reasons, given within the preceding 6 months.',
      'An ordinary removal takes effect on the 8th day after the request.',
      'An immediate removal is only for violence or threatening behaviour reported to the police: it needs the police incident reference, and must be confirmed in writing within 1 day.',
      'A removal never goes ahead without a warning.',
      'A removal is never a response to a complaint.',
    ]);
    expect(summary.clocks[0]).toBe(
      'Acknowledge a complaint within 2 working days of receiving it (the regulations allow at most 3).',
    );
    expect(summary.clocks[2]).toBe(
      'If there has been no response after 6 months, write to explain the delay (at most 6).',
    );
    expect(summary.volumeAlert).toBe(
      'Alert the practice when 3 or more complaints arrive within 1 day.',
    );
  });
});
