import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FIXTURE_SIGN_INS, fixturePayload, SessionStore } from '@parley/admin/data-access';
import { HomePage } from './home.page';

async function render(payload: ReturnType<(typeof FIXTURE_SIGN_INS)['manager']>) {
  sessionStorage.clear();
  TestBed.configureTestingModule({ providers: [provideRouter([])] });
  TestBed.inject(SessionStore).start(payload);
  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  const el: HTMLElement = fixture.nativeElement;
  return {
    el,
    heading: () => el.querySelector('h1')?.textContent?.trim(),
    cards: () =>
      Array.from(el.querySelectorAll('a.card')).map((a) => [a.querySelector('.card__title')?.textContent?.trim(), a.getAttribute('href')]),
  };
}

describe('HomePage', () => {
  it('gives a manager the practice name and a card per area', async () => {
    const page = await render(FIXTURE_SIGN_INS.manager());
    expect(page.heading()).toBe('Wilmslow Health Centre');
    expect(page.el.textContent).toContain('practice manager at Wilmslow Health Centre');
    expect(page.cards()).toEqual([
      ['Policy', '/policy'],
      ['Channels', '/channels'],
      ['Feedback', '/feedback'],
      ['Incidents', '/incidents'],
      ['Escalation', '/escalation'],
      ['People', '/people'],
      ['Embed', '/website'],
    ]);
  });

  it('gives staff cards for what they may use', async () => {
    const page = await render(FIXTURE_SIGN_INS.staff());
    expect(page.el.textContent).toContain('practice staff at Wilmslow Health Centre');
    expect(page.cards().map(([title]) => title)).not.toContain('Embed');
  });

  it('gives an auditor an insights card naming their ICB', async () => {
    const page = await render(FIXTURE_SIGN_INS.auditor());
    expect(page.heading()).toBe('Welcome, Jo');
    expect(page.cards()).toEqual([['ICB insights: Cheshire and Merseyside', '/insights']]);
  });

  it('gives a platform admin the onboarding card', async () => {
    const page = await render(FIXTURE_SIGN_INS.platformAdmin());
    expect(page.cards()).toEqual([
      ['Onboarding', '/onboarding'],
    ]);
  });

  it('explains what to do without any membership', async () => {
    const page = await render(fixturePayload([]));
    expect(page.cards()).toEqual([]);
    expect(page.el.textContent).toContain('Ask your practice manager to send you an invitation');
  });
});
