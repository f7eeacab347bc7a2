import { wilmslowSettings } from '../../testing/settings-fixtures';
import { EscalationStepKind, IncidentSeverity } from '../generated/graphql';
import {
  controlOf,
  formValueOf,
  inputOf,
  problemsOf,
  readableOf,
  type SettingsFormValue,
} from './settings-form';

const ACK_REFUSAL =
  'The Complaints Regulations require acknowledgement by the 3rd working day after receipt. ' +
  'A practice may acknowledge sooner, not later.';

function edited(change: (value: SettingsFormValue) => void): SettingsFormValue {
  const value = formValueOf(wilmslowSettings());
  change(value);
  return value;
}

describe('the escalation settings form', () => {
  it('starts from the settings in force, every step of the ladder included', () => {
    const value = formValueOf(wilmslowSettings());
    expect(value.ladder[EscalationStepKind.FormalWarning]).toEqual({
      included: true,
      minSeverity: IncidentSeverity.Offensive,
      incidentCount: 2,
      withinDays: 60,
    });
    expect(value.ladder[EscalationStepKind.InviteDiscussion].incidentCount).toBe(1);
    expect(value.clocks.ackWorkingDays).toBe(2);
    expect(problemsOf(value)).toEqual([]);
  });

  it('offers steps left off the ladder with sensible starting triggers', () => {
    const settings = wilmslowSettings();
    const value = formValueOf({ ...settings, ladder: settings.ladder.slice(2) });
    expect(value.ladder[EscalationStepKind.ContactGroupAdmins]).toEqual({
      included: false,
      minSeverity: IncidentSeverity.Abusive,
      incidentCount: 1,
      withinDays: null,
    });
  });

  it('sends the chosen steps in ladder order, with the version it started from', () => {
    const value = edited((v) => {
      v.ladder[EscalationStepKind.ContactGroupAdmins].included = false;
      v.note = '  Fewer steps.  ';
    });
    const input = inputOf(value, 1);
    expect(input.basedOnVersion).toBe(1);
    expect(input.note).toBe('Fewer steps.');
    expect(input.ladder.map((s) => s.kind)).toEqual([
      EscalationStepKind.InviteDiscussion,
      EscalationStepKind.FormalWarning,
      EscalationStepKind.RemovalRequest,
    ]);
    expect(input.ladder[1].trigger).toEqual({
      minSeverity: IncidentSeverity.Offensive,
      incidentCount: 2,
      withinDays: 60,
    });
    expect(input.clocks).toEqual({
      ackWorkingDays: 2,
      responseTargetWorkingDays: 20,
      delayLetterMonths: 6,
      timeLimitMonths: 12,
    });
  });

  it('refuses an acknowledgement clock looser than the law, on its field', () => {
    expect(problemsOf(edited((v) => (v.clocks.ackWorkingDays = 5)))).toEqual([
      { control: 'clocks.ackWorkingDays', message: ACK_REFUSAL },
    ]);
    expect(problemsOf(edited((v) => (v.clocks.ackWorkingDays = null)))).toEqual([
      {
        control: 'clocks.ackWorkingDays',
        message: 'Acknowledgement period must be a whole number.',
      },
    ]);
  });

  it('refuses removal rules looser than the law', () => {
    const problems = problemsOf(
      edited((v) => {
        v.removalRules.warningValidMonths = 18;
        v.removalRules.writtenConfirmationDays = 10;
      }),
    );
    expect(problems.map((p) => p.control)).toEqual([
      'removalRules.warningValidMonths',
      'removalRules.writtenConfirmationDays',
    ]);
    expect(problems[0].message).toContain('within the preceding 12 months');
  });

  it('puts ladder problems on the step they concern', () => {
    const removalWithoutWarning = problemsOf(
      edited((v) => (v.ladder[EscalationStepKind.FormalWarning].included = false)),
    );
    expect(removalWithoutWarning).toEqual([
      {
        control: `ladder.${EscalationStepKind.RemovalRequest}.included`,
        message: expect.stringContaining('must come after a formal warning'),
      },
    ]);
    const civil = problemsOf(
      edited(
        (v) => (v.ladder[EscalationStepKind.FormalWarning].minSeverity = IncidentSeverity.Low),
      ),
    );
    expect(civil[0].control).toBe(`ladder.${EscalationStepKind.FormalWarning}.minSeverity`);
    const emptyLadder = problemsOf(
      edited((v) => Object.values(v.ladder).forEach((step) => (step.included = false))),
    );
    expect(emptyLadder).toEqual([
      { control: null, message: 'The ladder needs at least one step.' },
    ]);
  });

  it('maps the API’s field paths to controls', () => {
    const value = edited((v) => (v.ladder[EscalationStepKind.InviteDiscussion].included = false));
    expect(controlOf('ladder[0].trigger.withinDays', value)).toBe(
      `ladder.${EscalationStepKind.ContactGroupAdmins}.withinDays`,
    );
    expect(controlOf('ladder[1].kind', value)).toBe(
      `ladder.${EscalationStepKind.FormalWarning}.included`,
    );
    expect(controlOf('input.clocks.ackWorkingDays', value)).toBe('clocks.ackWorkingDays');
    expect(controlOf('basedOnVersion', value)).toBeNull();
    expect(controlOf(undefined, value)).toBeNull();
  });

  it('reads as sentences only once every number is there', () => {
    expect(readableOf(formValueOf(wilmslowSettings()))?.ladder).toHaveLength(4);
    expect(readableOf(edited((v) => (v.volumeAlert.count = null)))).toBeNull();
  });
});
