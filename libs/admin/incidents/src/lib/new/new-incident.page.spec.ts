import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of } from 'rxjs';
import { FakeClient, settle } from '../../testing/fake-client';
import {
  AddIncidentPatientDocument,
  IncidentFormOptionsDocument,
  IncidentPlatform,
  IncidentSeverity,
  LogIncidentDocument,
} from '../generated/graphql';
import { INCIDENTS_ROUTES } from '../incidents.routes';

const LEVELS = [
  [IncidentSeverity.Low, 'Low', 'Critical but civil.'],
  [IncidentSeverity.Offensive, 'Offensive', 'Offensive or insulting language.'],
  [IncidentSeverity.Abusive, 'Abusive', 'Abusive, or names staff.'],
  [IncidentSeverity.Threatening, 'Threatening', 'Threats of harm.'],
].map(([severity, label, description]) => ({ severity, label, description }));

describe('NewIncidentPage', () => {
  let client: FakeClient;
  let harness: RouterTestingHarness;
  let el: HTMLElement;
  let loader: ReturnType<typeof TestbedHarnessEnvironment.loader>;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(IncidentFormOptionsDocument, () =>
      of({
        incidentSeverityLevels: LEVELS,
        incidentPatients: [{ id: 'patient-1', label: 'P-0001', incidentCount: 2 }],
      }),
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
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.staff());
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/incidents/new');
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    el = harness.routeNativeElement as HTMLElement;
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await settle(harness.fixture);
  });

  const fill = async (label: string, value: string) => {
    const field = Array.from(el.querySelectorAll('mat-form-field')).find((f) =>
      f.querySelector('mat-label')?.textContent?.includes(label),
    );
    const input = field?.querySelector('input, textarea') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle(harness.fixture);
  };
  const select = async (name: string, option: string) => {
    const control = await loader.getHarness(
      MatSelectHarness.with({ selector: `[formcontrolname="${name}"]` }),
    );
    await control.open();
    await control.clickOptions({ text: option });
    await settle(harness.fixture);
  };
  const submit = async () => {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness.fixture);
  };

  it('offers the severity levels with their descriptions', async () => {
    const severity = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: '[formcontrolname="severity"]' }),
    );
    const labels = await Promise.all(
      (await severity.getRadioButtons()).map((r) => r.getLabelText()),
    );
    expect(labels[1]).toContain('Offensive');
    expect(labels[1]).toContain('Offensive or insulting language.');
  });

  it('says what is missing instead of logging', async () => {
    await submit();
    expect(client.variablesOf(LogIncidentDocument)).toEqual([]);
    expect(el.textContent).toContain('Choose where it was posted.');
    expect(el.textContent).toContain('Choose how serious the post is.');
  });

  it('refuses a patient reference that looks like an NHS number', async () => {
    await select('patientId', 'A new reference…');
    await fill('New patient reference', '943 476 5919');
    await submit();
    expect(client.variablesOf(AddIncidentPatientDocument)).toEqual([]);
    expect(el.textContent).toContain('That looks like an NHS number');
  });

  it('logs the incident against a new patient reference and opens it', async () => {
    client.answer(AddIncidentPatientDocument, () =>
      of({ addIncidentPatient: { id: 'patient-9', label: 'P-0042', incidentCount: 0 } }),
    );
    client.answer(LogIncidentDocument, () => of({ logIncident: { id: 'incident-9' } }));
    await select('platform', 'Facebook');
    await fill('Link to the post', 'https://www.facebook.com/groups/x/posts/1');
    await fill('Reported by', 'Receptionist');
    await fill('What it says', 'Calls the reception team useless.');
    const severity = await loader.getHarness(
      MatRadioGroupHarness.with({ selector: '[formcontrolname="severity"]' }),
    );
    await severity.checkRadioButton({ label: /^Offensive/ });
    await select('patientId', 'A new reference…');
    await fill('New patient reference', 'P-0042');
    await submit();

    expect(client.variablesOf(AddIncidentPatientDocument)).toEqual([
      { input: { label: 'P-0042' } },
    ]);
    expect(client.variablesOf(LogIncidentDocument)).toEqual([
      {
        input: expect.objectContaining({
          platform: IncidentPlatform.Facebook,
          severity: IncidentSeverity.Offensive,
          patientId: 'patient-9',
          staffNamed: false,
          summary: 'Calls the reception team useless.',
        }),
      },
    ]);
    expect(navigate).toHaveBeenCalledWith(['/incidents', 'incident-9'], {
      state: { logged: true },
    });
  });
});
