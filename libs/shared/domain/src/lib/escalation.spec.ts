import {
  DEFAULT_ESCALATION_SETTINGS,
  EscalationSettings,
  EscalationStep,
  isWithinDays,
  LadderIncident,
  suggestNextStep,
  triggerMet,
  validateEscalationSettings,
  volumeAlertTriggered,
} from './escalation';
import { IncidentSeverity } from './feedback-enums';
import { IsoDate } from './iso-date';

const today: IsoDate = '2024-06-30';
const incident = (seenOn: IsoDate, severity: IncidentSeverity): LadderIncident => ({
  seenOn,
  severity,
});
const fields = (settings: EscalationSettings) =>
  validateEscalationSettings(settings).map((e) => e.field);
const withLadder = (ladder: EscalationStep[]): EscalationSettings => ({
  ...DEFAULT_ESCALATION_SETTINGS,
  ladder,
});

describe('isWithinDays', () => {
  it('includes today and the day D days ago, nothing earlier or later', () => {
    expect(isWithinDays('2024-06-30', today, 7)).toBe(true);
    expect(isWithinDays('2024-06-23', today, 7)).toBe(true);
    expect(isWithinDays('2024-06-22', today, 7)).toBe(false);
    expect(isWithinDays('2024-07-01', today, 7)).toBe(false);
    expect(isWithinDays('2001-01-01', today)).toBe(true);
    expect(isWithinDays('2024-07-01', today)).toBe(false);
  });
});

describe('triggerMet', () => {
  it('meets a severity threshold at or above it', () => {
    expect(triggerMet({ minSeverity: 3 }, [incident('2024-01-01', 3)], today)).toBe(true);
    expect(triggerMet({ minSeverity: 3 }, [incident('2024-01-01', 4)], today)).toBe(true);
    expect(triggerMet({ minSeverity: 3 }, [incident('2024-01-01', 2)], today)).toBe(false);
  });

  it('counts incidents within the window, at the window boundary included', () => {
    const trigger = { incidentCount: 2, withinDays: 30 };
    expect(triggerMet(trigger, [incident('2024-05-31', 2), incident('2024-06-30', 2)], today)).toBe(
      true,
    );
    expect(triggerMet(trigger, [incident('2024-05-30', 2), incident('2024-06-30', 2)], today)).toBe(
      false,
    );
    expect(triggerMet(trigger, [incident('2024-06-29', 2)], today)).toBe(false);
  });

  it('requires severity and count together when both are set', () => {
    const trigger = { minSeverity: 3 as const, incidentCount: 2, withinDays: 90 };
    expect(triggerMet(trigger, [incident('2024-06-01', 3), incident('2024-06-02', 2)], today)).toBe(
      false,
    );
    expect(triggerMet(trigger, [incident('2024-06-01', 3), incident('2024-06-02', 4)], today)).toBe(
      true,
    );
  });

  it('never counts civil criticism (severity 1) unless the trigger opts in', () => {
    const civil = [incident('2024-06-01', 1), incident('2024-06-02', 1), incident('2024-06-03', 1)];
    expect(triggerMet({ incidentCount: 2, withinDays: 30 }, civil, today)).toBe(false);
    expect(triggerMet({ minSeverity: 1 }, civil, today)).toBe(true);
  });

  it('ignores incidents dated after today', () => {
    expect(triggerMet({ minSeverity: 2 }, [incident('2024-07-01', 4)], today)).toBe(false);
  });
});

describe('suggestNextStep', () => {
  const settings = DEFAULT_ESCALATION_SETTINGS;

  it('suggests nothing without incidents, or for civil criticism only', () => {
    expect(suggestNextStep(settings, [], [], today)).toBeNull();
    expect(suggestNextStep(settings, [incident('2024-06-01', 1)], [], today)).toBeNull();
  });

  it('starts with an invitation to discuss an offensive post', () => {
    expect(suggestNextStep(settings, [incident('2024-06-01', 2)], [], today)?.kind).toBe(
      'invite_discussion',
    );
  });

  it('does not suggest a step already taken, nor anything below the highest taken', () => {
    const offensive = [incident('2024-06-01', 2)];
    expect(suggestNextStep(settings, offensive, ['invite_discussion'], today)).toBeNull();
    const abusive = [incident('2024-06-01', 3)];
    expect(suggestNextStep(settings, abusive, ['contact_group_admins'], today)).toBeNull();
    expect(suggestNextStep(settings, abusive, ['formal_warning'], today)).toBeNull();
  });

  it('climbs to the highest step whose trigger is met', () => {
    const abusive = [incident('2024-06-01', 3)];
    expect(suggestNextStep(settings, abusive, [], today)?.kind).toBe('contact_group_admins');
    expect(suggestNextStep(settings, abusive, ['invite_discussion'], today)?.kind).toBe(
      'contact_group_admins',
    );
    const twoAbusive = [incident('2024-04-15', 3), incident('2024-06-01', 3)];
    expect(suggestNextStep(settings, twoAbusive, ['invite_discussion'], today)?.kind).toBe(
      'formal_warning',
    );
  });

  it('lets a window lapse: abusive posts further apart than 90 days do not warrant a warning', () => {
    const spread = [incident('2024-03-01', 3), incident('2024-06-01', 3)];
    expect(suggestNextStep(settings, spread, ['contact_group_admins'], today)).toBeNull();
  });

  it('suggests removal only after a formal warning, and the warning first', () => {
    const three = [incident('2024-01-10', 3), incident('2024-04-01', 3), incident('2024-06-01', 3)];
    expect(suggestNextStep(settings, three, ['contact_group_admins'], today)?.kind).toBe(
      'formal_warning',
    );
    expect(suggestNextStep(settings, three, ['formal_warning'], today)?.kind).toBe(
      'removal_request',
    );
    expect(suggestNextStep(settings, three, ['removal_request'], today)).toBeNull();
  });

  it('follows a custom ladder', () => {
    const ladder: EscalationStep[] = [
      { kind: 'invite_discussion', trigger: { minSeverity: 1 } },
      { kind: 'formal_warning', trigger: { incidentCount: 3, withinDays: 14 } },
    ];
    const civil = [incident('2024-06-29', 1)];
    expect(suggestNextStep({ ladder }, civil, [], today)?.kind).toBe('invite_discussion');
    const burst = [incident('2024-06-20', 2), incident('2024-06-25', 2), incident('2024-06-30', 2)];
    expect(suggestNextStep({ ladder }, burst, [], today)).toEqual(ladder[1]);
  });
});

describe('volumeAlertTriggered', () => {
  const item = (receivedOn: IsoDate, negative: boolean, complaint = false) => ({
    receivedOn,
    negative,
    complaint,
  });
  const settings = (of: 'negative' | 'complaints') => ({
    volumeAlert: { count: 3, withinDays: 7, of },
  });

  it('fires at the count within the window, boundary day included', () => {
    const items = [item('2024-06-23', true), item('2024-06-25', true), item('2024-06-30', true)];
    expect(volumeAlertTriggered(settings('negative'), items, today)).toBe(true);
    expect(volumeAlertTriggered(settings('negative'), items.slice(1), today)).toBe(false);
    const older = [item('2024-06-22', true), ...items.slice(1)];
    expect(volumeAlertTriggered(settings('negative'), older, today)).toBe(false);
  });

  it('counts only the chosen sort of item', () => {
    const items = [
      item('2024-06-28', true, true),
      item('2024-06-29', true, false),
      item('2024-06-30', false, true),
      item('2024-06-30', false, true),
    ];
    expect(volumeAlertTriggered(settings('negative'), items, today)).toBe(false);
    expect(volumeAlertTriggered(settings('complaints'), items, today)).toBe(true);
  });
});

describe('validateEscalationSettings', () => {
  it('accepts the defaults', () => {
    expect(validateEscalationSettings(DEFAULT_ESCALATION_SETTINGS)).toEqual([]);
  });

  it('requires the natural order, each kind at most once', () => {
    const [invite, admins, warning, removal] = DEFAULT_ESCALATION_SETTINGS.ladder as [
      EscalationStep,
      EscalationStep,
      EscalationStep,
      EscalationStep,
    ];
    expect(fields(withLadder([admins, invite]))).toEqual(['ladder[1].kind']);
    expect(fields(withLadder([invite, invite]))).toEqual(['ladder[1].kind']);
    expect(fields(withLadder([invite, warning, removal]))).toEqual([]);
    expect(fields(withLadder([warning]))).toEqual([]);
    expect(fields(withLadder([]))).toEqual(['ladder']);
    expect(fields(withLadder([removal, warning]))).toContain('ladder[1].kind');
  });

  it('refuses a removal request without a formal warning before it', () => {
    const errors = validateEscalationSettings(
      withLadder([
        { kind: 'invite_discussion', trigger: { minSeverity: 2 } },
        { kind: 'removal_request', trigger: { minSeverity: 4 } },
      ]),
    );
    expect(errors).toEqual([{ field: 'ladder[1].kind', message: expect.stringMatching(/warn/) }]);
  });

  it('checks each trigger, naming the field', () => {
    const ladder = (trigger: EscalationStep['trigger']): EscalationStep[] => [
      { kind: 'contact_group_admins', trigger },
    ];
    expect(fields(withLadder(ladder({})))).toEqual(['ladder[0].trigger']);
    expect(fields(withLadder(ladder({ incidentCount: 0 })))).toEqual([
      'ladder[0].trigger.incidentCount',
    ]);
    expect(fields(withLadder(ladder({ incidentCount: 1.5 })))).toEqual([
      'ladder[0].trigger.incidentCount',
    ]);
    expect(fields(withLadder(ladder({ incidentCount: 2, withinDays: 0 })))).toEqual([
      'ladder[0].trigger.withinDays',
    ]);
    expect(fields(withLadder(ladder({ incidentCount: 2, withinDays: 366 })))).toEqual([
      'ladder[0].trigger.withinDays',
    ]);
    expect(fields(withLadder(ladder({ incidentCount: 2, withinDays: 365 })))).toEqual([]);
    expect(fields(withLadder(ladder({ incidentCount: 1, withinDays: 1 })))).toEqual([]);
    expect(fields(withLadder(ladder({ minSeverity: 5 as IncidentSeverity })))).toEqual([
      'ladder[0].trigger.minSeverity',
    ]);
  });

  it('lets civil criticism lead to an invitation only', () => {
    const invite: EscalationStep = { kind: 'invite_discussion', trigger: { minSeverity: 1 } };
    expect(fields(withLadder([invite]))).toEqual([]);
    const admins: EscalationStep = { kind: 'contact_group_admins', trigger: { minSeverity: 1 } };
    const errors = validateEscalationSettings(withLadder([admins]));
    expect(errors).toEqual([
      { field: 'ladder[0].trigger.minSeverity', message: expect.stringMatching(/criticism/) },
    ]);
  });

  it('checks the clocks and the volume alert', () => {
    const settings: EscalationSettings = {
      ...DEFAULT_ESCALATION_SETTINGS,
      clocks: { ...DEFAULT_ESCALATION_SETTINGS.clocks, ackWorkingDays: 5 },
      volumeAlert: { count: 0, withinDays: 400, of: 'everything' as 'negative' },
    };
    expect(fields(settings)).toEqual([
      'clocks.ackWorkingDays',
      'volumeAlert.count',
      'volumeAlert.withinDays',
      'volumeAlert.of',
    ]);
  });
});
