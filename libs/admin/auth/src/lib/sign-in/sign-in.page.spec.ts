import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { FIXTURE_SIGN_INS, SessionStore } from '@parley/admin/data-access';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let el: HTMLElement;
  let http: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const input = (type: string) => el.querySelector(`input[type="${type}"]`) as HTMLInputElement;
  const submitButton = () => el.querySelector('button[type="submit"]') as HTMLButtonElement;
  const alertText = () => el.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  const errors = () =>
    Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());

  async function type(target: HTMLInputElement, value: string) {
    target.value = value;
    target.dispatchEvent(new Event('input'));
    target.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function submit() {
    submitButton().click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  /** Lets the page's async handlers finish (they continue after the HTTP answer), then renders. */
  async function settle() {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  it('has one heading, labelled fields and the right autocomplete hints', () => {
    expect(el.querySelector('h1')?.textContent).toContain('Sign in');
    const labels = Array.from(el.querySelectorAll('mat-label')).map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Email address', 'Password']);
    expect(input('email').autocomplete).toBe('username');
    expect(input('password').autocomplete).toBe('current-password');
  });

  it('says what is missing instead of sending an empty form', async () => {
    await submit();
    expect(errors()).toEqual(['Enter your email address.', 'Enter your password.']);
    expect(document.activeElement).toBe(input('email'));
    http.expectNone('/graphql');
  });

  it('explains a mistyped email address', async () => {
    await type(input('email'), 'jo.bloggs');
    await type(input('password'), 'secret');
    await submit();
    expect(errors()).toEqual(['Enter an email address like name@example.nhs.uk.']);
    http.expectNone('/graphql');
  });

  it('signs in, disabling the button while busy, then goes to the return URL', async () => {
    fixture.componentRef.setInput('returnUrl', '/people');
    await type(input('email'), ' manager@wilmslow.demo ');
    await type(input('password'), 'parley-demo-password');
    await submit();

    const req = http.expectOne('/graphql');
    expect(req.request.body.operationName).toBe('Login');
    expect(req.request.body.variables).toEqual({
      email: 'manager@wilmslow.demo',
      password: 'parley-demo-password',
    });
    expect(submitButton().disabled).toBe(true);
    expect(submitButton().textContent).toContain('Signing in');

    req.flush({ data: { login: FIXTURE_SIGN_INS.manager() } });
    await settle();
    expect(TestBed.inject(SessionStore).user()?.name).toBe('Jo Bloggs');
    expect(navigateByUrl).toHaveBeenCalledWith('/people');
    expect(submitButton().disabled).toBe(false);
  });

  it('ignores a return URL that leaves the console', async () => {
    fixture.componentRef.setInput('returnUrl', '//evil.example');
    await type(input('email'), 'manager@wilmslow.demo');
    await type(input('password'), 'parley-demo-password');
    await submit();
    http.expectOne('/graphql').flush({ data: { login: FIXTURE_SIGN_INS.manager() } });
    await settle();
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('shows the server’s message in an alert and clears the password', async () => {
    await type(input('email'), 'manager@wilmslow.demo');
    await type(input('password'), 'wrong');
    await submit();
    http.expectOne('/graphql').flush({
      errors: [
        { message: 'The email or password is not right.', extensions: { code: 'UNAUTHENTICATED' } },
      ],
    });
    await settle();
    expect(alertText()).toBe('The email or password is not right.');
    expect(input('password').value).toBe('');
    expect(TestBed.inject(SessionStore).signedIn()).toBe(false);
    expect(navigateByUrl).not.toHaveBeenCalled();
  });

  it('explains why after a session expired', async () => {
    fixture.componentRef.setInput('reason', 'expired');
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Your session has ended');
  });
});
