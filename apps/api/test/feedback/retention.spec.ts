import {
  addDays,
  addMonths,
  type IsoDate,
  londonDateOf,
  retentionEndsOn,
} from '@parley/shared/domain';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import { type Actor, addChannel, BOOT_TIMEOUT_MS, codeOf, countItems } from './feedback-fixtures';

const IMPORT = `mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported problems { row field message } } }`;
const SETTINGS = '{ retentionSettings { retentionYears isDefault updatedBy } }';
const SAVE = `mutation ($years: Int!) { saveRetentionSettings(input: { retentionYears: $years }) { retentionYears isDefault updatedBy } }`;
const REVIEW_FIELDS = `feedbackId reference status receivedOn closedOn retentionEndsOn retentionReviewDue
  latestReview { id decision keepYears keepUntil reason retentionYears decidedBy }`;
const REVIEW = `query ($onlyDue: Boolean, $first: Int, $after: String) {
  retentionReview(onlyDue: $onlyDue, first: $first, after: $after) {
    totalCount dueCount retentionYears hasNextPage endCursor items { ${REVIEW_FIELDS} } } }`;
const RECORD = `mutation ($input: RecordRetentionReviewInput!) { recordRetentionReview(input: $input) { ${REVIEW_FIELDS} } }`;

interface ReviewItem {
  feedbackId: string;
  reference: string;
  status: string;
  closedOn: string;
  retentionEndsOn: string;
  retentionReviewDue: boolean;
  latestReview: {
    decision: string;
    keepYears: number | null;
    keepUntil: string | null;
    reason: string;
    retentionYears: number;
    decidedBy: string | null;
  } | null;
}
interface ReviewPage {
  totalCount: number;
  dueCount: number;
  retentionYears: number;
  hasNextPage: boolean;
  endCursor: string | null;
  items: ReviewItem[];
}

const yearsBefore = (day: IsoDate, years: number) => addMonths(day, -12 * years);

/**
 * Complaint records are kept 10 years after closure (NHS Records Management Code), longer if the
 * practice says so; then a manager reviews each one. Nothing is ever deleted.
 */
describe('retention of complaint records', () => {
  let t: TestApp;
  let wilmslow: string;
  let manager: Actor;
  let staff: Actor;
  let otherManager: Actor;
  const today = londonDateOf(new Date());
  // Closed 10 years and a day ago (past), 10 years less a day ago (not yet), 12 years ago, withdrawn.
  const pastDay = addDays(yearsBefore(today, 10), -1);
  const notYetDay = addDays(yearsBefore(today, 10), 1);
  const exactDay = yearsBefore(today, 10);
  const withdrawnDay = addDays(yearsBefore(today, 12), -3);
  const ids = new Map<string, string>();

  const review = async (variables: Record<string, unknown> = {}, actor: Actor = manager) =>
    (await t.gqlOk<{ retentionReview: ReviewPage }>(REVIEW, variables, actor)).retentionReview;
  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> =>
    t.db.dataSource.query(query, params);
  const counts = async () =>
    (
      await sql<{ items: number; texts: number; contacts: number; reviews: number }>(
        `SELECT (SELECT count(*)::int FROM feedback_items WHERE practice_id = $1) AS items,
                (SELECT count(*)::int FROM feedback_texts WHERE practice_id = $1) AS texts,
                (SELECT count(*)::int FROM feedback_contacts WHERE practice_id = $1) AS contacts,
                (SELECT count(*)::int FROM complaint_retention_reviews WHERE practice_id = $1) AS reviews`,
        [wilmslow],
      )
    )[0];
  const audits = (action: string) =>
    sql<{ entity_id: string; details: Record<string, unknown>; actor_user_id: string }>(
      `SELECT entity_id, details, actor_user_id FROM audit_events WHERE practice_id = $1 AND action = $2 ORDER BY occurred_at`,
      [wilmslow, action],
    );

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    const trumpington = await t.practiceId('trumpington-street');
    manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    staff = { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow };
    otherManager = { token: await t.tokenFor(DEMO.trumpingtonManager), practiceId: trumpington };
    await addChannel(t, wilmslow, 'letter_box', { label: 'Retention box' });

    const closedRow = (summary: string, closedOn: IsoDate) => {
      const received = addDays(closedOn, -30);
      return `${received},Retention box,${summary},complaint,closed,clinical,gp,patient,age_16_64,${addDays(received, 1)},${addDays(closedOn, -1)},${closedOn},not_upheld,yes,Retention Person`;
    };
    const csv = [
      'received_on,channel,summary,kind,status,subject_areas,staff_groups,complainant_status,age_band,acknowledged_on,responded_on,closed_on,outcome,phso_informed,contact_name',
      closedRow('RETENTION past', pastDay),
      closedRow('RETENTION not yet', notYetDay),
      closedRow('RETENTION exact', exactDay),
      `${addDays(withdrawnDay, -10)},Retention box,RETENTION withdrawn,complaint,withdrawn,,,,,,,${withdrawnDay},,,`,
      `${addDays(withdrawnDay, -10)},Retention box,RETENTION compliment,compliment,closed,,,,,,,${withdrawnDay},,,`,
      `${addDays(withdrawnDay, -10)},Retention box,RETENTION open,complaint,acknowledged,,,,,${addDays(withdrawnDay, -9)},,,,,`,
    ].join('\n');
    const imported = await t.gqlOk<{
      importComplaintsCsv: { imported: number; problems: unknown[] };
    }>(IMPORT, { csv }, manager);
    expect(imported.importComplaintsCsv).toEqual({ imported: 6, problems: [] });
    const rows = await sql<{ id: string; summary: string }>(
      `SELECT feedback_id AS id, summary FROM feedback_texts WHERE practice_id = $1 AND summary LIKE 'RETENTION %'`,
      [wilmslow],
    );
    for (const row of rows) ids.set(row.summary.replace('RETENTION ', ''), row.id);
  }, BOOT_TIMEOUT_MS);
  afterAll(() => t.close());

  it('keeps records 10 years by default', async () => {
    expect(
      (await t.gqlOk<{ retentionSettings: unknown }>(SETTINGS, {}, staff)).retentionSettings,
    ).toEqual({ retentionYears: 10, isDefault: true, updatedBy: null });
  });

  it('flags a complaint closed 10 years and a day ago, not one closed 10 years (or less a day) ago', async () => {
    const page = await review({ first: 100 });
    expect(page.retentionYears).toBe(10);
    const listed = new Map(page.items.map((i) => [i.feedbackId, i]));
    expect(listed.get(ids.get('past') as string)).toMatchObject({
      status: 'closed',
      closedOn: pastDay,
      retentionEndsOn: retentionEndsOn(pastDay, 10),
      retentionReviewDue: true,
      latestReview: null,
    });
    expect(listed.get(ids.get('withdrawn') as string)).toMatchObject({
      status: 'withdrawn',
      retentionReviewDue: true,
    });
    for (const name of ['not yet', 'exact', 'compliment', 'open'])
      expect(listed.has(ids.get(name) as string)).toBe(false);
    // Coded facts only: nothing of the summary or the contact.
    expect(JSON.stringify(page)).not.toMatch(/RETENTION|Retention Person/);
    expect(page.dueCount).toBe(page.items.filter((i) => i.retentionReviewDue).length);
  });

  it('refuses a period shorter than the Records Management Code’s 10 years, naming the field, and stores nothing', async () => {
    for (const years of [9, 0, -10]) {
      const refused = await t.gql(SAVE, { years }, manager);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].extensions?.field).toBe('retentionYears');
      expect(refused.errors?.[0].message).toMatch(/at least 10.*Records Management Code/);
    }
    expect(codeOf(await t.gql(SAVE, { years: 31 }, manager))).toBe('BAD_USER_INPUT');
    expect(
      (await t.gqlOk<{ retentionSettings: { isDefault: boolean } }>(SETTINGS, {}, manager))
        .retentionSettings.isDefault,
    ).toBe(true);
    expect(await audits('feedback.retention_settings_saved')).toEqual([]);
  });

  it('a longer period holds records back from review, audited', async () => {
    const saved = await t.gqlOk<{ saveRetentionSettings: unknown }>(SAVE, { years: 12 }, manager);
    expect(saved.saveRetentionSettings).toEqual({
      retentionYears: 12,
      isDefault: false,
      updatedBy: expect.any(String),
    });
    const page = await review({ first: 100 });
    expect(page.retentionYears).toBe(12);
    const listed = page.items.map((i) => i.feedbackId);
    expect(listed).not.toContain(ids.get('past'));
    expect(listed).toContain(ids.get('withdrawn'));

    await t.gqlOk(SAVE, { years: 10 }, manager);
    expect((await audits('feedback.retention_settings_saved')).map((a) => a.details)).toEqual([
      { retentionYears: 12, previousRetentionYears: 10 },
      { retentionYears: 10, previousRetentionYears: 12 },
    ]);
  });

  it('refuses a review before the period has run, of an open complaint, or of a compliment', async () => {
    const before = await counts();
    for (const name of ['not yet', 'exact', 'open', 'compliment']) {
      const refused = await t.gql(
        RECORD,
        {
          input: {
            feedbackId: ids.get(name),
            decision: 'approved_for_destruction',
            reason: 'too early',
          },
        },
        manager,
      );
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors?.[0].extensions?.field).toBe('feedbackId');
    }
    const notYet = await t.gql(
      RECORD,
      { input: { feedbackId: ids.get('not yet'), decision: 'keep', keepYears: 1, reason: 'x' } },
      manager,
    );
    expect(notYet.errors?.[0].message).toContain(`kept until ${retentionEndsOn(notYetDay, 10)}`);
    expect(await counts()).toEqual(before);
  });

  it('refuses a keep without years, and years with an approval, naming keepYears', async () => {
    const before = await counts();
    const keep = await t.gql(
      RECORD,
      { input: { feedbackId: ids.get('past'), decision: 'keep', reason: 'Litigation pending' } },
      manager,
    );
    expect(codeOf(keep)).toBe('BAD_USER_INPUT');
    expect(keep.errors?.[0].extensions?.field).toBe('keepYears');
    const approve = await t.gql(
      RECORD,
      {
        input: {
          feedbackId: ids.get('past'),
          decision: 'approved_for_destruction',
          keepYears: 2,
          reason: 'x',
        },
      },
      manager,
    );
    expect(approve.errors?.[0].extensions?.field).toBe('keepYears');
    const blank = await t.gql(
      RECORD,
      { input: { feedbackId: ids.get('past'), decision: 'keep', keepYears: 2, reason: '  ' } },
      manager,
    );
    expect(blank.errors?.[0].extensions?.field).toBe('reason');
    expect(await counts()).toEqual(before);
  });

  it('keeping a record for more years records the decision, audits it and deletes nothing', async () => {
    const before = await counts();
    const kept = (
      await t.gqlOk<{ recordRetentionReview: ReviewItem }>(
        RECORD,
        {
          input: {
            feedbackId: ids.get('past'),
            decision: 'keep',
            keepYears: 2,
            reason: 'A claim about this complaint is still open.',
          },
        },
        manager,
      )
    ).recordRetentionReview;
    expect(kept).toMatchObject({
      feedbackId: ids.get('past'),
      retentionReviewDue: false,
      latestReview: {
        decision: 'keep',
        keepYears: 2,
        keepUntil: addMonths(today, 24),
        reason: 'A claim about this complaint is still open.',
        retentionYears: 10,
        decidedBy: expect.any(String),
      },
    });
    expect(await counts()).toEqual({ ...before, reviews: before.reviews + 1 });
    const [audit] = await audits('feedback.retention_reviewed');
    expect(audit).toMatchObject({
      entity_id: ids.get('past'),
      actor_user_id: await t.userId(DEMO.wilmslowManager),
      details: {
        decision: 'keep',
        keepYears: 2,
        keepUntil: addMonths(today, 24),
        retentionYears: 10,
      },
    });
    expect(JSON.stringify(audit.details)).not.toContain('claim');
  });

  it('approving a record for destruction settles the review and still deletes nothing', async () => {
    const before = await counts();
    const approved = (
      await t.gqlOk<{ recordRetentionReview: ReviewItem }>(
        RECORD,
        {
          input: {
            feedbackId: ids.get('withdrawn'),
            decision: 'approved_for_destruction',
            reason: 'Reviewed: no reason to keep it.',
          },
        },
        manager,
      )
    ).recordRetentionReview;
    expect(approved).toMatchObject({
      retentionReviewDue: false,
      latestReview: { decision: 'approved_for_destruction', keepYears: null, keepUntil: null },
    });
    expect(await counts()).toEqual({ ...before, reviews: before.reviews + 1 });
    expect(await countItems(t, wilmslow)).toBe(before.items);
    // The record itself is whole and readable as before.
    const item = await t.gqlOk<{
      feedbackItem: { status: string; summary: string; history: unknown[] };
    }>(
      'query ($id: ID!) { feedbackItem(id: $id) { status summary history { to } } }',
      { id: ids.get('withdrawn') },
      manager,
    );
    expect(item.feedbackItem).toMatchObject({
      status: 'withdrawn',
      summary: 'RETENTION withdrawn',
    });

    const page = await review({ first: 100 });
    const mine = page.items.filter((i) =>
      [ids.get('past'), ids.get('withdrawn')].includes(i.feedbackId),
    );
    expect(mine.map((i) => i.retentionReviewDue)).toEqual([false, false]);
    const due = await review({ onlyDue: true, first: 100 });
    expect(due.items.map((i) => i.feedbackId)).not.toContain(ids.get('withdrawn'));
    expect(due.totalCount).toBe(page.totalCount);
    expect(due.items.every((i) => i.retentionReviewDue)).toBe(true);
  });

  it('there is no delete path: the application role may not delete records or decisions', async () => {
    for (const table of ['feedback_items', 'feedback_texts', 'complaint_retention_reviews']) {
      await expect(
        t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
          uow.query(`DELETE FROM ${table} WHERE practice_id = $1`, [wilmslow]),
        ),
      ).rejects.toThrow(/permission denied/);
    }
    await expect(
      t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
        uow.query(
          `UPDATE complaint_retention_reviews SET decision = 'keep' WHERE practice_id = $1`,
          [wilmslow],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('pages oldest closure first and refuses a cursor from elsewhere', async () => {
    const first = await review({ first: 1 });
    const all = await review({ first: 100 });
    expect(first.items).toEqual(all.items.slice(0, 1));
    if (all.items.length > 1) {
      expect(first.hasNextPage).toBe(true);
      const second = await review({ first: 1, after: first.endCursor });
      expect(second.items).toEqual(all.items.slice(1, 2));
    }
    const closedOns = all.items.map((i) => i.closedOn);
    expect([...closedOns].sort()).toEqual(closedOns);
    for (const after of ['nonsense', Buffer.from('["2024-02-30","x"]').toString('base64url')]) {
      const refused = await t.gql(REVIEW, { after }, manager);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
    }
  });

  it('staff may not review or change the period', async () => {
    for (const [query, variables] of [
      [REVIEW, {}],
      [SAVE, { years: 15 }],
      [
        RECORD,
        { input: { feedbackId: ids.get('past'), decision: 'keep', keepYears: 1, reason: 'x' } },
      ],
    ] as const) {
      expect(codeOf(await t.gql(query, variables, staff))).toBe('FORBIDDEN');
    }
  });

  it('another practice sees none of these records and cannot decide on them', async () => {
    const before = await counts();
    const theirs = await review({ first: 100 }, otherManager);
    expect(theirs.items.map((i) => i.feedbackId)).not.toContain(ids.get('past'));
    const refused = await t.gql(
      RECORD,
      {
        input: {
          feedbackId: ids.get('past'),
          decision: 'approved_for_destruction',
          reason: 'not mine',
        },
      },
      otherManager,
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});
