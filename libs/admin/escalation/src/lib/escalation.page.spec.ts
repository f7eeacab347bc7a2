import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { of, throwError } from 'rxjs';
import { wilmslowSettings } from '../testing/settings-fixtures';
import { EscalationPage } from './escalation.page';
import { EscalationSettingsDocument, EscalationSettingsHistoryDocument } from './generated/graphql';

describe('EscalationPage', () => {
  async function render(signIn: 'manager' | 'staff', settings = wilmslowSettings()) {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: GraphqlClient,
          useValue: {
            request: (document: DocumentNode) => {
              if (document === EscalationSettingsDocument)
                return of({ escalationSettings: settings });
              if (document === EscalationSettingsHistoryDocument)
                return of({ escalationSettingsHistory: settings.isDefault ? [] : [settings] });
              return throwError(() => new Error('unexpected operation'));
            },
          },
        },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    const fixture = TestBed.createComponent(EscalationPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the ladder as numbered steps, each with its trigger', async () => {
    const el = await render('staff');
    const steps = Array.from(el.querySelectorAll('ol.ladder')[0].querySelectorAll('li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(steps).toEqual([
      'Invite to a face-to-face discussion Suggested after: One incident of severity Offensive or worse',
      "Contact the group's administrators Suggested after: One incident of severity Abusive or worse",
      'Formal warning, with reasons Suggested after: 2 incidents of severity Offensive or worse within 60 days',
      'Request removal from the practice list Suggested after: 3 incidents of severity Abusive or worse within 365 days',
    ]);
    const headings = Array.from(el.querySelectorAll('[role="heading"][aria-level="2"]')).map((h) =>
      h.textContent?.trim(),
    );
    expect(headings).toEqual([
      'The ladder for offensive posts',
      'Removal from the practice list',
      'Complaint clocks',
      'Volume alert',
    ]);
    expect(el.textContent).toContain(
      'Acknowledge a complaint within 2 working days of receiving it (the regulations allow at most 3).',
    );
    expect(el.textContent).toContain('Version 1, saved 1 March 2030');
    expect(el.textContent).toContain('by Wendy Manager.');
    expect(el.textContent).toContain('A practice manager changes these settings.');
    expect(el.querySelector('a[href="/edit"]')).toBeNull();
  });

  it('offers managers the editor and lists the saved versions', async () => {
    const el = await render('manager');
    expect(el.querySelector('a[href="/edit"]')?.textContent).toContain('Change the settings');
    const history = el.querySelectorAll('.history__version');
    expect(history).toHaveLength(1);
    expect(history[0].textContent).toContain('Agreed at the practice meeting.');
  });

  it('says when the practice still runs on the defaults', async () => {
    const el = await render(
      'manager',
      wilmslowSettings({ isDefault: true, version: 0, savedAt: null, savedBy: null }),
    );
    expect(el.textContent).toContain("These are Parley's starting settings");
    expect(el.textContent).toContain('No version has been saved yet.');
  });
});
