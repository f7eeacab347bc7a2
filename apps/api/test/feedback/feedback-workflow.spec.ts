import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  addChannel,
  codeOf,
  complaintInput,
  type Item,
  ITEM,
  LIST,
  logItem,
  TRANSITION,
  BOOT_TIMEOUT_MS,
  setClocks,
} from './feedback-fixtures';

const RESOLVE = `mutation ($id: ID!, $resolvedOn: String) { markResolvedNextWorkingDay(id: $id, resolvedOn: $resolvedOn) {
  status outsideRegulations closedOn clocks { acknowledgementDue } history { from to note } } }`;
const OVERDUE = `{ overdueFeedback { total acknowledgementOverdue { id clocks { acknowledgementDue } } delayLetterDue { id clocks { delayLetterDue delayLetterOverdue } } } }`;

describe('feedback workflow and statutory clocks', () => {
  let t: TestApp;
  let wilmslow: string;
  let staff: Actor;
  let manager: Actor;
  let desk: string;
  let admin: string;

  const move = (actor: Actor, id: string, to: string, extra: Record<string, unknown> = {}) =>
    t.gql<{ transitionFeedback: Item }>(TRANSITION, { id, to, ...extra }, actor);
  const moveOk = async (
    actor: Actor,
    id: string,
    to: string,
    extra: Record<string, unknown> = {},
  ) => {
    const result = await move(actor, id, to, extra);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.transitionFeedback;
  };

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    staff = { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow };
    manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    await setClocks(t, manager);
    admin = await t.tokenFor(DEMO.admin);
    desk = await addChannel(t, wilmslow, 'in_person');
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('walks a complaint through every step, recording who and when; staff acknowledge, managers do the rest', async () => {
    const item = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2025-03-13T10:00:00Z' }),
    );
    const acknowledged = await moveOk(staff, item.id, 'acknowledged', {
      effectiveOn: '2025-03-14',
      note: 'Letter sent.',
    });
    expect(acknowledged).toMatchObject({
      status: 'acknowledged',
      acknowledgedOn: '2025-03-14',
      allowedTransitions: ['investigating', 'withdrawn'],
    });
    expect(acknowledged.clocks).toMatchObject({
      acknowledgementOverdue: false,
      acknowledgedInTime: true,
    });

    expect(codeOf(await move(staff, item.id, 'investigating'))).toBe('FORBIDDEN');
    await moveOk(manager, item.id, 'investigating', { effectiveOn: '2025-03-17' });

    const noPhso = await move(manager, item.id, 'responded', { effectiveOn: '2025-04-01' });
    expect(noPhso.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'phsoInformed',
    });
    const responded = await moveOk(manager, item.id, 'responded', {
      effectiveOn: '2025-04-01',
      phsoInformed: true,
    });
    expect(responded).toMatchObject({
      status: 'responded',
      respondedOn: '2025-04-01',
      phsoInformed: true,
    });
    expect(responded.clocks?.delayLetterOverdue).toBe(false);

    const noOutcome = await move(manager, item.id, 'closed', { effectiveOn: '2025-04-02' });
    expect(noOutcome.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
    const closed = await moveOk(manager, item.id, 'closed', {
      effectiveOn: '2025-04-02',
      outcome: 'partially_upheld',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      closedOn: '2025-04-02',
      outcome: 'partially_upheld',
      allowedTransitions: [],
    });
    expect(closed.history.map((h) => [h.from, h.to, h.effectiveOn, h.by?.name])).toEqual([
      [null, 'received', '2025-03-13', 'Sam Reception'],
      ['received', 'acknowledged', '2025-03-14', 'Sam Reception'],
      ['acknowledged', 'investigating', '2025-03-17', 'Wendy Manager'],
      ['investigating', 'responded', '2025-04-01', 'Wendy Manager'],
      ['responded', 'closed', '2025-04-02', 'Wendy Manager'],
    ]);
    expect(closed.history[1].note).toBe('Letter sent.');
  });

  it('refuses steps out of order, from final statuses, and dates that go backwards or into the future', async () => {
    const item = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2025-03-13T10:00:00Z' }),
    );
    const skip = await move(manager, item.id, 'responded', { phsoInformed: true });
    expect(skip.errors?.[0]).toMatchObject({
      message:
        'A complaint that is received cannot move to responded; next it can move to acknowledged or withdrawn.',
      extensions: { code: 'CONFLICT', field: 'to' },
    });
    expect(codeOf(await move(manager, item.id, 'received'))).toBe('CONFLICT');
    const early = await move(staff, item.id, 'acknowledged', { effectiveOn: '2025-03-12' });
    expect(early.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'effectiveOn' });
    const future = await move(staff, item.id, 'acknowledged', { effectiveOn: '2099-01-01' });
    expect(future.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'effectiveOn',
    });
    const outcomeTooSoon = await move(staff, item.id, 'acknowledged', { outcome: 'upheld' });
    expect(outcomeTooSoon.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'outcome',
    });

    expect(codeOf(await move(staff, item.id, 'withdrawn'))).toBe('FORBIDDEN');
    const withdrawn = await moveOk(manager, item.id, 'withdrawn', {
      note: 'The complainant withdrew by phone.',
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', allowedTransitions: [] });
    expect(withdrawn.clocks?.acknowledgementOverdue).toBe(false);
    const after = await move(manager, item.id, 'acknowledged');
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT', field: 'to' } });
    expect(after.errors?.[0]?.message).toMatch(/withdrawn is final/);
  });

  it('closing a complaint needs its KO41(b) coding', async () => {
    const item = await logItem(t, staff, complaintInput(desk, { coding: null }));
    for (const [to, extra] of [
      ['acknowledged', {}],
      ['investigating', {}],
      ['responded', { phsoInformed: true }],
    ] as const) {
      await moveOk(manager, item.id, to, extra);
    }
    const uncoded = await move(manager, item.id, 'closed', { outcome: 'not_upheld' });
    expect(uncoded.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'coding.subjectAreas',
    });
  });

  it('compliments and suggestions may be closed straight away, by a manager', async () => {
    const item = await logItem(t, staff, {
      channelId: desk,
      receivedAt: '2025-05-01T09:00:00Z',
      kind: 'compliment',
      sentiment: 'positive',
      summary: 'Lovely nurse.',
    });
    expect(codeOf(await move(staff, item.id, 'closed'))).toBe('FORBIDDEN');
    const closed = await moveOk(manager, item.id, 'closed');
    expect(closed).toMatchObject({ status: 'closed', outcome: null, clocks: null });
    const withOutcome = await logItem(t, staff, {
      channelId: desk,
      receivedAt: '2025-05-01T09:00:00Z',
      kind: 'suggestion',
      sentiment: 'neutral',
      summary: 'More chairs.',
    });
    expect(
      (await move(manager, withOutcome.id, 'closed', { outcome: 'upheld' })).errors?.[0]
        ?.extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'outcome' });
  });

  it('an oral complaint resolved by the next working day falls outside the regulations', async () => {
    // Friday 14 March 2025: the next working day is Monday 17 March.
    const item = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2025-03-14T16:00:00Z', oral: true }),
    );
    expect(codeOf(await t.gql(RESOLVE, { id: item.id, resolvedOn: '2025-03-17' }, staff))).toBe(
      'FORBIDDEN',
    );
    const late = await t.gql(RESOLVE, { id: item.id, resolvedOn: '2025-03-18' }, manager);
    expect(late.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'resolvedOn' });
    expect(late.errors?.[0]?.message).toContain('2025-03-17');
    const resolved = await t.gqlOk<{ markResolvedNextWorkingDay: Partial<Item> }>(
      RESOLVE,
      { id: item.id, resolvedOn: '2025-03-17' },
      manager,
    );
    expect(resolved.markResolvedNextWorkingDay).toMatchObject({
      status: 'closed',
      outsideRegulations: true,
      closedOn: '2025-03-17',
      clocks: null,
    });
    expect(resolved.markResolvedNextWorkingDay.history?.[1]).toMatchObject({
      from: 'received',
      to: 'closed',
    });

    const written = await logItem(t, staff, complaintInput(desk, { oral: false }));
    const refused = await t.gql(RESOLVE, { id: written.id }, manager);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'id' });
  });

  it('acknowledgement is due on the 3rd working day: across a weekend, Christmas and Easter', async () => {
    const due = async (receivedAt: string) =>
      (await logItem(t, staff, complaintInput(desk, { receivedAt }))).clocks?.acknowledgementDue;
    expect(await due('2025-03-13T10:00:00Z')).toBe('2025-03-18'); // Thursday: Friday, Monday, Tuesday
    expect(await due('2025-12-24T10:00:00Z')).toBe('2025-12-31'); // Christmas Day and Boxing Day, then the weekend
    expect(await due('2025-04-17T10:00:00Z')).toBe('2025-04-24'); // Good Friday and Easter Monday
    expect(await due('2025-03-15T10:00:00Z')).toBe('2025-03-19'); // received on a Saturday
    expect(await due('2025-06-30T23:30:00Z')).toBe('2025-07-04'); // 00:30 on 1 July in London (BST)
  });

  it('the clocks read the bank holiday table, which a platform admin extends', async () => {
    const item = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2017-12-22T10:00:00Z' }),
    );
    expect(item.clocks?.acknowledgementDue).toBe('2017-12-27'); // 2017 is not in the shipped table
    const ADD = `mutation ($date: String!, $name: String!) { addBankHoliday(date: $date, name: $name) { date name } }`;
    expect(codeOf(await t.gql(ADD, { date: '2017-12-25', name: 'Christmas Day' }, manager))).toBe(
      'FORBIDDEN',
    );
    expect(
      (await t.gqlOk(ADD, { date: '2017-12-25', name: 'Christmas Day' }, { token: admin }))
        .addBankHoliday,
    ).toEqual({ date: '2017-12-25', name: 'Christmas Day' });
    await t.gqlOk(ADD, { date: '2017-12-26', name: 'Boxing Day' }, { token: admin });
    expect(
      (await t.gql(ADD, { date: '2017-12-26', name: 'Again' }, { token: admin })).errors?.[0]
        ?.extensions,
    ).toEqual({ code: 'CONFLICT', field: 'date' });
    expect(
      (await t.gql(ADD, { date: '2017-12-23', name: 'A Saturday' }, { token: admin })).errors?.[0]
        ?.extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'date' });
    const reread = await t.gqlOk<{ feedbackItem: Item }>(ITEM, { id: item.id }, staff);
    expect(reread.feedbackItem.clocks?.acknowledgementDue).toBe('2017-12-29');

    const holidays = await t.gqlOk<{ bankHolidays: { date: string; name: string }[] }>(
      `{ bankHolidays(year: 2025) { date name } }`,
      {},
      staff,
    );
    expect(holidays.bankHolidays).toContainEqual({ date: '2025-04-18', name: 'Good Friday' });
    expect(holidays.bankHolidays).toContainEqual({ date: '2025-12-26', name: 'Boxing Day' });
    expect(holidays.bankHolidays).toHaveLength(8);
    const substitutes = await t.gqlOk<{ bankHolidays: { date: string; name: string }[] }>(
      `{ bankHolidays(year: 2022) { date name } }`,
      {},
      staff,
    );
    expect(substitutes.bankHolidays).toEqual(
      expect.arrayContaining([
        { date: '2022-01-03', name: "New Year's Day (substitute day)" },
        { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
        { date: '2022-12-26', name: 'Boxing Day' },
        { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
      ]),
    );
  });

  it('overdue items surface for the home page and the inbox filter; a delay letter settles its clock', async () => {
    const unacknowledged = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2025-12-01T10:00:00Z' }),
    );
    const acknowledgedLate = await logItem(
      t,
      staff,
      complaintInput(desk, { receivedAt: '2025-12-01T10:00:00Z' }),
    );
    await moveOk(staff, acknowledgedLate.id, 'acknowledged', { effectiveOn: '2025-12-10' });
    const overdue = await t.gqlOk<{
      overdueFeedback: {
        total: number;
        acknowledgementOverdue: { id: string }[];
        delayLetterDue: { id: string }[];
      };
    }>(OVERDUE, {}, staff);
    const ackIds = overdue.overdueFeedback.acknowledgementOverdue.map((i) => i.id);
    expect(ackIds).toContain(unacknowledged.id);
    expect(ackIds).not.toContain(acknowledgedLate.id);
    // Received 1 December 2025: the six-month delay letter was due on 1 June 2026.
    const delayIds = overdue.overdueFeedback.delayLetterDue.map((i) => i.id);
    expect(delayIds).toEqual(expect.arrayContaining([unacknowledged.id, acknowledgedLate.id]));

    const filtered = await t.gqlOk<{ feedbackItems: { items: { id: string }[] } }>(
      LIST,
      { filter: { overdue: true }, first: 100 },
      staff,
    );
    expect(filtered.feedbackItems.items.map((i) => i.id)).toEqual(
      expect.arrayContaining([unacknowledged.id, acknowledgedLate.id]),
    );
    const notOverdue = await t.gqlOk<{ feedbackItems: { items: { id: string }[] } }>(
      LIST,
      { filter: { overdue: false }, first: 100 },
      staff,
    );
    expect(notOverdue.feedbackItems.items.map((i) => i.id)).not.toContain(unacknowledged.id);

    const LETTER = `mutation ($id: ID!) { recordDelayLetter(id: $id, sentOn: "2026-05-20") { clocks { delayLetterOverdue delayLetterSentOn } } }`;
    expect(codeOf(await t.gql(LETTER, { id: acknowledgedLate.id }, staff))).toBe('FORBIDDEN');
    const letter = await t.gqlOk<{ recordDelayLetter: Item }>(
      LETTER,
      { id: acknowledgedLate.id },
      manager,
    );
    expect(letter.recordDelayLetter.clocks).toEqual({
      delayLetterOverdue: false,
      delayLetterSentOn: '2026-05-20',
    });
    const after = await t.gqlOk<{ overdueFeedback: { delayLetterDue: { id: string }[] } }>(
      OVERDUE,
      {},
      staff,
    );
    expect(after.overdueFeedback.delayLetterDue.map((i) => i.id)).not.toContain(
      acknowledgedLate.id,
    );
  });

  it("the practice's own (stricter) clock settings apply, and alerts follow the log", async () => {
    const trumpington = await t.practiceId('trumpington-street');
    const tManager = { token: await t.tokenFor(DEMO.trumpingtonManager), practiceId: trumpington };
    const channel = await addChannel(t, trumpington, 'in_person');
    await setClocks(t, tManager, { ackWorkingDays: 2, delayLetterMonths: 4, timeLimitMonths: 18 });
    const item = await logItem(
      t,
      tManager,
      complaintInput(channel, { receivedAt: '2025-03-13T10:00:00Z', eventOn: '2024-01-01' }),
    );
    expect(item.clocks).toMatchObject({
      acknowledgementDue: '2025-03-17',
      delayLetterDue: '2025-07-13',
      timeLimit: { limitDate: '2025-07-01', withinLimit: true },
    });
    expect(item.timeLimitFlagged).toBe(false);

    const alerts = await t.gqlOk<{ alerts: { subjectId: string | null; due: string | null }[] }>(
      '{ alerts(limit: 500) { subjectId due } }',
      {},
      tManager,
    );
    expect(alerts.alerts).toContainEqual({ subjectId: item.id, due: '2025-03-17' });
  });

  it('the auditor is refused; a Wilmslow person cannot move a Trumpington item', async () => {
    const auditor = await t.tokenFor(DEMO.cheshireAuditor);
    expect(codeOf(await t.gql(OVERDUE, {}, { token: auditor }))).toBe('FORBIDDEN');
    const trumpington = await t.practiceId('trumpington-street');
    const theirs = await logItem(
      t,
      { token: await t.tokenFor(DEMO.trumpingtonStaff), practiceId: trumpington },
      complaintInput(await addChannel(t, trumpington, 'phone')),
    );
    expect(codeOf(await move(manager, theirs.id, 'acknowledged'))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RESOLVE, { id: theirs.id }, manager))).toBe('NOT_FOUND');
    const still = await t.gqlOk<{ feedbackItem: Item }>(
      ITEM,
      { id: theirs.id },
      { token: await t.tokenFor(DEMO.trumpingtonManager), practiceId: trumpington },
    );
    expect(still.feedbackItem.status).toBe('received');
    expect(still.feedbackItem.history).toHaveLength(1);
  });
});
