import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { addDays, londonDateOf } from '@parley/shared/domain';
import { of, throwError } from 'rxjs';
import {
  ChannelKind,
  ComplainantStatus,
  ComplaintOutcome,
  type FeedbackItemFieldsFragment,
  FeedbackItemDocument,
  FeedbackKind,
  FeedbackSource,
  FeedbackStatus,
  MarkResolvedNextWorkingDayDocument,
  RecordDelayLetterDocument,
  PatientAgeBand,
  Sentiment,
  StaffGroup,
  SubjectArea,
  TransitionFeedbackDocument,
  WaiveTimeLimitDocument,
} from '../generated/graphql';
import { FakeClient, settle } from '../../testing/fake-client';
import { FEEDBACK_ROUTES } from '../feedback.routes';

const TODAY = londonDateOf(new Date());
const JO = { id: 'user-1', name: 'Jo Bloggs' };

function complaint(
  overrides: Partial<FeedbackItemFieldsFragment> = {},
): FeedbackItemFieldsFragment {
  return {
    id: 'item-1',
    reference: '3F2A9C1B',
    channel: { id: 'c-desk', kind: ChannelKind.InPerson, label: 'Tell us in person' },
    source: FeedbackSource.Staff,
    receivedAt: '2030-03-04T10:00:00.000Z',
    receivedOn: '2030-03-04',
    kind: FeedbackKind.Complaint,
    sentiment: Sentiment.Negative,
    summary: 'Waited 40 minutes on the phone at 8am.',
    oral: true,
    status: FeedbackStatus.Received,
    allowedTransitions: [FeedbackStatus.Acknowledged, FeedbackStatus.Withdrawn],
    coding: {
      subjectAreas: [SubjectArea.AccessAppointments, SubjectArea.Communication],
      staffGroups: [StaffGroup.AdminReception],
      complainantStatus: ComplainantStatus.RelativeCarer,
      ageBand: PatientAgeBand.Age_75_84,
      complete: true,
    },
    eventOn: '2030-03-03',
    awareOn: null,
    timeLimitFlagged: false,
    outcome: null,
    phsoInformed: false,
    outsideRegulations: false,
    acknowledgedOn: null,
    respondedOn: null,
    closedOn: null,
    clocks: {
      acknowledgementDue: '2030-03-07',
      acknowledgementOverdue: true,
      acknowledgedInTime: null,
      delayLetterDue: '2030-09-04',
      delayLetterOverdue: false,
      delayLetterSentOn: null,
      timeLimit: { limitDate: '2031-03-03', withinLimit: true, waived: false, waivedBecause: null },
    },
    contact: { name: 'Sam Patel', email: 'sam@example.com', phone: null },
    history: [
      {
        id: 'h-1',
        from: null,
        to: FeedbackStatus.Received,
        note: null,
        effectiveOn: '2030-03-04',
        occurredAt: '2030-03-04T10:05:00.000Z',
        by: JO,
      },
    ],
    ...overrides,
  };
}

const ACKNOWLEDGED = complaint({
  status: FeedbackStatus.Acknowledged,
  allowedTransitions: [FeedbackStatus.Investigating, FeedbackStatus.Withdrawn],
  acknowledgedOn: '2030-03-08',
  clocks: { ...complaint().clocks!, acknowledgementOverdue: false, acknowledgedInTime: false },
  history: [
    ...complaint().history,
    {
      id: 'h-2',
      from: FeedbackStatus.Received,
      to: FeedbackStatus.Acknowledged,
      note: 'Phoned the daughter.',
      effectiveOn: '2030-03-08',
      occurredAt: '2030-03-08T09:00:00.000Z',
      by: { id: 'user-2', name: 'Amir Khan' },
    },
  ],
});

describe('ItemPage', () => {
  let harness: RouterTestingHarness;
  let client: FakeClient;
  let el: HTMLElement;
  let loader: ReturnType<typeof TestbedHarnessEnvironment.loader>;
  let current: FeedbackItemFieldsFragment;

  async function open(
    signIn: keyof typeof FIXTURE_SIGN_INS = 'staff',
    state?: Record<string, unknown>,
  ) {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'feedback', children: FEEDBACK_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    harness = await RouterTestingHarness.create();
    await TestBed.inject(Router).navigateByUrl('/feedback/item-1', { state });
    await settle(harness.fixture);
    el = harness.routeNativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }
  const text = (selector: string) =>
    el.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const facts = (section: string) =>
    Object.fromEntries(
      Array.from(el.querySelectorAll(`section[aria-labelledby="${section}"] dt`)).map((dt) => [
        dt.textContent?.trim(),
        dt.nextElementSibling?.textContent?.replace(/\s+/g, ' ').trim(),
      ]),
    );
  const button = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    );
  const nextStep = () =>
    loader.getHarness(MatRadioGroupHarness.with({ selector: '[formcontrolname="to"]' }));
  async function click(name: string) {
    button(name)?.click();
    await settle(harness.fixture);
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  beforeEach(() => {
    current = complaint();
    client = new FakeClient();
    client.answer(FeedbackItemDocument, () => of({ feedbackItem: current }));
  });

  it('shows the facts, the clocks with the overdue acknowledgement in words, the history and the contact', async () => {
    await open();
    expect(text('h1')).toBe('Complaint 3F2A9C1B');
    expect(text('.lede')).toBe('Status: Received');
    expect(facts('item-facts')).toMatchObject({
      Summary: 'Waited 40 minutes on the phone at 8am.',
      Channel: 'Tell us in person',
      'How it was made': 'Orally (in person or by phone)',
      'Subject areas':
        'Access to services and appointments (availability, delays, cancellations); Communication and information to patients (written and oral)',
      'Staff groups': 'Admin and reception',
      'Status of complainant': 'Relative or carer',
      'Age of patient': '75–84',
    });
    expect(facts('item-clocks')).toEqual({
      Acknowledgement: 'Overdue: it was due by Thursday 7 March 2030.',
      'Delay letter': 'If there is no response by 4 September 2030, write to explain the delay.',
      'Time limit': 'Made in time: the limit ends on 3 March 2031.',
    });
    expect(el.querySelector('.overdue')?.textContent).toBe('Overdue:');
    expect(text('.history')).toContain('Logged on 4 March 2030 — recorded 4 Mar 2030');
    expect(text('.history')).toContain('by Jo Bloggs');
    expect(facts('item-contact')).toEqual({
      Name: 'Sam Patel',
      Email: 'sam@example.com',
      Phone: 'Not given',
    });
  });

  it('greets the person who just logged it with the reference', async () => {
    await open('staff', { logged: '3F2A9C1B' });
    expect(text('p[role="status"]')).toBe('Logged. The reference is 3F2A9C1B.');
  });

  it('lets staff acknowledge, then shows the acknowledgement on the clocks and in the history', async () => {
    client.answer(TransitionFeedbackDocument, () => {
      current = ACKNOWLEDGED;
      return of({ transitionFeedback: { id: 'item-1' } });
    });
    await open();
    expect(await (await nextStep()).getCheckedValue()).toBe(FeedbackStatus.Acknowledged); // the only step for staff
    expect(el.textContent).toContain('Other steps are for a practice manager.');
    expect(button('Record delay letter sent')).toBeUndefined();
    expect(el.textContent).not.toContain('Resolved by the next working day?');

    await click('Acknowledge');
    expect(client.variablesOf(TransitionFeedbackDocument)).toEqual([
      {
        id: 'item-1',
        to: FeedbackStatus.Acknowledged,
        effectiveOn: TODAY,
        note: null,
        outcome: null,
        phsoInformed: null,
      },
    ]);
    expect(client.variablesOf(FeedbackItemDocument)).toHaveLength(2);
    expect(text('p[role="status"]')).toBe('The complaint is now acknowledged.');
    expect(text('.lede')).toBe('Status: Acknowledged');
    expect(facts('item-clocks')['Acknowledgement']).toBe(
      'Acknowledged on Friday 8 March 2030: late (it was due by Thursday 7 March 2030).',
    );
    expect(text('.history')).toContain('Acknowledged on 8 March 2030');
    expect(text('.history')).toContain('by Amir Khan');
    expect(text('.history')).toContain('Phoned the daughter.');
    expect(el.textContent).toContain('The next steps are for a practice manager.');
  });

  it('needs the Ombudsman confirmed before a manager records the final response', async () => {
    current = complaint({
      status: FeedbackStatus.Investigating,
      allowedTransitions: [FeedbackStatus.Responded, FeedbackStatus.Withdrawn],
    });
    client.answer(TransitionFeedbackDocument, () => of({ transitionFeedback: { id: 'item-1' } }));
    await open('manager');
    await (await nextStep()).checkRadioButton({ label: 'Record the final response' });
    await settle(harness.fixture);
    await click('Record the final response');
    expect(client.variablesOf(TransitionFeedbackDocument)).toEqual([]);
    expect(text('.phso .field-error')).toContain('must tell the complainant about the Ombudsman');

    await (
      await loader.getHarness(
        MatCheckboxHarness.with({ label: /Parliamentary and Health Service Ombudsman/ }),
      )
    ).check();
    await click('Record the final response');
    expect(client.variablesOf(TransitionFeedbackDocument)).toEqual([
      {
        id: 'item-1',
        to: FeedbackStatus.Responded,
        effectiveOn: TODAY,
        note: null,
        outcome: null,
        phsoInformed: true,
      },
    ]);
  });

  it('needs the outcome to close a complaint', async () => {
    current = complaint({
      status: FeedbackStatus.Responded,
      phsoInformed: true,
      respondedOn: '2030-04-01',
      allowedTransitions: [FeedbackStatus.Closed, FeedbackStatus.Withdrawn],
    });
    client.answer(TransitionFeedbackDocument, () => of({ transitionFeedback: { id: 'item-1' } }));
    await open('manager');
    await (await nextStep()).checkRadioButton({ label: 'Close' });
    await settle(harness.fixture);
    expect(el.querySelector('.phso')).toBeNull(); // already told with the final response
    await click('Close');
    expect(text('.field-error')).toBe('Record the outcome to close the complaint.');
    await (
      await loader.getHarness(
        MatRadioGroupHarness.with({ selector: '[formcontrolname="outcome"]' }),
      )
    ).checkRadioButton({
      label: 'Partially upheld',
    });
    await click('Close');
    expect(client.variablesOf(TransitionFeedbackDocument)).toEqual([
      {
        id: 'item-1',
        to: FeedbackStatus.Closed,
        effectiveOn: TODAY,
        note: null,
        outcome: ComplaintOutcome.PartiallyUpheld,
        phsoInformed: null,
      },
    ]);
  });

  it('offers the delay letter once it is due, and records it', async () => {
    await open('manager');
    expect(button('Record delay letter sent')).toBeUndefined(); // months away

    TestBed.resetTestingModule();
    const due = addDays(TODAY, -3);
    current = complaint({
      status: FeedbackStatus.Investigating,
      allowedTransitions: [FeedbackStatus.Responded, FeedbackStatus.Withdrawn],
      clocks: {
        ...complaint().clocks!,
        acknowledgementOverdue: false,
        delayLetterDue: due,
        delayLetterOverdue: true,
      },
    });
    client.answer(RecordDelayLetterDocument, () => of({ recordDelayLetter: { id: 'item-1' } }));
    await open('manager');
    expect(facts('item-clocks')['Delay letter']).toMatch(
      /^Overdue: there has been no response, so a letter explaining the delay was due by \d{1,2} \w+ \d{4}\.$/,
    );
    await click('Record delay letter sent');
    expect(client.variablesOf(RecordDelayLetterDocument)).toEqual([
      { id: 'item-1', sentOn: TODAY },
    ]);
    expect(text('p[role="status"]')).toBe('The delay letter has been recorded.');
  });

  it('shows why a step was refused', async () => {
    client.answer(TransitionFeedbackDocument, () =>
      throwError(
        () => new ApiError('CONFLICT', 'A complaint that is acknowledged is already there.', 'to'),
      ),
    );
    await open();
    await click('Acknowledge');
    expect(text('parley-workflow-actions [role="alert"]')).toBe(
      'A complaint that is acknowledged is already there.',
    );
  });

  it('lets a manager mark an oral complaint resolved by the next working day', async () => {
    client.answer(MarkResolvedNextWorkingDayDocument, () =>
      of({ markResolvedNextWorkingDay: { id: 'item-1' } }),
    );
    await open('manager');
    expect(text('parley-workflow-actions')).toContain('outside the complaints regulations');
    await click('Mark resolved by the next working day');
    expect(client.variablesOf(MarkResolvedNextWorkingDayDocument)).toEqual([
      { id: 'item-1', resolvedOn: TODAY, note: null },
    ]);
    expect(text('p[role="status"]')).toContain('resolved by the next working day');
  });

  it('flags a complaint made out of time and lets a manager waive the limit, saying why', async () => {
    current = complaint({
      timeLimitFlagged: true,
      clocks: {
        ...complaint().clocks!,
        timeLimit: {
          limitDate: '2029-01-10',
          withinLimit: false,
          waived: false,
          waivedBecause: null,
        },
      },
    });
    client.answer(WaiveTimeLimitDocument, () => of({ waiveTimeLimit: { id: 'item-1' } }));
    await open('manager');
    expect(facts('item-clocks')['Time limit']).toBe(
      'Flagged: made after the time limit, which ended on 10 January 2029. A practice manager may waive it.',
    );
    await click('Waive the time limit');
    expect(text('parley-item-clocks [role="alert"]')).toBe('Say why the time limit is waived.');
    const reason = el.querySelector('textarea[name="because"]') as HTMLTextAreaElement;
    reason.value = 'In hospital for a year.';
    reason.dispatchEvent(new Event('input'));
    await click('Waive the time limit');
    expect(client.variablesOf(WaiveTimeLimitDocument)).toEqual([
      { id: 'item-1', because: 'In hospital for a year.' },
    ]);
  });

  it('explains a complaint resolved outside the regulations and offers no further step', async () => {
    current = complaint({
      status: FeedbackStatus.Closed,
      outsideRegulations: true,
      closedOn: '2030-03-05',
      clocks: null,
      allowedTransitions: [],
    });
    await open('manager');
    expect(text('section[aria-labelledby="item-clocks"]')).toContain(
      'outside the complaints regulations',
    );
    expect(el.querySelector('[formcontrolname="to"]')).toBeNull();
    expect(el.textContent).toContain('This item is closed: there are no further steps.');
  });

  it('says when the item cannot be found', async () => {
    client.answer(FeedbackItemDocument, () =>
      throwError(() => new ApiError('NOT_FOUND', 'The feedback item was not found.')),
    );
    await open();
    expect(text('h1')).toBe('Feedback item');
    expect(text('[role="alert"]')).toBe('The feedback item was not found.');
  });
});
