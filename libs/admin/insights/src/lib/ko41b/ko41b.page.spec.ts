import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { financialYearOf, londonDateOf } from '@parley/shared/domain';
import { of } from 'rxjs';
import { FakeClient, settle } from '../../testing/fake-client';
import { CHESHIRE, count, ICBS, MARK } from '../../testing/fixtures';
import {
  InsightsIcbsDocument,
  Ko41bReturnDocument,
  type Ko41bReturnQuery,
  type Ko41bReturnQueryVariables,
} from '../generated/graphql';
import { INSIGHTS_ROUTES } from '../insights.routes';

function ko41b(variables: Ko41bReturnQueryVariables): Ko41bReturnQuery {
  const practice = CHESHIRE.practices.find((p) => p.id === variables.practiceId) ?? null;
  const line = (key: string, value: number | null) => ({ key, label: key, count: count(value) });
  return {
    ko41bReturn: {
      icb: { id: CHESHIRE.id, name: CHESHIRE.name },
      practice,
      financialYear: variables.financialYear,
      broughtForward: count(0),
      new: count(null),
      upheld: count(null),
      partiallyUpheld: count(0),
      notUpheld: count(0),
      resolved: count(null),
      carriedForward: count(7),
      byAge: [line('Not recorded', 0)],
      byComplainantStatus: [line('Patient', null)],
      bySubjectArea: [line('Prescribing', 9)],
      byStaffGroup: [line('GP', null)],
      checks: [
        { check: 'carried_forward', passed: true, description: 'Carried forward adds up.' },
        { check: 'age_sum', passed: false, description: 'The ages add up to the new complaints.' },
      ],
      checksPassed: false,
      suppressionNote: `${MARK}: not shown, to protect privacy.`,
    },
  };
}

describe('Ko41bPage', () => {
  let client: FakeClient;
  let el: HTMLElement;

  async function open(url: string): Promise<void> {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'insights', children: INSIGHTS_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.auditor());
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }
  const rows = (name: string) =>
    Array.from(el.querySelectorAll(`table[aria-labelledby="${name}"] tbody tr`)).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((c) =>
        c.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );

  beforeEach(() => {
    client = new FakeClient();
    client.answer(InsightsIcbsDocument, () => of({ insightsIcbs: ICBS }));
    client.answer(Ko41bReturnDocument, (v: Ko41bReturnQueryVariables) => of(ko41b(v)));
  });

  it('shows one practice’s return for the year in the address, hidden figures marked', async () => {
    await open('/insights/ko41b?practice=p-wilmslow&year=2025-26');
    expect(client.variablesOf(Ko41bReturnDocument)).toEqual([
      { icbId: 'icb-cheshire', financialYear: '2025-26', practiceId: 'p-wilmslow' },
    ]);
    expect(el.querySelector('#ko41b-totals')?.textContent?.trim()).toBe(
      'Wilmslow Health Centre, 2025-26',
    );
    expect(rows('ko41b-totals').slice(0, 2)).toEqual([
      ['Brought forward from the previous year', '0'],
      ['New complaints received', `${MARK}not shown`], // the marker, then what is spoken
    ]);
    expect(rows('ko41b-subject')).toEqual([['Prescribing', '9']]);
    const checks = Array.from(el.querySelectorAll('.checks li')).map((li) =>
      li.textContent?.trim(),
    );
    expect(checks).toEqual([
      'Passes: Carried forward adds up.',
      'Fails: The ages add up to the new complaints.',
    ]);
  });

  it('a practice that is not the ICB’s, or no practice, means the whole ICB this financial year', async () => {
    await open('/insights/ko41b?practice=p-elsewhere&year=1999-00');
    expect(client.variablesOf(Ko41bReturnDocument)).toEqual([
      {
        icbId: 'icb-cheshire',
        financialYear: financialYearOf(londonDateOf(new Date())),
        practiceId: null,
      },
    ]);
    expect(el.querySelector('#ko41b-totals')?.textContent).toContain(
      'NHS Cheshire and Merseyside ICB',
    );
    const [, returnOf] = Array.from(el.querySelectorAll('mat-select'));
    expect(returnOf?.textContent?.trim()).toBe('The whole ICB');
  });
});
