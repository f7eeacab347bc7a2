import {
  DEFAULT_PRACTICE_ESCALATION_SETTINGS,
  describeTrigger,
  fromStored,
  validatePracticeEscalationSettings,
  validateRemovalRules,
} from './practice-escalation-settings';

describe('practice escalation settings', () => {
  it('the defaults are valid', () => {
    expect(validatePracticeEscalationSettings(DEFAULT_PRACTICE_ESCALATION_SETTINGS)).toEqual([]);
  });

  it('removal rules may be stricter than the law, never looser', () => {
    const ok = {
      warningValidMonths: 6,
      writtenConfirmationDays: 3,
      allowRemovalWithoutWarningWhenUnsafe: false,
    };
    expect(validateRemovalRules(ok)).toEqual([]);
    expect(validateRemovalRules({ ...ok, warningValidMonths: 13 })).toEqual([
      expect.objectContaining({
        field: 'removalRules.warningValidMonths',
        message: expect.stringContaining('preceding 12 months'),
      }),
    ]);
    expect(validateRemovalRules({ ...ok, writtenConfirmationDays: 8 })).toEqual([
      expect.objectContaining({
        field: 'removalRules.writtenConfirmationDays',
        message: expect.stringContaining('within 7 days'),
      }),
    ]);
    expect(validateRemovalRules({ ...ok, warningValidMonths: 0 })[0].field).toBe(
      'removalRules.warningValidMonths',
    );
    expect(validateRemovalRules({ ...ok, writtenConfirmationDays: 1.5 })[0].field).toBe(
      'removalRules.writtenConfirmationDays',
    );
  });

  it('reports the shared rules’ problems with their dotted fields', () => {
    const looser = {
      ...DEFAULT_PRACTICE_ESCALATION_SETTINGS,
      clocks: { ...DEFAULT_PRACTICE_ESCALATION_SETTINGS.clocks, ackWorkingDays: 5 },
    };
    expect(validatePracticeEscalationSettings(looser).map((e) => e.field)).toEqual([
      'clocks.ackWorkingDays',
    ]);
  });

  it('reads a version stored before a section existed as complete', () => {
    const stored = fromStored({
      ladder: [{ kind: 'invite_discussion', trigger: { minSeverity: 3 } }],
    });
    expect(stored.ladder).toHaveLength(1);
    expect(stored.removalRules).toEqual(DEFAULT_PRACTICE_ESCALATION_SETTINGS.removalRules);
    expect(stored.clocks).toEqual(DEFAULT_PRACTICE_ESCALATION_SETTINGS.clocks);
  });

  it('puts a trigger into words', () => {
    expect(describeTrigger({ minSeverity: 4 })).toBe(
      'One incident of severity Threatening or worse',
    );
    expect(describeTrigger({ incidentCount: 3, withinDays: 30 })).toBe(
      '3 incidents of severity Offensive or worse within 30 days',
    );
  });
});
