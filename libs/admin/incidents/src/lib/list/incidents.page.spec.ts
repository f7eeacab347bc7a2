import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of } from 'rxjs';
import { FakeClient, settle } from '../../testing/fake-client';
import { demoIncident } from '../../testing/incident-fixtures';
import { IncidentPatientsDocument, IncidentsDocument } from '../generated/graphql';
import { INCIDENTS_ROUTES } from '../incidents.routes';

describe('IncidentsPage', () => {
  let client: FakeClient;
  let el: HTMLElement;

  async function open(url: string) {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(IncidentsDocument, () => of({ incidents: [demoIncident()] }));
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
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.staff());
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }

  it('lists incidents with the step each calls for next', async () => {
    await open('/incidents');
    expect(client.variablesOf(IncidentsDocument)).toEqual([
      { minSeverity: null, patientId: null, limit: 50 },
    ]);
    const row = el.querySelector('tr.mat-mdc-row')?.textContent?.replace(/\s+/g, ' ');
    expect(row).toContain('X (Twitter)');
    expect(row).toContain('Abusive');
    expect(row).toContain('(names staff)');
    expect(row).toContain('P-0001');
    expect(row).toContain('Formal warning, with reasons');
    expect(el.querySelector('a[href="/incidents/new"]')?.textContent).toContain('Log an incident');
  });

  it('shows one patient’s incidents when linked from an alert', async () => {
    await open('/incidents?patient=patient-1&severity=offensive');
    expect(client.variablesOf(IncidentsDocument)).toEqual([
      { minSeverity: 'offensive', patientId: 'patient-1', limit: 50 },
    ]);
    expect(el.querySelector('#incident-list')?.textContent).toContain(
      'Incidents linked to patient P-0001',
    );
  });
});
