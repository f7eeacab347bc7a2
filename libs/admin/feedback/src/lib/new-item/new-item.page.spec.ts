import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of, throwError } from 'rxjs';
import {
  ChannelKind,
  FeedbackChannelsDocument,
  FeedbackKind,
  FeedbackTimeLimitDocument,
  LogFeedbackDocument,
  type LogFeedbackMutationVariables,
  Sentiment,
  StaffGroup,
  SubjectArea,
} from '../generated/graphql';
import { FakeClient, settle } from '../../testing/fake-client';
import { FEEDBACK_ROUTES } from '../feedback.routes';

const CHANNELS = [
  { id: 'c-letter', kind: ChannelKind.LetterBox, label: 'Letter box at reception', enabled: true },
  { id: 'c-desk', kind: ChannelKind.InPerson, label: 'Tell us in person', enabled: true },
  { id: 'c-old', kind: ChannelKind.Email, label: 'Old email address', enabled: false },
];

describe('NewItemPage', () => {
  let harness: RouterTestingHarness;
  let client: FakeClient;
  let el: HTMLElement;
  let loader: ReturnType<typeof TestbedHarnessEnvironment.loader>;

  async function open(signIn: keyof typeof FIXTURE_SIGN_INS = 'staff') {
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
    await harness.navigateByUrl('/feedback/new');
    el = harness.routeNativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await settle(harness.fixture);
  }

  const field = (name: string) =>
    el.querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
  async function type(name: string, value: string) {
    const input = field(name);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await harness.fixture.whenStable();
  }
  const select = (name: string) =>
    loader.getHarness(MatSelectHarness.with({ selector: `[formcontrolname="${name}"]` }));
  const radios = (name: string) =>
    loader.getHarness(MatRadioGroupHarness.with({ selector: `[formcontrolname="${name}"]` }));
  const errors = () =>
    Array.from(el.querySelectorAll('mat-error, .field-error')).map((e) => e.textContent?.trim());
  async function submit() {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness.fixture);
  }
  const sent = () => client.variablesOf(LogFeedbackDocument) as LogFeedbackMutationVariables[];

  /** A complaint made at the desk, about something 15 months before: out of time. */
  async function fillLateDeskComplaint() {
    await (await select('channelId')).clickOptions({ text: 'Tell us in person' });
    await type('receivedAt', '2025-03-04T09:30');
    await (await radios('kind')).checkRadioButton({ label: 'Complaint' });
    await type('summary', '  Relative unhappy with the 8am phone queue.  ');
    await (await select('subjectAreas')).clickOptions({ text: /^Access to services/ });
    await (await select('staffGroups')).clickOptions({ text: 'Admin and reception' });
    await type('eventOn', '2023-12-01');
    await settle(harness.fixture);
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  beforeEach(() => {
    client = new FakeClient();
    client.answer(FeedbackChannelsDocument, () => of({ channels: CHANNELS }));
    client.answer(FeedbackTimeLimitDocument, () =>
      of({ escalationSettings: { clocks: { timeLimitMonths: 12 } } }),
    );
    client.answer(LogFeedbackDocument, () =>
      of({ logFeedback: { id: 'item-9', reference: 'ITEM9REF' } }),
    );
  });

  it("offers the practice's channels, switched-off ones last and marked so", async () => {
    await open();
    const channel = await select('channelId');
    await channel.open();
    const options = await channel.getOptions();
    expect(await Promise.all(options.map((o) => o.getText()))).toEqual([
      'Letter box at reception',
      'Tell us in person',
      'Old email address (switched off)',
    ]);
  });

  it('checks the form before sending anything', async () => {
    await open();
    field('receivedAt').value = '';
    field('receivedAt').dispatchEvent(new Event('input'));
    await submit();
    expect(errors()).toEqual([
      'Choose how it reached the practice.',
      'Enter the date and time it was received.',
      'Choose what kind of feedback it is.',
      'Choose the tone of the feedback.',
      'Enter a summary.',
    ]);
    expect(sent()).toEqual([]);
    expect(el.querySelector('fieldset legend')?.textContent).not.toContain('KO41(b)');
  });

  it('logs a verbal complaint made at the desk, flags it out of time, and opens it', async () => {
    await open();
    await fillLateDeskComplaint();
    expect(await (await loader.getHarness(MatCheckboxHarness)).isChecked()).toBe(true); // oral, from the channel
    expect(await (await radios('sentiment')).getCheckedValue()).toBe(Sentiment.Negative);
    expect(el.querySelector('.time-limit')?.textContent).toContain(
      'Out of time: made after the 12-month time limit, which ended on 1 December 2024.',
    );
    expect(field('timeLimitWaivedBecause')).toBeNull(); // staff cannot waive it
    expect(el.textContent).toContain(
      'a practice manager can decide whether to waive the time limit',
    );

    await submit();
    expect(sent()).toEqual([
      {
        input: {
          channelId: 'c-desk',
          receivedAt: new Date('2025-03-04T09:30').toISOString(),
          kind: FeedbackKind.Complaint,
          sentiment: Sentiment.Negative,
          summary: 'Relative unhappy with the 8am phone queue.',
          oral: true,
          coding: {
            subjectAreas: [SubjectArea.AccessAppointments],
            staffGroups: [StaffGroup.AdminReception],
            complainantStatus: null,
            ageBand: null,
          },
          eventOn: '2023-12-01',
          awareOn: null,
          timeLimitWaivedBecause: null,
          contact: null,
        },
      },
    ]);
    expect(TestBed.inject(Router).url).toBe('/feedback/item-9');
  });

  it('lets a manager waive the time limit, with the reason', async () => {
    await open('manager');
    await fillLateDeskComplaint();
    await type('awareOn', '2024-10-01');
    expect(el.querySelector('.time-limit')?.textContent).toContain(
      'Within the 12-month time limit, which ends on 1 October 2025.',
    );
    await type('awareOn', '');
    await type('timeLimitWaivedBecause', 'The complainant was in hospital for a year.');
    await submit();
    expect(sent()[0].input).toMatchObject({
      timeLimitWaivedBecause: 'The complainant was in hospital for a year.',
      awareOn: null,
    });
  });

  it("uses the practice's own time limit when it allows longer than 12 months", async () => {
    client.answer(FeedbackTimeLimitDocument, () =>
      of({ escalationSettings: { clocks: { timeLimitMonths: 18 } } }),
    );
    await open();
    await fillLateDeskComplaint();
    expect(el.querySelector('.time-limit')?.textContent).toContain(
      'Within the 18-month time limit, which ends on 1 June 2025.',
    );
  });

  it('sends a compliment without complaint details, with the contact details given', async () => {
    await open();
    await (await select('channelId')).clickOptions({ text: 'Letter box at reception' });
    await (await radios('kind')).checkRadioButton({ label: 'Compliment' });
    await type('summary', 'Thank you to the nurses.');
    await type('name', 'Sam Patel');
    await type('email', 'sam@example.com');
    expect(el.textContent).not.toContain('KO41(b) coding');
    await submit();
    expect(sent()[0].input).toMatchObject({
      channelId: 'c-letter',
      kind: FeedbackKind.Compliment,
      sentiment: Sentiment.Positive,
      oral: false,
      coding: null,
      eventOn: null,
      awareOn: null,
      contact: { name: 'Sam Patel', email: 'sam@example.com', phone: null },
    });
  });

  it('checks the dates against each other and the contact details', async () => {
    await open();
    await fillLateDeskComplaint();
    await type('eventOn', '2025-03-05');
    await type('awareOn', '2023-01-01');
    await type('email', 'not an email');
    await type('phone', 'call me');
    await submit();
    expect(errors()).toEqual([
      'The date it happened cannot be after it was received.',
      'Nobody becomes aware of something before it happens.',
      'Enter an email address like name@example.com.',
      'Enter a phone number of digits and spaces, like 01625 123456.',
    ]);
    expect(sent()).toEqual([]);
  });

  it('puts an error from the API under the field it names, in words', async () => {
    client.answer(LogFeedbackDocument, () =>
      throwError(
        () =>
          new ApiError('BAD_USER_INPUT', 'eventOn is after the complaint was received.', 'eventOn'),
      ),
    );
    await open();
    await fillLateDeskComplaint();
    await submit();
    expect(errors()).toEqual(['The date it happened is after the complaint was received.']);
    expect(document.activeElement).toBe(field('eventOn'));

    client.answer(LogFeedbackDocument, () =>
      throwError(
        () =>
          new ApiError('BAD_USER_INPUT', 'contact.email must be an email address', 'contact.email'),
      ),
    );
    await type('eventOn', '2024-12-01');
    await submit();
    expect(errors()).toEqual(['The email address must be an email address']);
  });

  it('shows errors that belong to no field above the form', async () => {
    client.answer(LogFeedbackDocument, () =>
      throwError(() => new ApiError('NOT_FOUND', 'The channel was not found.')),
    );
    await open();
    await fillLateDeskComplaint();
    await submit();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('The channel was not found.');
    expect(TestBed.inject(Router).url).toBe('/feedback/new');
  });
});
