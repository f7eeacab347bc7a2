import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  addChannel,
  codeOf,
  complaintInput,
  countItems,
  type Item,
  ITEM,
  LIST,
  LOG,
  logItem,
  BOOT_TIMEOUT_MS,
  setClocks,
} from './feedback-fixtures';

describe('feedback log: logging, triage and reading', () => {
  let t: TestApp;
  let wilmslow: string;
  let trumpington: string;
  let staff: Actor;
  let manager: Actor;
  let trumpingtonManager: Actor;
  let deskChannel: string;
  let letterChannel: string;
  let trumpingtonChannel: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    trumpington = await t.practiceId('trumpington-street');
    staff = { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow };
    manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    await setClocks(t, manager);
    trumpingtonManager = {
      token: await t.tokenFor(DEMO.trumpingtonManager),
      practiceId: trumpington,
    };
    deskChannel = await addChannel(t, wilmslow, 'in_person', { label: 'Reception desk (test)' });
    letterChannel = await addChannel(t, wilmslow, 'letter_box', {
      label: 'Old letter box (test)',
      enabled: false,
    });
    trumpingtonChannel = await addChannel(t, trumpington, 'in_person');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('starts with the demo log and FFT answers of the customer practices', async () => {
    const list = await t.gqlOk<{
      feedbackItems: { totalCount: number; items: { kind: string; status: string }[] };
    }>(LIST, { first: 100 }, manager);
    expect(list.feedbackItems.totalCount).toBeGreaterThanOrEqual(6);
    expect(new Set(list.feedbackItems.items.map((i) => i.kind))).toEqual(
      new Set(['complaint', 'compliment', 'suggestion']),
    );
    const overdue = await t.gqlOk<{ overdueFeedback: { total: number } }>(
      '{ overdueFeedback { total } }',
      {},
      manager,
    );
    expect(overdue.overdueFeedback.total).toBeGreaterThan(0);
    const month = new Date().toISOString().slice(0, 7);
    const sixAgo = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 7);
    const fft = await t.gqlOk<{ fftMonthlyCounts: { total: number }[] }>(
      `{ fftMonthlyCounts(from: "${sixAgo}", to: "${month}") { total } }`,
      {},
      manager,
    );
    expect(fft.fftMonthlyCounts.reduce((sum, m) => sum + m.total, 0)).toBeGreaterThan(100);
  });

  it('staff log a verbal complaint at the desk, with coding, contact and the first history step', async () => {
    const item = await logItem(
      t,
      staff,
      complaintInput(deskChannel, {
        contact: { name: 'A. Patient', email: 'A.Patient@Example.com', phone: '01625 123456' },
      }),
    );
    expect(item).toMatchObject({
      source: 'staff',
      kind: 'complaint',
      sentiment: 'negative',
      oral: true,
      status: 'received',
      receivedOn: '2025-03-13',
      allowedTransitions: ['acknowledged', 'withdrawn'],
      channel: { id: deskChannel, kind: 'in_person', label: 'Reception desk (test)' },
      coding: {
        subjectAreas: ['access_appointments'],
        staffGroups: ['admin_reception'],
        complainantStatus: 'patient',
        ageBand: 'age_16_64',
        complete: true,
      },
      contact: { name: 'A. Patient', email: 'a.patient@example.com', phone: '01625 123456' },
      timeLimitFlagged: false,
    });
    expect(item.reference).toBe(item.id.slice(0, 8).toUpperCase());
    expect(item.history).toEqual([
      expect.objectContaining({
        from: null,
        to: 'received',
        effectiveOn: '2025-03-13',
        by: expect.objectContaining({ name: 'Sam Reception' }),
      }),
    ]);
    // Thursday 13 March 2025: Friday is day 1, the weekend is skipped, Tuesday 18 is day 3.
    expect(item.clocks?.acknowledgementDue).toBe('2025-03-18');
    expect(item.clocks?.delayLetterDue).toBe('2025-09-13');
  });

  it('logs compliments and suggestions without clocks or coding, through a switched-off channel too', async () => {
    const item = await logItem(t, staff, {
      channelId: letterChannel,
      receivedAt: '2025-05-02T09:00:00Z',
      kind: 'compliment',
      sentiment: 'positive',
      summary: 'A thank-you card for the nursing team.',
    });
    expect(item).toMatchObject({
      kind: 'compliment',
      oral: false,
      clocks: null,
      coding: null,
      contact: null,
      allowedTransitions: ['acknowledged', 'closed', 'withdrawn'],
    });
  });

  it('refuses bad input naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [complaintInput(deskChannel, { summary: '   ' }), 'summary'],
      [complaintInput(deskChannel, { summary: 'x'.repeat(4001) }), 'summary'],
      [
        complaintInput(deskChannel, {
          receivedAt: new Date(Date.now() + 86_400_000).toISOString(),
        }),
        'receivedAt',
      ],
      [complaintInput(deskChannel, { eventOn: '2025-02-30' }), 'eventOn'],
      [complaintInput(deskChannel, { eventOn: '2025-04-01' }), 'eventOn'],
      [complaintInput(deskChannel, { eventOn: '2025-01-10', awareOn: '2025-01-01' }), 'awareOn'],
      [complaintInput(deskChannel, { contact: { email: 'not-an-email' } }), 'contact.email'],
      [{ ...complaintInput(deskChannel), kind: 'suggestion', sentiment: 'neutral' }, 'coding'],
    ];
    for (const [input, field] of cases) {
      const result = await t.gql(LOG, { input }, staff);
      expect({ field, extensions: result.errors?.[0]?.extensions }).toEqual({
        field,
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });

  it('refuses a channel of another practice as not found, and stores nothing', async () => {
    const before = [await countItems(t, wilmslow), await countItems(t, trumpington)];
    const result = await t.gql(LOG, { input: complaintInput(trumpingtonChannel) }, staff);
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect([await countItems(t, wilmslow), await countItems(t, trumpington)]).toEqual(before);
  });

  it('flags a complaint made after the 12-month time limit, and only a manager may waive it', async () => {
    const late = complaintInput(deskChannel, {
      receivedAt: '2025-06-10T10:00:00Z',
      eventOn: '2024-05-01',
    });
    const flagged = await logItem(t, staff, late);
    expect(flagged.timeLimitFlagged).toBe(true);
    expect(flagged.clocks?.timeLimit).toEqual({
      limitDate: '2025-05-01',
      withinLimit: false,
      waived: false,
      waivedBecause: null,
    });

    const aware = await logItem(
      t,
      staff,
      complaintInput(deskChannel, {
        receivedAt: '2025-06-10T10:00:00Z',
        eventOn: '2024-05-01',
        awareOn: '2024-08-01',
      }),
    );
    expect(aware.timeLimitFlagged).toBe(false);
    expect(aware.clocks?.timeLimit).toMatchObject({ limitDate: '2025-08-01', withinLimit: true });

    const waiverByStaff = await t.gql(
      LOG,
      { input: { ...late, timeLimitWaivedBecause: 'Bereavement delayed the complaint.' } },
      staff,
    );
    expect(codeOf(waiverByStaff)).toBe('FORBIDDEN');
    const nothingToWaive = await t.gql(
      LOG,
      {
        input: complaintInput(deskChannel, {
          eventOn: '2025-03-01',
          timeLimitWaivedBecause: 'Why not.',
        }),
      },
      manager,
    );
    expect(nothingToWaive.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'timeLimitWaivedBecause',
    });

    const waived = await t.gqlOk<{ waiveTimeLimit: Item }>(
      `mutation ($id: ID!) { waiveTimeLimit(id: $id, because: "The complainant was in hospital for most of the year.") { timeLimitFlagged clocks { timeLimit { waived waivedBecause } } } }`,
      { id: flagged.id },
      manager,
    );
    expect(waived.waiveTimeLimit).toMatchObject({
      timeLimitFlagged: false,
      clocks: {
        timeLimit: {
          waived: true,
          waivedBecause: 'The complainant was in hospital for most of the year.',
        },
      },
    });
    const byStaff = await t.gql(
      `mutation ($id: ID!) { waiveTimeLimit(id: $id, because: "x") { id } }`,
      { id: aware.id },
      staff,
    );
    expect(codeOf(byStaff)).toBe('FORBIDDEN');
  });

  it('triage: staff correct the kind, coding and dates of an open item', async () => {
    const item = await logItem(t, staff, {
      channelId: deskChannel,
      receivedAt: '2025-07-01T11:00:00Z',
      kind: 'suggestion',
      sentiment: 'neutral',
      summary: 'The car park is hard to get into.',
    });
    const UPDATE = `mutation ($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { kind sentiment coding { subjectAreas complete } eventOn clocks { acknowledgementDue } } }`;
    const updated = await t.gqlOk<{ updateFeedback: Partial<Item> }>(
      UPDATE,
      {
        id: item.id,
        input: {
          kind: 'complaint',
          sentiment: 'negative',
          coding: { subjectAreas: ['premises', 'premises'], staffGroups: [] },
          eventOn: '2025-06-28',
        },
      },
      staff,
    );
    expect(updated.updateFeedback).toEqual({
      kind: 'complaint',
      sentiment: 'negative',
      coding: { subjectAreas: ['premises'], complete: false },
      eventOn: '2025-06-28',
      clocks: { acknowledgementDue: '2025-07-04' },
    });
    const back = await t.gqlOk<{ updateFeedback: Partial<Item> }>(
      UPDATE,
      { id: item.id, input: { kind: 'suggestion', sentiment: 'neutral' } },
      staff,
    );
    expect(back.updateFeedback).toEqual({
      kind: 'suggestion',
      sentiment: 'neutral',
      coding: null,
      eventOn: null,
      clocks: null,
    });
    const bad = await t.gql(UPDATE, { id: item.id, input: { eventOn: '2025-06-01' } }, staff);
    expect(bad.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'eventOn' });
  });

  it('lists newest first with filters, search and pagination (at most 100 a page)', async () => {
    for (let i = 0; i < 5; i++) {
      await logItem(t, staff, {
        channelId: deskChannel,
        receivedAt: `2025-08-0${i + 1}T09:00:00Z`,
        kind: 'suggestion',
        sentiment: 'neutral',
        summary: `Paging suggestion number ${i} about 100%_wild cards`,
      });
    }
    const first = await t.gqlOk<{
      feedbackItems: { totalCount: number; hasNextPage: boolean; endCursor: string; items: Item[] };
    }>(LIST, { filter: { search: 'paging suggestion' }, first: 2 }, staff);
    expect(first.feedbackItems.totalCount).toBe(5);
    expect(first.feedbackItems.items.map((i) => i.receivedOn)).toEqual([
      '2025-08-05',
      '2025-08-04',
    ]);
    expect(first.feedbackItems.items[0].history).toEqual([{ to: 'received' }]);
    const rest = await t.gqlOk<{ feedbackItems: { hasNextPage: boolean; items: Item[] } }>(
      LIST,
      { filter: { search: 'paging suggestion' }, first: 100, after: first.feedbackItems.endCursor },
      staff,
    );
    expect(rest.feedbackItems.items.map((i) => i.receivedOn)).toEqual([
      '2025-08-03',
      '2025-08-02',
      '2025-08-01',
    ]);
    expect(rest.feedbackItems.hasNextPage).toBe(false);

    // LIKE wildcards in the search are taken literally.
    const wild = await t.gqlOk<{ feedbackItems: { totalCount: number } }>(
      LIST,
      { filter: { search: '100%_wild' } },
      staff,
    );
    expect(wild.feedbackItems.totalCount).toBe(5);
    const none = await t.gqlOk<{ feedbackItems: { totalCount: number } }>(
      LIST,
      { filter: { search: '100%_x' } },
      staff,
    );
    expect(none.feedbackItems.totalCount).toBe(0);

    const byContact = await t.gqlOk<{ feedbackItems: { items: Item[] } }>(
      LIST,
      { filter: { search: 'a. patient' } },
      staff,
    );
    expect(byContact.feedbackItems.items.map((i) => i.contact?.name)).toEqual(['A. Patient']);
    const byReference = byContact.feedbackItems.items[0].reference;
    const found = await t.gqlOk<{ feedbackItems: { items: Item[] } }>(
      LIST,
      { filter: { search: byReference.toLowerCase() } },
      staff,
    );
    expect(found.feedbackItems.items.map((i) => i.reference)).toEqual([byReference]);

    const compliments = await t.gqlOk<{ feedbackItems: { items: Item[] } }>(
      LIST,
      { filter: { kind: 'compliment', channelId: letterChannel } },
      staff,
    );
    expect(compliments.feedbackItems.items.map((i) => i.kind)).toEqual(['compliment']);

    const tooMany = await t.gql(LIST, { first: 101 }, staff);
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await t.gql(LIST, { after: 'nonsense' }, staff);
    expect(badCursor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('the auditor and people of other practices are refused; ids of another practice are not found', async () => {
    const auditor = await t.tokenFor(DEMO.cheshireAuditor);
    expect(codeOf(await t.gql(LIST, {}, { token: auditor }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LIST, {}, { token: auditor, practiceId: wilmslow }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await t.gql(LIST, {}, { token: staff.token, practiceId: trumpington }))).toBe(
      'FORBIDDEN',
    );

    const theirs = await logItem(
      t,
      trumpingtonManager,
      complaintInput(trumpingtonChannel, {
        contact: { name: 'Trumpington Contact', email: 'contact@trumpington.example' },
      }),
    );
    const read = await t.gql(ITEM, { id: theirs.id }, manager);
    expect(codeOf(read)).toBe('NOT_FOUND');
    expect(JSON.stringify(read)).not.toMatch(/Trumpington Contact|contact@trumpington/);
    const list = await t.gqlOk(LIST, { first: 100 }, manager);
    expect(JSON.stringify(list)).not.toMatch(/Trumpington Contact|contact@trumpington/);
    expect(
      JSON.stringify(await t.gqlOk(LIST, { filter: { search: 'Trumpington Contact' } }, manager)),
    ).toContain('"totalCount":0');

    const update = await t.gql(
      `mutation ($id: ID!) { updateFeedback(id: $id, input: { summary: "changed" }) { id } }`,
      { id: theirs.id },
      manager,
    );
    expect(codeOf(update)).toBe('NOT_FOUND');
    const still = await t.gqlOk<{ feedbackItem: Item }>(
      ITEM,
      { id: theirs.id },
      trumpingtonManager,
    );
    expect(still.feedbackItem.summary).toBe(theirs.summary);
    expect(still.feedbackItem.contact?.name).toBe('Trumpington Contact');
  });

  it('audits every change without patient details', async () => {
    const rows = await t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
      uow.query<{ action: string; details: unknown }>(
        `SELECT action, details FROM audit_events WHERE practice_id = $1 AND entity_type = 'feedback_item'`,
        [wilmslow],
      ),
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['feedback.logged', 'feedback.updated', 'feedback.time_limit_waived']),
    );
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(
      /A\. Patient|a\.patient@example\.com|01625|Waited 40 minutes|hospital/,
    );
  });
});
