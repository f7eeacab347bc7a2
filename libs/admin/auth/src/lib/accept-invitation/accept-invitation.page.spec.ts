import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ApiRole, FIXTURE_SIGN_INS, SessionStore } from '@parley/admin/data-access';
import { AcceptInvitationPage } from './accept-invitation.page';

const TOKEN = 'tok_0123456789abcdefghijklmnop';
const PREVIEW = {
  email: 'sam@wilmslow.demo',
  name: 'Sam Patel',
  role: ApiRole.PracticeStaff,
  placeName: 'Wilmslow Health Centre',
  expiresAt: '2030-01-01T00:00:00Z',
};

describe('AcceptInvitationPage', () => {
  let fixture: ComponentFixture<AcceptInvitationPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const field = (name: string) =>
    el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
  const errors = () =>
    Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
  async function type(name: string, value: string) {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input'));
    field(name).dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }
  async function submit() {
    (el.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  async function open(preview: typeof PREVIEW | null) {
    fixture = TestBed.createComponent(AcceptInvitationPage);
    el = fixture.nativeElement;
    fixture.componentRef.setInput('token', TOKEN);
    await fixture.whenStable();
    const req = http.expectOne('/graphql');
    expect(req.request.body.operationName).toBe('InvitationPreview');
    expect(req.request.body.variables).toEqual({ token: TOKEN });
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({ data: { invitation: preview } });
    await settle();
  }

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  /** Lets the page's async handlers finish (they continue after the HTTP answer), then renders. */
  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('says so when the link is no longer valid', async () => {
    await open(null);
    expect(el.textContent).toContain('This invitation link is not valid any more');
    expect(el.querySelector('form')).toBeNull();
  });

  it('names the place and role, and pre-fills the name', async () => {
    await open(PREVIEW);
    expect(el.textContent).toContain('Wilmslow Health Centre');
    expect(el.textContent).toContain('as practice staff');
    expect(el.textContent).toContain('sam@wilmslow.demo');
    expect(field('name').value).toBe('Sam Patel');
  });

  it('asks for a password of at least 12 characters, typed twice the same', async () => {
    await open(PREVIEW);
    await type('password', 'short');
    await type('confirm', 'different');
    await submit();
    expect(errors()).toEqual(['Use at least 12 characters.', 'The passwords do not match.']);

    await type('password', 'correct horse battery');
    await type('confirm', 'correct horse battery');
    expect(errors()).toEqual([]);
    http.expectNone('/graphql');
  });

  it('accepts, signs the person in and opens the console', async () => {
    await open(PREVIEW);
    await type('password', 'correct horse battery');
    await type('confirm', 'correct horse battery');
    await submit();

    const req = http.expectOne('/graphql');
    expect(req.request.body.operationName).toBe('AcceptInvitation');
    expect(req.request.body.variables).toEqual({
      input: { token: TOKEN, password: 'correct horse battery', name: 'Sam Patel' },
    });
    req.flush({ data: { acceptInvitation: FIXTURE_SIGN_INS.staff() } });
    await settle();
    expect(TestBed.inject(SessionStore).signedIn()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('shows a refusal in an alert', async () => {
    await open(PREVIEW);
    await type('password', 'correct horse battery');
    await type('confirm', 'correct horse battery');
    await submit();
    http.expectOne('/graphql').flush({
      errors: [
        {
          message: 'This email already has a Parley account: enter its password to accept.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'already has a Parley account',
    );
    expect(navigateByUrl).not.toHaveBeenCalled();
  });
});
