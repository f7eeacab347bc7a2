import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { type LiveAlertFieldsFragment, LiveAlerts } from '@parley/admin/shell';
import type { DocumentNode } from 'graphql';
import { type Observable, of, Subject, throwError } from 'rxjs';
import { AlertsPage } from './alerts.page';
import {
  AcknowledgeAlertDocument,
  type AlertFieldsFragment,
  AlertKind,
  AlertsDocument,
  AlertStatus,
  AlertSubjectType,
} from './generated/graphql';

const OVERDUE: AlertFieldsFragment = {
  id: 'a1',
  kind: AlertKind.AcknowledgementOverdue,
  subject: 'Complaint 3F2A9C1B was not acknowledged by 7 March.',
  subjectType: AlertSubjectType.Feedback,
  subjectId: 'f1',
  due: '2030-03-07',
  raisedAt: '2030-03-08T07:00:00.000Z',
  acknowledgedAt: null,
  acknowledgedBy: null,
};

const RAISED = {
  id: 'a2',
  kind: 'ladder_step_suggested',
  subject: 'Patient P-0042: Formal warning, with reasons is suggested.',
  subjectType: 'patient',
  subjectId: 'p1',
  due: null,
  raisedAt: '2030-03-09T09:30:00.000Z',
} as unknown as LiveAlertFieldsFragment;

describe('AlertsPage', () => {
  let calls: { document: DocumentNode; variables: unknown }[];
  let raised: Subject<LiveAlertFieldsFragment>;
  let refreshCount: jest.Mock;
  let acknowledge: (variables: { id: string }) => Observable<unknown>;

  async function render(signIn: 'manager' | 'staff') {
    sessionStorage.clear();
    calls = [];
    raised = new Subject();
    refreshCount = jest.fn();
    acknowledge = ({ id }) =>
      of({
        acknowledgeAlert: {
          ...OVERDUE,
          id,
          acknowledgedAt: '2030-03-09T10:00:00Z',
          acknowledgedBy: 'Jo',
        },
      });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: GraphqlClient,
          useValue: {
            request: (document: DocumentNode, variables: never) => {
              calls.push({ document, variables });
              if (document === AlertsDocument) return of({ alerts: [OVERDUE] });
              if (document === AcknowledgeAlertDocument) return acknowledge(variables);
              return throwError(() => new Error('unexpected operation'));
            },
          },
        },
        {
          provide: LiveAlerts,
          useValue: {
            live: signal(true),
            raised$: raised,
            resynced$: new Subject<void>(),
            refreshCount,
          },
        },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    const fixture = TestBed.createComponent(AlertsPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    return {
      fixture,
      el,
      items: () => Array.from(el.querySelectorAll('li.alert')).map((li) => li.textContent ?? ''),
      buttons: () =>
        Array.from(el.querySelectorAll<HTMLButtonElement>('li.alert button')).filter((b) =>
          b.textContent?.includes('Acknowledge'),
        ),
    };
  }

  it('lists the open alerts with a link to what each is about', async () => {
    const view = await render('manager');
    expect(calls[0].variables).toEqual({ status: AlertStatus.Open, limit: 100 });
    expect(view.el.querySelector('h1')?.textContent).toContain('Alerts');
    expect(view.items()).toHaveLength(1);
    expect(view.items()[0]).toContain('Acknowledgement overdue');
    expect(view.items()[0]).toContain(OVERDUE.subject);
    const link = view.el.querySelector<HTMLAnchorElement>('li.alert a');
    expect(link?.getAttribute('href')).toBe('/feedback/f1');
    expect(link?.textContent?.trim()).toBe('Open the complaint');
  });

  it('shows an alert as it is raised, marked as new', async () => {
    const view = await render('staff');
    raised.next(RAISED);
    await view.fixture.whenStable();
    expect(view.items()).toHaveLength(2);
    expect(view.items()[0]).toContain('Escalation step suggested');
    expect(view.items()[0]).toContain('New');
    expect(view.el.querySelector('li.alert a')?.getAttribute('href')).toBe('/incidents?patient=p1');
  });

  it('lets a manager acknowledge an alert, and updates the count', async () => {
    const view = await render('manager');
    view.buttons()[0].click();
    await view.fixture.whenStable();
    expect(calls.at(-1)).toMatchObject({
      document: AcknowledgeAlertDocument,
      variables: { id: 'a1' },
    });
    expect(view.items()).toHaveLength(0);
    expect(view.el.querySelector('li.empty')?.textContent).toContain('No open alerts.');
    expect(view.el.querySelector('[role="status"]')?.textContent).toContain('Acknowledged');
    expect(refreshCount).toHaveBeenCalled();
  });

  it('says why an acknowledgement failed', async () => {
    const view = await render('manager');
    acknowledge = () => throwError(() => new Error('boom'));
    view.buttons()[0].click();
    await view.fixture.whenStable();
    expect(view.el.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong');
    expect(view.items()).toHaveLength(1);
  });

  it('leaves acknowledging to managers', async () => {
    const view = await render('staff');
    expect(view.buttons()).toHaveLength(0);
    expect(view.el.textContent).toContain('A practice manager acknowledges alerts');
  });
});
