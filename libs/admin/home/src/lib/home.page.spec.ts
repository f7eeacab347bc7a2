import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiError,
  FIXTURE_PLACES,
  FIXTURE_SIGN_INS,
  fixturePayload,
  GraphqlClient,
  SessionStore,
} from '@parley/admin/data-access';
import type { DocumentNode } from 'graphql';
import { type Observable, of, throwError } from 'rxjs';
import { type OverdueFeedbackQuery, OverdueFeedbackDocument } from './generated/graphql';
import { HomePage } from './home.page';

const NOTHING_OVERDUE: OverdueFeedbackQuery = {
  overdueFeedback: { acknowledgementOverdue: [], delayLetterDue: [], total: 0 },
};

/** Answers the overdue panel's query; records which practice each call was for. */
class FakeClient {
  overdue: () => Observable<OverdueFeedbackQuery> = () => of(NOTHING_OVERDUE);
  readonly calls: string[] = [];
  constructor(private readonly session: () => SessionStore) {}
  request(document: DocumentNode) {
    if (document !== OverdueFeedbackDocument)
      return throwError(() => new Error('unexpected operation'));
    this.calls.push(this.session().activePracticeId() ?? 'none');
    return this.overdue();
  }
}

let client: FakeClient;

async function render(
  payload: ReturnType<(typeof FIXTURE_SIGN_INS)['manager']>,
  overdue?: () => Observable<OverdueFeedbackQuery>,
) {
  sessionStorage.clear();
  client = new FakeClient(() => TestBed.inject(SessionStore));
  if (overdue) client.overdue = overdue;
  TestBed.configureTestingModule({
    providers: [provideRouter([]), { provide: GraphqlClient, useValue: client }],
  });
  TestBed.inject(SessionStore).start(payload);
  const fixture = TestBed.createComponent(HomePage);
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
  const el: HTMLElement = fixture.nativeElement;
  return {
    el,
    fixture,
    panel: () => el.querySelector('section[aria-labelledby="home-overdue"]') as HTMLElement | null,
    heading: () => el.querySelector('h1')?.textContent?.trim(),
    cards: () =>
      Array.from(el.querySelectorAll('a.card')).map((a) => [
        a.querySelector('.card__title')?.textContent?.trim(),
        a.getAttribute('href'),
      ]),
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
      ['Retention', '/retention'],
      ['People', '/people'],
      ['Embed', '/website'],
    ]);
  });

  it('gives staff cards for what they may use', async () => {
    const page = await render(FIXTURE_SIGN_INS.staff());
    expect(page.el.textContent).toContain('practice staff at Wilmslow Health Centre');
    expect(page.cards().map(([title]) => title)).not.toContain('Embed');
    expect(page.cards().map(([title]) => title)).not.toContain('Retention');
  });

  it('gives an auditor an insights card naming their ICB', async () => {
    const page = await render(FIXTURE_SIGN_INS.auditor());
    expect(page.heading()).toBe('Welcome, Jo');
    expect(page.cards()).toEqual([['ICB insights: Cheshire and Merseyside', '/insights']]);
  });

  it('gives a platform admin the onboarding card', async () => {
    const page = await render(FIXTURE_SIGN_INS.platformAdmin());
    expect(page.cards()).toEqual([['Onboarding', '/onboarding']]);
  });

  it('explains what to do without any membership', async () => {
    const page = await render(fixturePayload([]));
    expect(page.cards()).toEqual([]);
    expect(page.el.textContent).toContain('Ask your practice manager to send you an invitation');
  });

  describe('the overdue panel', () => {
    const ACK_LATE = {
      id: 'item-1',
      reference: '3F2A9C1B',
      summary: 'Waited 40 minutes on the phone.',
      receivedOn: '2030-03-04',
      clocks: {
        acknowledgementDue: '2030-03-07',
        delayLetterDue: '2030-09-04',
        delayLetterOverdue: false,
      },
    };
    const DELAY_DUE = {
      id: 'item-2',
      reference: '77AB01CD',
      summary: 'Prescription not ready.',
      receivedOn: '2029-09-01',
      clocks: {
        acknowledgementDue: '2029-09-05',
        delayLetterDue: '2030-03-01',
        delayLetterOverdue: true,
      },
    };

    it('lists overdue acknowledgements and delay letters, linked to the items', async () => {
      const page = await render(FIXTURE_SIGN_INS.staff(), () =>
        of({
          overdueFeedback: {
            acknowledgementOverdue: [ACK_LATE],
            delayLetterDue: [DELAY_DUE],
            total: 2,
          },
        }),
      );
      const panel = page.panel() as HTMLElement;
      expect(panel.querySelector('h2')?.textContent).toBe('Overdue');
      expect(Array.from(panel.querySelectorAll('h3')).map((h) => h.textContent?.trim())).toEqual([
        'Acknowledgements overdue',
        'Delay letters due',
      ]);
      const items = Array.from(panel.querySelectorAll('li')).map((li) =>
        li.textContent?.replace(/\s+/g, ' ').trim(),
      );
      expect(items[0]).toContain(
        'Complaint 3F2A9C1B, received 4 Mar 2030: acknowledgement was due by 7 Mar 2030.',
      );
      expect(items[1]).toContain('a letter explaining the delay was due by 1 Mar 2030.');
      expect(Array.from(panel.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual([
        '/feedback/item-1',
        '/feedback/item-2',
      ]);
    });

    it('says when nothing is overdue', async () => {
      const page = await render(FIXTURE_SIGN_INS.manager());
      expect(page.panel()?.textContent).toContain('Nothing is overdue');
    });

    it('says when the check failed, and tries again', async () => {
      let fail = true;
      const page = await render(FIXTURE_SIGN_INS.manager(), () =>
        fail
          ? throwError(() => new ApiError('NETWORK_ERROR', 'Parley could not be reached.'))
          : of(NOTHING_OVERDUE),
      );
      expect(page.panel()?.textContent).toContain(
        'Overdue complaints could not be checked: Parley could not be reached.',
      );
      fail = false;
      (page.panel()?.querySelector('button') as HTMLButtonElement).click();
      await page.fixture.whenStable();
      expect(page.panel()?.textContent).toContain('Nothing is overdue');
    });

    it('checks again for the practice switched to', async () => {
      const page = await render(FIXTURE_SIGN_INS.twoPractices());
      const session = TestBed.inject(SessionStore);
      session.selectPractice(FIXTURE_PLACES.wilmslow.id);
      await page.fixture.whenStable();
      expect(client.calls).toEqual([FIXTURE_PLACES.alderley.id, FIXTURE_PLACES.wilmslow.id]);
    });

    it('is not there for people without a practice', async () => {
      const page = await render(FIXTURE_SIGN_INS.auditor());
      expect(page.panel()).toBeNull();
      expect(client.calls).toEqual([]);
    });
  });
});
