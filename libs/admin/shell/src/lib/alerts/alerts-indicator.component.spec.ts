import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AlertKind, AlertSubjectType, type LiveAlertFieldsFragment } from '../generated/graphql';
import { AlertsIndicatorComponent } from './alerts-indicator.component';
import { LiveAlerts } from './live-alerts';

const RAISED: LiveAlertFieldsFragment = {
  id: 'a1',
  kind: AlertKind.LadderStepSuggested,
  subject: 'Patient P-0042: Formal warning, with reasons is suggested.',
  subjectType: AlertSubjectType.Patient,
  subjectId: 'p1',
  due: null,
  raisedAt: '2030-03-04T10:00:00.000Z',
};

describe('AlertsIndicatorComponent', () => {
  const openCount = signal<number | null>(null);
  const latest = signal<LiveAlertFieldsFragment | null>(null);

  async function render() {
    openCount.set(null);
    latest.set(null);
    TestBed.configureTestingModule({
      providers: [provideRouter([]), { provide: LiveAlerts, useValue: { openCount, latest } }],
    });
    const fixture = TestBed.createComponent(AlertsIndicatorComponent);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    return {
      fixture,
      link: () => el.querySelector('a') as HTMLAnchorElement,
      name: () =>
        (el.querySelector('a') as HTMLAnchorElement).textContent?.replace(/\s+/g, ' ').trim(),
      badge: () => el.querySelector('.alerts-link__count')?.textContent?.trim() ?? null,
      spoken: () => el.querySelector('[aria-live="polite"]')?.textContent?.trim(),
    };
  }

  it('links to the alerts page and names the open count once known', async () => {
    const view = await render();
    expect(view.link().getAttribute('href')).toBe('/alerts');
    expect(view.name()).toBe('Alerts');
    expect(view.badge()).toBeNull();
    expect(view.spoken()).toBe('');

    openCount.set(1);
    await view.fixture.whenStable();
    expect(view.name()).toBe('Alerts 1 open');
    expect(view.badge()).toBe('1');
    expect(view.spoken()).toBe('1 open alert.');
  });

  it('announces an alert as it arrives, then only the count', async () => {
    const view = await render();
    openCount.set(2);
    await view.fixture.whenStable();

    openCount.set(3);
    latest.set(RAISED);
    await view.fixture.whenStable();
    expect(view.badge()).toBe('3');
    expect(view.spoken()).toBe(`New alert: ${RAISED.subject} 3 open alerts.`);

    openCount.set(2); // one acknowledged
    await view.fixture.whenStable();
    expect(view.spoken()).toBe('2 open alerts.');
  });

  it('shows no badge when nothing is open', async () => {
    const view = await render();
    openCount.set(0);
    await view.fixture.whenStable();
    expect(view.badge()).toBeNull();
    expect(view.name()).toBe('Alerts 0 open');
  });
});
