import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import { wilmslowSettings } from '../../testing/settings-fixtures';
import {
  EscalationSettingsDocument,
  EscalationStepKind,
  SaveEscalationSettingsDocument,
  type SaveEscalationSettingsMutationVariables,
} from '../generated/graphql';
import { EditSettingsPage } from './edit-settings.page';

const ACK_REFUSAL =
  'The Complaints Regulations require acknowledgement by the 3rd working day after receipt. ' +
  'A practice may acknowledge sooner, not later.';

describe('EditSettingsPage', () => {
  let saves: SaveEscalationSettingsMutationVariables[];
  let answerSave: () => Observable<unknown>;

  async function render() {
    sessionStorage.clear();
    saves = [];
    answerSave = () => of({ saveEscalationSettings: { version: 2 } });
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        {
          provide: GraphqlClient,
          useValue: {
            request: (
              document: DocumentNode,
              variables: SaveEscalationSettingsMutationVariables,
            ) => {
              if (document === EscalationSettingsDocument)
                return of({ escalationSettings: wilmslowSettings() });
              if (document === SaveEscalationSettingsDocument) {
                saves.push(variables);
                return answerSave();
              }
              return throwError(() => new Error('unexpected operation'));
            },
          },
        },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS.manager());
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(EditSettingsPage);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const input = (label: string) => {
      const field = Array.from(el.querySelectorAll('mat-form-field')).find((f) =>
        f.querySelector('mat-label')?.textContent?.includes(label),
      );
      return field?.querySelector('input, textarea') as HTMLInputElement;
    };
    const type = async (label: string, value: string) => {
      const target = input(label);
      target.value = value;
      target.dispatchEvent(new Event('input'));
      await fixture.whenStable();
    };
    const submit = async () => {
      (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
      await fixture.whenStable();
      await new Promise((resolve) => setTimeout(resolve));
      await fixture.whenStable();
    };
    return { fixture, el, input, type, submit, navigate };
  }

  it('starts from the settings in force, each step reading as a sentence', async () => {
    const view = await render();
    expect(view.input('Acknowledge within').value).toBe('2');
    const legends = Array.from(view.el.querySelectorAll('fieldset.step legend')).map((l) =>
      l.textContent?.trim(),
    );
    expect(legends).toEqual([
      '1. Invite to a face-to-face discussion',
      "2. Contact the group's administrators",
      '3. Formal warning, with reasons',
      '4. Request removal from the practice list',
    ]);
    expect(view.el.textContent).toContain(
      'Suggested after: 2 incidents of severity Offensive or worse within 60 days',
    );
    expect(view.el.querySelector('button[type="submit"]')?.textContent).toContain(
      'Save as version 2',
    );
  });

  it('refuses an acknowledgement clock looser than the law, without sending it', async () => {
    const view = await render();
    await view.type('Acknowledge within', '5');
    await view.submit();
    expect(saves).toEqual([]);
    expect(view.el.querySelector('parley-form-alert [role="alert"]')?.textContent?.trim()).toBe(
      ACK_REFUSAL,
    );
    expect(view.el.querySelector('mat-error')?.textContent?.trim()).toBe(ACK_REFUSAL);
  });

  it('saves the whole settings as a new version and goes back to the summary', async () => {
    const view = await render();
    await view.type('Acknowledge within', '3');
    await view.type('Why the change', 'Back to the regulations.');
    await view.submit();
    expect(saves).toHaveLength(1);
    expect(saves[0].input).toMatchObject({
      basedOnVersion: 1,
      note: 'Back to the regulations.',
      clocks: { ackWorkingDays: 3 },
    });
    expect(saves[0].input.ladder.map((s) => s.kind)).toEqual([
      EscalationStepKind.InviteDiscussion,
      EscalationStepKind.ContactGroupAdmins,
      EscalationStepKind.FormalWarning,
      EscalationStepKind.RemovalRequest,
    ]);
    expect(view.navigate).toHaveBeenCalledWith(['/escalation'], { state: { saved: 2 } });
  });

  it('shows the API’s refusal on the field it names', async () => {
    const view = await render();
    answerSave = () =>
      throwError(
        () =>
          new ApiError(
            'BAD_USER_INPUT',
            'Window (days) must be between 1 and 365.',
            'ladder[2].trigger.withinDays',
          ),
      );
    await view.submit();
    expect(view.el.querySelector('parley-form-alert [role="alert"]')?.textContent?.trim()).toBe(
      'Window (days) must be between 1 and 365.',
    );
    const warning = view.el.querySelectorAll('fieldset.step')[2];
    expect(warning.querySelector('mat-error')?.textContent).toContain('between 1 and 365');
  });
});
