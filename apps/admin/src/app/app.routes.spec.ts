import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ALERTS_SOCKET, FIXTURE_SIGN_INS, SessionStore } from '@parley/admin/data-access';
import { APP_ROUTES } from './app.routes';
import { ParleyTitleStrategy } from './title.strategy';

describe('console routes', () => {
  let harness: RouterTestingHarness;
  let router: Router;

  async function start(signIn?: keyof typeof FIXTURE_SIGN_INS) {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(APP_ROUTES, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: TitleStrategy, useClass: ParleyTitleStrategy },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        // The top bar's live alerts never connect here.
        { provide: ALERTS_SOCKET, useValue: () => new Promise(() => undefined) },
      ],
    });
    if (signIn) TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    harness = await RouterTestingHarness.create();
    router = TestBed.inject(Router);
  }

  const heading = () =>
    harness.routeNativeElement?.ownerDocument.querySelector('h1')?.textContent?.trim();

  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('sends signed-out people to sign-in with a return URL', async () => {
    await start();
    await harness.navigateByUrl('/people');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fpeople');
    expect(heading()).toBe('Sign in');
    expect(document.title).toBe('Sign in · Parley');
  });

  it('keeps the invitation page public', async () => {
    await start();
    await harness.navigateByUrl('/invitations/tok_0123456789abcdefghij');
    expect(router.url).toBe('/invitations/tok_0123456789abcdefghij');
    expect(heading()).toBe('Accept your invitation');
  });

  it('sends signed-in people away from the sign-in page', async () => {
    await start('staff');
    await harness.navigateByUrl('/sign-in?returnUrl=%2Fpeople');
    expect(router.url).toBe('/people');
  });

  it('opens the incident log, the escalation settings and the alerts to practice staff', async () => {
    await start('staff');
    await harness.navigateByUrl('/incidents');
    expect(heading()).toBe('Incidents');
    expect(document.title).toBe('Incidents · Parley');
    await harness.navigateByUrl('/escalation');
    expect(heading()).toBe('Escalation');
    await harness.navigateByUrl('/alerts');
    expect(heading()).toBe('Alerts');
    expect(document.title).toBe('Alerts · Parley');

    // Changing the settings is for managers.
    await harness.navigateByUrl('/escalation/edit');
    expect(router.url).toBe('/');
    TestBed.resetTestingModule();
    await start('manager');
    await harness.navigateByUrl('/escalation/edit');
    expect(heading()).toBe('Change the escalation settings');
  });

  it('keeps people out of areas their role does not allow', async () => {
    await start('staff');
    await harness.navigateByUrl('/onboarding');
    expect(router.url).toBe('/');
    await harness.navigateByUrl('/website');
    expect(router.url).toBe('/');

    TestBed.resetTestingModule();
    await start('auditor');
    await harness.navigateByUrl('/people');
    expect(router.url).toBe('/');
  });

  it('opens the people and onboarding areas for the right roles', async () => {
    await start('staff');
    await harness.navigateByUrl('/people');
    expect(router.url).toBe('/people');
    expect(heading()).toBe('People');

    TestBed.resetTestingModule();
    await start('platformAdmin');
    await harness.navigateByUrl('/onboarding');
    expect(heading()).toBe('Onboarding');
  });

  it('opens the policy and channels areas to staff, and the website area to managers only', async () => {
    await start('staff');
    await harness.navigateByUrl('/policy');
    expect(heading()).toBe('Policy');
    await harness.navigateByUrl('/channels');
    expect(heading()).toBe('Channels');

    TestBed.resetTestingModule();
    await start('manager');
    await harness.navigateByUrl('/website');
    expect(router.url).toBe('/website');
    expect(heading()).toBe('Embed');
    expect(document.title).toBe('Embed · Parley');
  });

  it('has a not-found page inside the console', async () => {
    await start('staff');
    await harness.navigateByUrl('/no-such-page');
    expect(heading()).toBe('Page not found');
  });
});
