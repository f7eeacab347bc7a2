import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { londonDateOf } from '@parley/shared/domain';
import { of, throwError } from 'rxjs';
import {
  FftMonthlyCountsDocument,
  FftRating,
  RecordFftResponseDocument,
} from '../generated/graphql';
import { FakeClient, settle } from '../../testing/fake-client';
import { FEEDBACK_ROUTES } from '../feedback.routes';
import { monthRange } from './fft.page';

const TODAY = londonDateOf(new Date());
const month = (
  m: string,
  counts: Partial<
    Record<'veryGood' | 'good' | 'neither' | 'poor' | 'veryPoor' | 'dontKnow', number>
  > = {},
) => {
  const row = { veryGood: 0, good: 0, neither: 0, poor: 0, veryPoor: 0, dontKnow: 0, ...counts };
  return { month: m, ...row, total: Object.values(row).reduce((a, b) => a + b, 0) };
};

describe('monthRange', () => {
  it.each([
    ['2030-03-15', 12, { from: '2029-04', to: '2030-03' }],
    ['2030-12-01', 12, { from: '2030-01', to: '2030-12' }],
    ['2030-01-31', 1, { from: '2030-01', to: '2030-01' }],
  ])('from %s, %i months: %j', (today, count, expected) => {
    expect(monthRange(today as `${number}-${number}-${number}`, count)).toEqual(expected);
  });
});

describe('FftPage', () => {
  let harness: RouterTestingHarness;
  let client: FakeClient;
  let el: HTMLElement;

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
    await harness.navigateByUrl('/feedback/fft');
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }
  const rows = () =>
    Array.from(el.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim()),
    );
  const submit = async () => {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness.fixture);
  };

  beforeEach(() => {
    client = new FakeClient();
    client.answer(FftMonthlyCountsDocument, () =>
      of({
        fftMonthlyCounts: [
          month('2030-02', { veryGood: 3, poor: 1 }),
          month('2030-03', { good: 2, dontKnow: 1 }),
        ],
      }),
    );
    client.answer(RecordFftResponseDocument, () =>
      of({ recordFftResponse: { id: 'r-1', rating: FftRating.Good, respondedOn: TODAY } }),
    );
  });

  it('asks the question word for word, with the six answers in order', async () => {
    await open();
    expect(el.querySelector('legend')?.textContent?.trim()).toBe(
      'Overall, how was your experience of our service?',
    );
    expect(
      Array.from(el.querySelectorAll('mat-radio-button')).map((r) => r.textContent?.trim()),
    ).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', "Don't know"]);
  });

  it('shows the counts per month, newest first, for the last twelve months', async () => {
    await open();
    expect(client.variablesOf(FftMonthlyCountsDocument)).toEqual([monthRange(TODAY, 12)]);
    expect(
      Array.from(el.querySelectorAll('th[mat-header-cell]')).map((th) => th.textContent?.trim()),
    ).toEqual([
      'Month',
      'Very good',
      'Good',
      'Neither good nor poor',
      'Poor',
      'Very poor',
      "Don't know",
      'Total',
    ]);
    expect(rows()).toEqual([
      ['March 2030', '0', '2', '0', '0', '0', '1', '3'],
      ['February 2030', '3', '0', '0', '1', '0', '0', '4'],
    ]);
  });

  it('needs an answer, then records it with the comment and counts again', async () => {
    await open();
    await submit();
    expect(el.querySelector('.field-error')?.textContent).toContain('Choose the answer they gave.');
    expect(client.variablesOf(RecordFftResponseDocument)).toEqual([]);

    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Good' });
    const comment = el.querySelector('textarea') as HTMLTextAreaElement;
    comment.value = ' Friendly reception. ';
    comment.dispatchEvent(new Event('input'));
    await submit();
    expect(client.variablesOf(RecordFftResponseDocument)).toEqual([
      { input: { rating: FftRating.Good, comment: 'Friendly reception.', respondedOn: TODAY } },
    ]);
    expect(el.querySelector('p[role="status"]')?.textContent).toContain('Response recorded: Good.');
    expect(client.variablesOf(FftMonthlyCountsDocument)).toHaveLength(2);
    expect(comment.value).toBe('');
    expect(el.querySelector('.field-error')).toBeNull();
  });

  it('shows why an answer was refused', async () => {
    client.answer(RecordFftResponseDocument, () =>
      throwError(
        () => new ApiError('BAD_USER_INPUT', 'respondedOn is in the future.', 'respondedOn'),
      ),
    );
    await open();
    await (
      await TestbedHarnessEnvironment.loader(harness.fixture).getHarness(MatRadioGroupHarness)
    ).checkRadioButton({
      label: 'Poor',
    });
    await submit();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'respondedOn is in the future.',
    );
  });
});
