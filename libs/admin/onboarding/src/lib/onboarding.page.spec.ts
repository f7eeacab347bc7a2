import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { ApiError, ApiRole, GraphqlClient } from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import {
  CreateIcbDocument,
  CreatePracticeDocument,
  IcbsDocument,
  InvitePracticeManagerDocument,
  PracticesDocument,
} from './generated/graphql';
import { OnboardingPage } from './onboarding.page';

const ICB = {
  id: 'icb-1',
  name: 'Cheshire and Merseyside',
  slug: 'cheshire-and-merseyside',
  practiceCount: 1,
};
const PRACTICE = {
  id: 'pr-1',
  name: 'Wilmslow Health Centre',
  slug: 'wilmslow',
  listSize: 12400,
  odsCode: 'N81046',
  icb: { id: ICB.id, name: ICB.name, slug: ICB.slug },
};

class FakeClient {
  readonly calls: { document: DocumentNode; variables: unknown }[] = [];
  readonly answers = new Map<DocumentNode, (variables: never) => Observable<unknown>>();
  answer(document: DocumentNode, respond: (variables: never) => Observable<unknown>) {
    this.answers.set(document, respond);
  }
  request(document: DocumentNode, variables: unknown) {
    this.calls.push({ document, variables });
    const respond = this.answers.get(document);
    return respond
      ? respond(variables as never)
      : throwError(() => new Error('unexpected operation'));
  }
  variablesOf(document: DocumentNode) {
    return this.calls.filter((c) => c.document === document).map((c) => c.variables);
  }
}

describe('OnboardingPage', () => {
  let fixture: ComponentFixture<OnboardingPage>;
  let el: HTMLElement;
  let client: FakeClient;

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
  const input = (form: string, name: string) =>
    el.querySelector(`${form} input[formcontrolname="${name}"]`) as HTMLInputElement;
  async function type(form: string, name: string, value: string) {
    const target = input(form, name);
    target.value = value;
    target.dispatchEvent(new Event('input'));
    target.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }
  async function submit(form: string) {
    (el.querySelector(`${form} button[type="submit"]`) as HTMLButtonElement).click();
    await settle();
  }
  const errorsIn = (form: string) =>
    Array.from(el.querySelectorAll(`${form} mat-error`)).map((e) => e.textContent?.trim());

  beforeEach(async () => {
    client = new FakeClient();
    client.answer(IcbsDocument, () => of({ icbs: [ICB] }));
    client.answer(PracticesDocument, () => of({ practices: [PRACTICE] }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    fixture = TestBed.createComponent(OnboardingPage);
    el = fixture.nativeElement;
    await settle();
  });

  afterEach(() => document.querySelector('.cdk-overlay-container')?.remove());

  it('says when the lists could not be loaded, instead of calling them empty, and retries', async () => {
    client.answer(PracticesDocument, () =>
      throwError(() => new ApiError('FORBIDDEN', 'You do not have permission to do this.')),
    );
    (fixture.componentInstance as unknown as { reload(): void }).reload();
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('You do not have permission');
    expect(el.textContent).toContain('The practices could not be loaded.');
    expect(el.textContent).not.toContain('No practices yet');
    expect(el.querySelectorAll('table')).toHaveLength(1); // the ICBs still show

    client.answer(PracticesDocument, () => of({ practices: [PRACTICE] }));
    (
      Array.from(el.querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Try again',
      ) as HTMLButtonElement
    ).click();
    await settle();
    expect(el.querySelectorAll('table')).toHaveLength(2);
  });

  it('lists ICBs and practices', () => {
    const text = (selector: string) =>
      Array.from(el.querySelectorAll(selector)).map((row) =>
        Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim()),
      );
    const [icbTable, practiceTable] = Array.from(el.querySelectorAll('table'));
    expect(icbTable.querySelector('caption')?.textContent?.trim()).toBe('ICBs');
    expect(text('section:nth-of-type(1) tr[mat-row]')).toEqual([
      ['Cheshire and Merseyside', 'cheshire-and-merseyside', '1'],
    ]);
    expect(practiceTable.querySelector('caption')?.textContent?.trim()).toBe('Practices');
    expect(text('section:nth-of-type(2) tr[mat-row]')).toEqual([
      ['Wilmslow Health Centre', 'N81046', 'Cheshire and Merseyside', '12,400'],
    ]);
  });

  it('creates an ICB, suggesting its slug from the name, and reloads', async () => {
    client.answer(CreateIcbDocument, () =>
      of({
        createIcb: {
          ...ICB,
          id: 'icb-2',
          name: 'Greater Manchester',
          slug: 'greater-manchester',
          practiceCount: 0,
        },
      }),
    );
    await type('parley-icb-form', 'name', 'Greater Manchester');
    expect(input('parley-icb-form', 'slug').value).toBe('greater-manchester');
    await submit('parley-icb-form');
    expect(client.variablesOf(CreateIcbDocument)).toEqual([
      { input: { name: 'Greater Manchester', slug: 'greater-manchester' } },
    ]);
    expect(client.variablesOf(IcbsDocument)).toHaveLength(2);
    expect(el.querySelector('p[role="status"]')?.textContent).toContain(
      'Greater Manchester has been added.',
    );
  });

  it('checks the ICB form and shows a slug conflict under the slug', async () => {
    await submit('parley-icb-form');
    expect(errorsIn('parley-icb-form')).toEqual(["Enter the ICB's name.", 'Enter a slug.']);

    client.answer(CreateIcbDocument, () =>
      throwError(
        () => new ApiError('CONFLICT', 'An ICB with the slug "cheshire" already exists.', 'slug'),
      ),
    );
    await type('parley-icb-form', 'name', 'Cheshire');
    await submit('parley-icb-form');
    expect(errorsIn('parley-icb-form')).toEqual([
      'An ICB with the slug "cheshire" already exists.',
    ]);
  });

  it('checks the practice form', async () => {
    await type('parley-practice-form', 'name', 'Alderley Edge Medical');
    await type('parley-practice-form', 'listSize', '0');
    await type('parley-practice-form', 'odsCode', 'N8');
    await submit('parley-practice-form');
    expect(errorsIn('parley-practice-form')).toEqual([
      "Choose the practice's ICB.",
      'Enter a number from 1 to 1,000,000.',
      'Use 3 to 10 letters or digits.',
    ]);
    expect(client.variablesOf(CreatePracticeDocument)).toEqual([]);
  });

  it('creates a practice and then offers it for the manager invitation', async () => {
    const created = {
      ...PRACTICE,
      id: 'pr-2',
      name: 'Alderley Edge Medical',
      slug: 'alderley-edge-medical',
      odsCode: 'N81999',
    };
    client.answer(CreatePracticeDocument, () => of({ createPractice: created }));
    client.answer(PracticesDocument, () => of({ practices: [PRACTICE, created] }));
    await type('parley-practice-form', 'name', 'Alderley Edge Medical');
    await type('parley-practice-form', 'listSize', '8300');
    await type('parley-practice-form', 'odsCode', 'n81999');
    // Choose the ICB in the select, by keyboard-free API: open it and pick the option.
    (el.querySelector('parley-practice-form mat-select') as HTMLElement).click();
    await settle();
    (document.querySelector('mat-option') as HTMLElement).click();
    await settle();
    await submit('parley-practice-form');

    expect(client.variablesOf(CreatePracticeDocument)).toEqual([
      {
        input: {
          name: 'Alderley Edge Medical',
          slug: 'alderley-edge-medical',
          icbId: 'icb-1',
          listSize: 8300,
          odsCode: 'N81999',
        },
      },
    ]);
    expect(el.querySelector('p[role="status"]')?.textContent).toContain(
      'Invite its first manager below.',
    );
    expect(el.querySelector('parley-manager-invite-form mat-select')?.textContent).toContain(
      'Alderley Edge Medical',
    );
  });

  it('invites a practice manager and shows the link when it was not emailed', async () => {
    client.answer(InvitePracticeManagerDocument, () =>
      of({
        invitePracticeManager: {
          emailed: false,
          acceptUrl: 'http://localhost:3000/invitations/tok_xyz',
          invitation: {
            id: 'inv-1',
            email: 'pm@wilmslow.demo',
            name: 'Pat Manager',
            role: ApiRole.PracticeManager,
            expiresAt: '2030-01-08T10:00:00Z',
            acceptedAt: null,
            createdAt: '2030-01-01T10:00:00Z',
          },
        },
      }),
    );
    (el.querySelector('parley-manager-invite-form mat-select') as HTMLElement).click();
    await settle();
    (document.querySelector('mat-option') as HTMLElement).click();
    await settle();
    await type('parley-manager-invite-form', 'name', 'Pat Manager');
    await type('parley-manager-invite-form', 'email', 'pm@wilmslow.demo');
    await submit('parley-manager-invite-form');

    expect(client.variablesOf(InvitePracticeManagerDocument)).toEqual([
      { practiceId: 'pr-1', name: 'Pat Manager', email: 'pm@wilmslow.demo' },
    ]);
    expect((el.querySelector('parley-copy-field input') as HTMLInputElement).value).toBe(
      'http://localhost:3000/invitations/tok_xyz',
    );
  });
});
