import { Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router } from '@angular/router';
import {
  AuthService,
  FIXTURE_PLACES,
  FIXTURE_SIGN_INS,
  SessionStore,
} from '@parley/admin/data-access';
import { Permission } from '@parley/shared/domain';
import { LiveAlerts } from './alerts/live-alerts';
import { ShellComponent } from './shell.component';

@Component({ template: '<h1>Page</h1>' })
class StubPage {}

describe('ShellComponent', () => {
  let fixture: ComponentFixture<ShellComponent>;
  let el: HTMLElement;
  const signOut = jest.fn().mockResolvedValue(undefined);

  async function render(signIn: keyof typeof FIXTURE_SIGN_INS) {
    sessionStorage.clear();
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: '', component: StubPage },
          { path: 'people', component: StubPage, data: { permission: Permission.PeopleManage } },
        ]),
        { provide: AuthService, useValue: { signOut } },
        { provide: LiveAlerts, useValue: { openCount: signal(3), latest: signal(null) } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    fixture = TestBed.createComponent(ShellComponent);
    el = fixture.nativeElement;
    await fixture.whenStable();
  }

  const navLabels = () =>
    Array.from(el.querySelectorAll('nav[aria-label="Areas"] a')).map((a) => a.textContent?.trim());

  it('has landmarks, a skip link and the product name', async () => {
    await render('manager');
    expect(el.querySelector('a.skip-link')?.textContent).toContain('Skip to main content');
    expect(el.querySelector('header')).not.toBeNull();
    expect(el.querySelector('main#main')).not.toBeNull();
    expect(el.querySelector('nav[aria-label="Areas"]')).not.toBeNull();
    expect(el.querySelector('.topbar__brand')?.textContent?.trim()).toBe('Parley');
  });

  it('shows a manager every practice area, coming soon ones included', async () => {
    await render('manager');
    expect(navLabels()).toEqual([
      'Home',
      'Policy',
      'Channels',
      'Feedback',
      'Incidents',
      'Escalation',
      'Retention',
      'People',
      'Embed',
    ]);
  });

  it('shows staff the areas they may read', async () => {
    await render('staff');
    expect(navLabels()).toEqual([
      'Home',
      'Policy',
      'Channels',
      'Feedback',
      'Incidents',
      'Escalation',
      'People',
    ]);
  });

  it('shows an auditor insights only, and a platform admin onboarding too', async () => {
    await render('auditor');
    expect(navLabels()).toEqual(['Home', 'Insights']);
    TestBed.resetTestingModule();
    await render('platformAdmin');
    expect(navLabels()).toEqual(['Home', 'Insights', 'Onboarding']);
  });

  it('shows the open alerts to practice members only', async () => {
    await render('staff');
    expect(
      el.querySelector('parley-alerts-indicator a')?.textContent?.replace(/\s+/g, ' ').trim(),
    ).toBe('Alerts 3 open');
    TestBed.resetTestingModule();
    await render('auditor');
    expect(el.querySelector('parley-alerts-indicator')).toBeNull();
  });

  it('shows the person and their role, and signs out', async () => {
    await render('manager');
    expect(el.querySelector('.topbar__user')?.textContent).toContain('Jo Bloggs');
    expect(el.querySelector('.topbar__user')?.textContent).toContain('Practice manager');
    expect(el.querySelector('.topbar__practice-name')?.textContent).toContain(
      'Wilmslow Health Centre',
    );
    expect(el.querySelector('mat-select')).toBeNull();
    (el.querySelector('.topbar__sign-out') as HTMLButtonElement).click();
    expect(signOut).toHaveBeenCalled();
  });

  it('offers a practice switcher to people with several practices', async () => {
    await render('twoPractices');
    const session = TestBed.inject(SessionStore);
    expect(el.querySelector('mat-select')).not.toBeNull();
    expect(el.querySelector('mat-form-field mat-label')?.textContent).toContain('Practice');

    // On a manager-only page, switching to a practice where they are staff leaves the page.
    session.selectPractice(FIXTURE_PLACES.wilmslow.id);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/people');
    const component = fixture.componentInstance as unknown as { switchPractice(id: string): void };
    component.switchPractice(FIXTURE_PLACES.alderley.id);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    expect(session.activePracticeId()).toBe(FIXTURE_PLACES.alderley.id);
    expect(router.url).toBe('/');
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Now working in Alderley Edge Medical.',
    );
    expect(el.querySelector('.topbar__user-role')?.textContent).toContain('Practice staff');
  });
});
