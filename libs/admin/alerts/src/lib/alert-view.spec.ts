import type { LiveAlertFieldsFragment } from '@parley/admin/shell';
import { alertKindLabel, fromLive, subjectLink, withRaised } from './alert-view';
import { type AlertFieldsFragment, AlertKind, AlertSubjectType } from './generated/graphql';

const alert = (id: string): AlertFieldsFragment => ({
  id,
  kind: AlertKind.AcknowledgementOverdue,
  subject: `Complaint ${id} was not acknowledged in time.`,
  subjectType: AlertSubjectType.Feedback,
  subjectId: `f-${id}`,
  due: '2030-03-07',
  raisedAt: '2030-03-08T07:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
});

describe('alert view', () => {
  it('names each kind of alert in words', () => {
    expect(alertKindLabel(AlertKind.LadderStepSuggested)).toBe('Escalation step suggested');
    expect(alertKindLabel(AlertKind.WrittenConfirmationDue)).toBe('Written confirmation due');
  });

  it('links each subject to where it is dealt with', () => {
    expect(subjectLink({ subjectType: AlertSubjectType.Feedback, subjectId: 'f1' })).toEqual({
      commands: ['/feedback', 'f1'],
      label: 'Open the complaint',
    });
    expect(subjectLink({ subjectType: AlertSubjectType.Incident, subjectId: 'i1' })).toEqual({
      commands: ['/incidents', 'i1'],
      label: 'Open the incident',
    });
    expect(subjectLink({ subjectType: AlertSubjectType.Patient, subjectId: 'p1' })).toEqual({
      commands: ['/incidents'],
      queryParams: { patient: 'p1' },
      label: "See the patient's incidents",
    });
    expect(
      subjectLink({ subjectType: AlertSubjectType.Practice, subjectId: null }).commands,
    ).toEqual(['/feedback']);
  });

  it('takes a live alert as an open one', () => {
    const live = fromLive({
      id: 'a9',
      kind: 'ladder_step_suggested',
      subject: 'Patient P-0042: Formal warning, with reasons is suggested.',
      subjectType: 'patient',
      subjectId: 'p1',
      due: null,
      raisedAt: '2030-03-08T07:00:00.000Z',
    } as unknown as LiveAlertFieldsFragment);
    expect(live).toMatchObject({
      kind: AlertKind.LadderStepSuggested,
      subjectType: AlertSubjectType.Patient,
      acknowledgedAt: null,
    });
  });

  it('puts a raised alert first, once', () => {
    const list = [alert('a'), alert('b')];
    expect(withRaised(list, alert('c')).map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(withRaised(list, alert('b')).map((a) => a.id)).toEqual(['b', 'a']);
  });
});
