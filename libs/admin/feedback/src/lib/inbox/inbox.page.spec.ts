import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ApiError, FIXTURE_SIGN_INS, GraphqlClient, SessionStore } from '@parley/admin/data-access';
import { of, throwError } from 'rxjs';
import {
  ChannelKind,
  FeedbackChannelsDocument,
  type FeedbackItemsQuery,
  type FeedbackItemsQueryVariables,
  FeedbackItemsDocument,
  FeedbackKind,
  FeedbackStatus,
  Sentiment,
} from '../generated/graphql';
import { FakeClient, settle } from '../../testing/fake-client';
import { FEEDBACK_ROUTES } from '../feedback.routes';

type ListItem = FeedbackItemsQuery['feedbackItems']['items'][number];

const DESK = { id: 'c-desk', kind: ChannelKind.InPerson, label: 'Tell us in person' };
function listItem(overrides: Partial<ListItem> = {}): ListItem {
  return {
    id: 'item-1',
    reference: '3F2A9C1B',
    channel: DESK,
    receivedAt: '2030-03-04T10:00:00.000Z',
    receivedOn: '2030-03-04',
    kind: FeedbackKind.Complaint,
    sentiment: Sentiment.Negative,
    summary: 'Waited 40 minutes on the phone at 8am.',
    oral: true,
    status: FeedbackStatus.Received,
    timeLimitFlagged: false,
    outsideRegulations: false,
    clocks: {
      acknowledgementDue: '2030-03-07',
      acknowledgementOverdue: true,
      delayLetterDue: '2030-09-04',
      delayLetterOverdue: false,
    },
    ...overrides,
  };
}
const COMPLIMENT = listItem({
  id: 'item-2',
  reference: '77AB01CD',
  kind: FeedbackKind.Compliment,
  sentiment: Sentiment.Positive,
  summary: 'Thank you to the nurses.',
  status: FeedbackStatus.Closed,
  clocks: null,
});

function page(items: ListItem[], more: Partial<FeedbackItemsQuery['feedbackItems']> = {}) {
  return of({
    feedbackItems: {
      items,
      totalCount: items.length,
      endCursor: null,
      hasNextPage: false,
      ...more,
    },
  });
}

describe('InboxPage', () => {
  let harness: RouterTestingHarness;
  let client: FakeClient;
  let el: HTMLElement;

  async function open(url: string, signIn: keyof typeof FIXTURE_SIGN_INS = 'staff') {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [{ path: 'feedback', children: FEEDBACK_ROUTES }],
          withComponentInputBinding(),
        ),
        { provide: GraphqlClient, useValue: client },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    TestBed.inject(SessionStore).start(FIXTURE_SIGN_INS[signIn]());
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
    await settle(harness.fixture);
  }
  const rows = () =>
    Array.from(el.querySelectorAll('tr[mat-row]')).map((row) =>
      Array.from(row.querySelectorAll('td')).map((cell) =>
        cell.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );
  const requests = () => client.variablesOf(FeedbackItemsDocument) as FeedbackItemsQueryVariables[];
  const button = (name: string) =>
    Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (b) => b.textContent?.trim() === name,
    ) as HTMLButtonElement;
  const links = () =>
    Array.from(el.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);

  beforeEach(() => {
    client = new FakeClient();
    client.answer(FeedbackChannelsDocument, () => of({ channels: [{ ...DESK, enabled: true }] }));
    client.answer(FeedbackItemsDocument, () => page([listItem(), COMPLIMENT]));
  });

  it('lists the items with their status and overdue steps in words, each linked to its page', async () => {
    await open('/feedback');
    expect(rows()).toEqual([
      [
        '3F2A9C1B',
        '4 Mar 2030',
        'Complaint (oral)',
        'Waited 40 minutes on the phone at 8am.',
        'Tell us in person',
        'Received',
        'Acknowledgement overdue',
      ],
      [
        '77AB01CD',
        '4 Mar 2030',
        'Compliment (oral)',
        'Thank you to the nurses.',
        'Tell us in person',
        'Closed',
        '',
      ],
    ]);
    expect(el.querySelector('a[aria-label="Complaint 3F2A9C1B"]')?.getAttribute('href')).toBe(
      '/feedback/item-1',
    );
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Showing 1–2 of 2 items.');
    expect(requests()).toEqual([
      {
        filter: { status: null, kind: null, channelId: null, overdue: null, search: null },
        first: 25,
        after: null,
      },
    ]);
  });

  it('offers logging to staff, and the import only to managers', async () => {
    await open('/feedback');
    expect(links()).toContainEqual(['Log feedback', '/feedback/new']);
    expect(links()).toContainEqual(['Friends and Family Test', '/feedback/fft']);
    expect(links().map(([text]) => text)).not.toContain('Import complaints (CSV)');

    TestBed.resetTestingModule();
    await open('/feedback', 'manager');
    expect(links()).toContainEqual(['Import complaints (CSV)', '/feedback/import']);
  });

  it('takes its filters from the address, so they survive a visit to an item', async () => {
    await open('/feedback?status=received&kind=complaint&channel=c-desk&overdue=true&q=phone');
    expect(requests().at(-1)?.filter).toEqual({
      status: FeedbackStatus.Received,
      kind: FeedbackKind.Complaint,
      channelId: 'c-desk',
      overdue: true,
      search: 'phone',
    });
    expect((el.querySelector('input[type="search"]') as HTMLInputElement).value).toBe('phone');
    expect((el.querySelector('mat-checkbox input') as HTMLInputElement).checked).toBe(true);
  });

  it('ignores values in the address that are not filters', async () => {
    await open('/feedback?status=lost&kind=rant');
    expect(requests().at(-1)?.filter).toMatchObject({ status: null, kind: null });
  });

  it('searches and filters to overdue items, then clears the filters', async () => {
    await open('/feedback');
    const router = TestBed.inject(Router);
    const search = el.querySelector('input[type="search"]') as HTMLInputElement;
    search.value = '  8am ';
    search.dispatchEvent(new Event('input'));
    button('Search').click();
    await settle(harness.fixture);
    expect(router.url).toBe('/feedback?q=8am');
    expect(requests().at(-1)?.filter).toMatchObject({ search: '8am', overdue: null });

    (el.querySelector('mat-checkbox input') as HTMLInputElement).click();
    await settle(harness.fixture);
    expect(router.url).toBe('/feedback?overdue=true&q=8am');
    expect(requests().at(-1)?.filter).toMatchObject({ search: '8am', overdue: true });

    client.answer(FeedbackItemsDocument, () => page([]));
    button('Clear filters').click();
    await settle(harness.fixture);
    expect(router.url).toBe('/feedback');
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Nothing has been logged yet.',
    );
  });

  it('says when no item matches the filters', async () => {
    client.answer(FeedbackItemsDocument, () => page([]));
    await open('/feedback?kind=suggestion');
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'No feedback matches these filters.',
    );
    expect(el.querySelector('table')).toBeNull();
  });

  it('pages forward with the cursor and back again', async () => {
    client.answer(FeedbackItemsDocument, (v: FeedbackItemsQueryVariables) =>
      v.after
        ? page([COMPLIMENT], { totalCount: 26 })
        : page([listItem()], { totalCount: 26, hasNextPage: true, endCursor: 'cursor-25' }),
    );
    await open('/feedback');
    expect(button('Previous page').disabled).toBe(true);
    button('Next page').click();
    await settle(harness.fixture);
    expect(requests().map((r) => r.after)).toEqual([null, 'cursor-25']);
    expect(el.querySelector('[role="status"]')?.textContent).toContain(
      'Showing 26–26 of 26 items.',
    );
    expect(button('Next page').disabled).toBe(true);

    button('Previous page').click();
    await settle(harness.fixture);
    expect(requests().map((r) => r.after)).toEqual([null, 'cursor-25', null]);
    expect(el.querySelector('[role="status"]')?.textContent).toContain('Showing 1–1 of 26 items.');
  });

  it('shows why the list could not be loaded and tries again', async () => {
    client.answer(FeedbackItemsDocument, () =>
      throwError(() => new ApiError('FORBIDDEN', 'You do not have permission to do this.')),
    );
    await open('/feedback');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('You do not have permission');
    client.answer(FeedbackItemsDocument, () => page([listItem()]));
    button('Try again').click();
    await settle(harness.fixture);
    expect(rows()).toHaveLength(1);
  });
});
