import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of } from 'rxjs';
import { FakeClient, settle } from '../../testing/fake-client';
import { demoIncident } from '../../testing/incident-fixtures';
import {
  CheckRemovalDocument,
  EscalationStepKind,
  IncidentDocument,
  IncidentPatientsDocument,
  RecordLadderStepDocument,
  RecordWarningDocument,
  RequestRemovalDocument,
} from '../generated/graphql';
import { INCIDENTS_ROUTES } from '../incidents.routes';

describe('IncidentPage', () => {
  let client: FakeClient;
  let harness: RouterTestingHarness;
  let el: HTMLElement;
  let loader: ReturnType<typeof TestbedHarnessEnvironment.loader>;

  async function open(signIn: 'manager' | 'staff', incident = demoIncident()) {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(IncidentDocument, () => of({ incident }));
    client.answer(IncidentPatientsDocument, () =>
      of({ incidentPatients: [{ id: 'patient-1', label: 'P-0001', incidentCount: 2 }] }),
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'incidents', children: INCIDENTS_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(`/incidents/${incident.id}`);
    el = harness.routeNativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await settle(harness.fixture);
  }

  const text = (selector: string) =>
    Array.from(el.querySelectorAll(selector)).map((e) =>
      e.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const fill = async (label: string, value: string) => {
    const field = Array.from(el.querySelectorAll('mat-form-field')).find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    const input = field?.querySelector('input, textarea') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(harness.fixture);
  };
  const press = async (name: string) => {
    const button = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes(name),
    ) as HTMLButtonElement;
    button.click();
    await settle(harness.fixture);
  };

  it('shows the ladder’s progress and the next suggested step', async () => {
    await open('manager');
    expect(el.querySelector('h1')?.textContent).toContain('X (Twitter) post seen 18 March 2030');
    expect(text('.ladder__step')).toEqual([
      'Invite to a face-to-face discussion Taken On 3 March 2030.',
      "Contact the group's administrators Not reached Suggested after one incident of severity Abusive or worse.",
      'Formal warning, with reasons Suggested now Its trigger is met: 2 incidents of severity Offensive or worse within 60 days.',
      'Request removal from the practice list Not reached Suggested after 3 incidents of severity Abusive or worse within 365 days.',
    ]);
    expect(text('.next')[0]).toContain('Formal warning, with reasons');
    expect(text('.history__step')[0]).toContain('Letter sent inviting the patient');
  });

  it('lets a manager record the suggested warning, with its reasons', async () => {
    await open('manager');
    client.answer(RecordWarningDocument, () => of({ recordWarning: { action: { id: 'a2' } } }));
    const step = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: '[formcontrolname="kind"]' }),
    );
    expect(await step.getCheckedValue()).toBe(EscalationStepKind.FormalWarning);

    await press('Record this step');
    expect(client.variablesOf(RecordWarningDocument)).toEqual([]); // reasons are required
    expect(el.textContent).toContain('Record the reasons the patient was given.');

    await fill('Reasons given to the patient', 'Abusive posts naming a receptionist.');
    await press('Record this step');
    expect(client.variablesOf(RecordWarningDocument)).toEqual([
      {
        input: expect.objectContaining({
          incidentId: 'incident-2',
          reasons: 'Abusive posts naming a receptionist.',
        }),
      },
    ]);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'The formal warning is recorded.',
    );
    expect(client.variablesOf(IncidentDocument)).toHaveLength(2); // read again
  });

  it('leaves warnings to managers and lets staff record the first steps', async () => {
    await open('staff');
    expect(text('.next')[0]).toContain('A practice manager records warnings and removal requests.');
    const step = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: '[formcontrolname="kind"]' }),
    );
    const labels = await Promise.all((await step.getRadioButtons()).map((r) => r.getLabelText()));
    expect(labels).toEqual([
      'Invite to a face-to-face discussion',
      "Contact the group's administrators",
    ]);

    client.answer(RecordLadderStepDocument, () =>
      of({ recordLadderStep: { action: { id: 'a3' } } }),
    );
    await step.checkRadioButton({ label: "Contact the group's administrators" });
    await settle(harness.fixture);
    await press('Record this step');
    expect(client.variablesOf(RecordLadderStepDocument)).toEqual([
      { input: expect.objectContaining({ kind: EscalationStepKind.ContactGroupAdmins }) },
    ]);
  });

  it('checks a removal request as it is filled in, then records it', async () => {
    await open('manager');
    client.answer(CheckRemovalDocument, () =>
      of({
        checkRemoval: {
          allowed: false,
          refusal: 'A removal needs a warning, with reasons, given in the preceding 12 months.',
          field: 'requestedOn',
          effectiveOn: null,
          writtenConfirmationDueOn: null,
          warningGivenOn: null,
          earliestValidWarningDate: '2029-03-20',
        },
      }),
    );
    const step = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: '[formcontrolname="kind"]' }),
    );
    await step.checkRadioButton({ label: 'Request removal from the practice list' });
    await settle(harness.fixture);
    await new Promise((resolve) => setTimeout(resolve, 350)); // the check waits for typing to pause
    await settle(harness.fixture);
    expect(el.querySelector('.removal-check')?.textContent).toContain('A removal needs a warning');

    client.answer(RequestRemovalDocument, () =>
      of({
        requestRemoval: {
          action: { id: 'a4', effectiveOn: null, writtenConfirmationDueOn: '2030-03-27' },
        },
      }),
    );
    const immediate = await loader.getHarness(
      MatCheckboxHarness.with({ label: /Immediate removal/ }),
    );
    await immediate.check();
    await settle(harness.fixture);
    await fill('Police incident reference', 'CH-2030-0042');
    await fill('Reasons for the removal', 'Threatened the receptionist at the desk.');
    await (await loader.getHarness(MatCheckboxHarness.with({ label: /not a response/ }))).check();
    await press('Record the removal request');
    expect(client.variablesOf(RequestRemovalDocument)).toEqual([
      {
        input: expect.objectContaining({
          immediate: true,
          policeIncidentReference: 'CH-2030-0042',
          notBecauseOfComplaint: true,
          noWarningBecause: null,
        }),
      },
    ]);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'The removal request is recorded. Confirm it in writing by 27 March 2030.',
    );
  });
});
