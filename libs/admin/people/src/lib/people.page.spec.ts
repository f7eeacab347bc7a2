import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import {
  ApiError,
  ApiRole,
  FIXTURE_PLACES,
  FIXTURE_SIGN_INS,
  GraphqlClient,
  SessionStore,
} from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import {
  InvitationsDocument,
  InviteDocument,
  PeopleDocument,
  RemovePersonDocument,
  RevokeInvitationDocument,
} from './generated/graphql';
import { PeoplePage } from './people.page';

const PEOPLE = [
  {
    userId: 'user-1',
    name: 'Jo Bloggs',
    email: 'jo@wilmslow.demo',
    role: ApiRole.PracticeManager,
    since: '2024-03-05T10:00:00Z',
  },
  {
    userId: 'user-2',
    name: 'Amir Khan',
    email: 'amir@wilmslow.demo',
    role: ApiRole.PracticeStaff,
    since: '2024-06-01T10:00:00Z',
  },
];
const INVITATION = {
  id: 'inv-1',
  email: 'sam@wilmslow.demo',
  name: 'Sam Patel',
  role: ApiRole.PracticeStaff,
  expiresAt: '2030-01-08T10:00:00Z',
  acceptedAt: null,
  createdAt: '2030-01-01T10:00:00Z',
};

/** A GraphqlClient stand-in answering per operation, recording every call. */
class FakeClient {
  readonly calls: { document: DocumentNode; variables: unknown }[] = [];
  readonly answers = new Map<DocumentNode, (variables: never) => Observable<unknown>>();
  answer<V>(document: DocumentNode, respond: (variables: V) => Observable<unknown>) {
    this.answers.set(document, respond as (variables: never) => Observable<unknown>);
  }
  request(document: DocumentNode, variables: unknown) {
    this.calls.push({ document, variables });
    const respond = this.answers.get(document);
    return respond
      ? respond(variables as never)
      : throwError(() => new Error('unexpected operation'));
  }
  callsOf(document: DocumentNode) {
    return this.calls.filter((c) => c.document === document);
  }
}

describe('PeoplePage', () => {
  let fixture: ComponentFixture<PeoplePage>;
  let el: HTMLElement;
  let client: FakeClient;

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  const rows = () =>
    Array.from(el.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td'))
        .map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim())
        .filter(Boolean)
        .join(' | '),
    );
  const buttonsNamed = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).filter(
      (b) => (b.getAttribute('aria-label') ?? b.textContent)?.trim() === name,
    );
  const dialogButtons = () =>
    Array.from(document.querySelectorAll<HTMLButtonElement>('.cdk-overlay-container button'));
  const field = (name: string) =>
    el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
  async function type(name: string, value: string) {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input'));
    field(name).dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function render(signIn: keyof typeof FIXTURE_SIGN_INS) {
    sessionStorage.clear();
    client = new FakeClient();
    client.answer(PeopleDocument, () => of({ people: PEOPLE }));
    client.answer(InvitationsDocument, () => of({ invitations: [INVITATION] }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    fixture = TestBed.createComponent(PeoplePage);
    el = fixture.nativeElement;
    await settle();
  }

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  describe('for practice staff', () => {
    beforeEach(() => render('staff'));

    it('lists the people read-only', () => {
      expect(rows()).toEqual([
        'Amir Khan | amir@wilmslow.demo | Practice staff | 1 Jun 2024',
        'Jo Bloggs (you) | jo@wilmslow.demo | Practice manager | 5 Mar 2024',
      ]);
      expect(el.querySelectorAll('th')).toHaveLength(4);
      expect(buttonsNamed('Remove Jo Bloggs')).toHaveLength(0);
      expect(el.querySelector('parley-invite-form')).toBeNull();
      expect(el.textContent).toContain('Only practice managers can invite or remove people.');
      expect(client.callsOf(InvitationsDocument)).toHaveLength(0);
    });
  });

  describe('for a practice manager', () => {
    beforeEach(() => render('manager'));

    it('lists people with remove buttons (not for themselves) and pending invitations', () => {
      expect(rows()).toHaveLength(2);
      expect(buttonsNamed('Remove Amir Khan')).toHaveLength(1);
      expect(buttonsNamed('Remove Jo Bloggs')).toHaveLength(0);
      expect(el.textContent).toContain('Sam Patel');
      expect(el.querySelector('parley-invite-form')).not.toBeNull();
    });

    it('removes a person only after confirming', async () => {
      client.answer(RemovePersonDocument, () => of({ removePerson: true }));

      buttonsNamed('Remove Amir Khan')[0].click();
      await settle();
      expect(document.querySelector('[role="alertdialog"]')?.textContent).toContain(
        'Remove Amir Khan?',
      );
      dialogButtons()
        .find((b) => b.textContent?.trim() === 'Cancel')
        ?.click();
      await settle();
      expect(client.callsOf(RemovePersonDocument)).toHaveLength(0);
      expect(rows()).toHaveLength(2);

      buttonsNamed('Remove Amir Khan')[0].click();
      await settle();
      dialogButtons()
        .find((b) => b.textContent?.trim() === 'Remove Amir Khan')
        ?.click();
      await settle();
      expect(client.callsOf(RemovePersonDocument).map((c) => c.variables)).toEqual([
        { userId: 'user-2' },
      ]);
      expect(rows()).toEqual([
        'Jo Bloggs (you) | jo@wilmslow.demo | Practice manager | 5 Mar 2024',
      ]);
      expect(el.querySelector('p[role="status"]')?.textContent).toContain(
        'Amir Khan has been removed from Wilmslow Health Centre.',
      );
    });

    it('shows why a removal was refused', async () => {
      client.answer(RemovePersonDocument, () =>
        throwError(
          () =>
            new ApiError(
              'CONFLICT',
              'The practice needs at least one manager: invite another manager first.',
              'userId',
            ),
        ),
      );
      buttonsNamed('Remove Amir Khan')[0].click();
      await settle();
      dialogButtons()
        .find((b) => b.textContent?.trim() === 'Remove Amir Khan')
        ?.click();
      await settle();
      expect(el.querySelector('[role="alert"]')?.textContent).toContain('at least one manager');
      expect(rows()).toHaveLength(2);
    });

    it('cancels a pending invitation after confirming', async () => {
      client.answer(RevokeInvitationDocument, () => of({ revokeInvitation: true }));
      buttonsNamed('Cancel invitation for Sam Patel')[0].click();
      await settle();
      dialogButtons()
        .find((b) => b.textContent?.trim() === 'Cancel invitation')
        ?.click();
      await settle();
      expect(client.callsOf(RevokeInvitationDocument).map((c) => c.variables)).toEqual([
        { id: 'inv-1' },
      ]);
      expect(el.textContent).toContain('No invitations are waiting to be accepted.');
    });

    it('validates the invitation form before sending', async () => {
      (el.querySelector('parley-invite-form button[type="submit"]') as HTMLButtonElement).click();
      await settle();
      const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
      expect(errors).toEqual(["Enter the person's name.", 'Enter their email address.']);
      expect(client.callsOf(InviteDocument)).toHaveLength(0);
    });

    it('invites a manager and shows the link to pass on when it was not emailed', async () => {
      client.answer(InviteDocument, () =>
        of({
          invite: {
            emailed: false,
            acceptUrl: 'http://localhost:3000/invitations/tok_abc',
            invitation: {
              ...INVITATION,
              id: 'inv-2',
              name: 'Ola Nowak',
              email: 'ola@wilmslow.demo',
              role: ApiRole.PracticeManager,
            },
          },
        }),
      );
      await type('name', 'Ola Nowak');
      await type('email', 'ola@wilmslow.demo');
      (el.querySelector('mat-radio-button:nth-of-type(2) input') as HTMLInputElement).click();
      await fixture.whenStable();
      (el.querySelector('parley-invite-form button[type="submit"]') as HTMLButtonElement).click();
      await settle();

      expect(client.callsOf(InviteDocument).map((c) => c.variables)).toEqual([
        { input: { name: 'Ola Nowak', email: 'ola@wilmslow.demo', role: ApiRole.PracticeManager } },
      ]);
      const link = el.querySelector('parley-copy-field input') as HTMLInputElement;
      expect(link.value).toBe('http://localhost:3000/invitations/tok_abc');
      expect(el.querySelector('parley-invite-form [role="status"]')?.textContent).toContain(
        'send them this link yourself',
      );
      expect(el.textContent).toContain('Ola Nowak');
      expect(field('name').value).toBe('');
      expect(el.querySelectorAll('mat-error')).toHaveLength(0); // a fresh form, not a refused one
      expect((el.querySelector('mat-radio-button input') as HTMLInputElement).checked).toBe(true); // staff again
    });

    it('puts a field error from the server under that field', async () => {
      client.answer(InviteDocument, () =>
        throwError(
          () =>
            new ApiError('CONFLICT', 'This person is already a member of the practice.', 'email'),
        ),
      );
      await type('name', 'Amir Khan');
      await type('email', 'amir@wilmslow.demo');
      (el.querySelector('parley-invite-form button[type="submit"]') as HTMLButtonElement).click();
      await settle();
      expect(
        Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim()),
      ).toEqual(['This person is already a member of the practice.']);
      expect(el.querySelector('parley-copy-field')).toBeNull();
    });
  });

  it('reloads for the new practice after a switch, and drops manager tools there', async () => {
    await render('twoPractices');
    const session = TestBed.inject(SessionStore);
    session.selectPractice(FIXTURE_PLACES.wilmslow.id);
    await settle();
    expect(el.querySelector('parley-invite-form')).not.toBeNull();
    const loads = client.callsOf(PeopleDocument).length;

    session.selectPractice(FIXTURE_PLACES.alderley.id);
    await settle();
    expect(client.callsOf(PeopleDocument).length).toBe(loads + 1);
    expect(el.querySelector('parley-invite-form')).toBeNull();
    expect(el.textContent).toContain('Who can use Parley for Alderley Edge Medical.');
  });
});
