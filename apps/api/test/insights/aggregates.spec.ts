import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  addChannel,
  aggregate,
  allAggregates,
  closeComplaint,
  logComplaint,
  logOther,
  RESOLVED_NEXT_DAY,
  transition,
  UPDATE,
} from './insights-fixtures';

/**
 * The aggregate tables follow the log as practices use it: every step here goes through the real
 * GraphQL API (the feedback log's own operations), and the triggers' counts are compared with a
 * rebuild from scratch at the end.
 */
describe('insights aggregates follow the feedback log', () => {
  let t: TestApp;
  let wilmslow: string;
  let staff: Actor;
  let manager: Actor;
  let letters: string;
  let desk: string;

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await t.practiceId('wilmslow-health-centre');
    staff = { token: await t.tokenFor(DEMO.wilmslowStaff), practiceId: wilmslow };
    manager = { token: await t.tokenFor(DEMO.wilmslowManager), practiceId: wilmslow };
    letters = await addChannel(t, wilmslow, 'letter_box');
    desk = await addChannel(t, wilmslow, 'in_person');
  }, 180_000);
  afterAll(() => t.close());

  it('a logged complaint is counted by month, kind, channel and KO41(b) coding, as not yet acknowledged', async () => {
    const before = await aggregate(t, 'feedback_monthly', wilmslow, '2024-01');
    await logComplaint(t, staff, letters, '2024-01-10');
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-01')).toMatchObject({
      complaints: (before['complaints'] ?? 0) + 1,
      negative: (before['negative'] ?? 0) + 1,
      via_letter_box: (before['via_letter_box'] ?? 0) + 1,
    });
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-01')).toMatchObject({
      received: 1,
      not_acknowledged: 1,
      ack_within_3_days: 0,
      subject_clinical: 1,
      subject_communication: 1,
      subject_premises: 0,
      staff_gp: 1,
      age_65_74: 1,
      complainant_patient: 1,
    });
  });

  it('acknowledgement moves a complaint from "not acknowledged" to within 3 working days or late', async () => {
    // Wednesday 14 February 2024: Thursday, Friday, Monday 19 is the 3rd working day.
    const onTime = await logComplaint(t, staff, letters, '2024-02-14');
    const late = await logComplaint(t, staff, letters, '2024-02-14');
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-02')).toMatchObject({
      received: 2,
      not_acknowledged: 2,
    });
    await transition(t, staff, onTime, 'acknowledged', '2024-02-19');
    await transition(t, staff, late, 'acknowledged', '2024-02-20');
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-02')).toMatchObject({
      received: 2,
      not_acknowledged: 0,
      ack_within_3_days: 1,
      ack_late: 1,
    });
  });

  it('closing counts the outcome in the month closed; the month received keeps the complaint', async () => {
    const id = await logComplaint(t, staff, letters, '2024-03-04');
    await closeComplaint(
      t,
      staff,
      manager,
      id,
      { ack: '2024-03-05', closed: '2024-04-12' },
      'partially_upheld',
    );
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-03')).toMatchObject({
      received: 1,
      ack_within_3_days: 1,
      partially_upheld: 0,
    });
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-04')).toMatchObject({
      received: 0,
      partially_upheld: 1,
    });
  });

  it('a withdrawn complaint, or one resolved orally by the next working day, leaves the KO41(b) counts but stays a logged complaint', async () => {
    const withdrawn = await logComplaint(t, staff, letters, '2024-05-07');
    const oral = await logComplaint(t, staff, desk, '2024-05-08', {}, true);
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-05')).toMatchObject({
      received: 2,
    });
    await transition(t, manager, withdrawn, 'withdrawn', '2024-05-09');
    await t.gqlOk(RESOLVED_NEXT_DAY, { id: oral, resolvedOn: '2024-05-09' }, manager);
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-05')).toMatchObject({
      received: 0,
      not_acknowledged: 0,
      subject_clinical: 0,
    });
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-05')).toMatchObject({
      complaints: 2,
      via_letter_box: 1,
      via_in_person: 1,
    });
  });

  it('triage corrections move counts: a new kind, sentiment, channel or date decrements the old and increments the new', async () => {
    const id = await logOther(t, staff, letters, '2024-06-03', 'compliment');
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-06')).toMatchObject({
      compliments: 1,
      suggestions: 0,
      positive: 1,
      via_letter_box: 1,
    });
    await t.gqlOk(
      UPDATE,
      { id, input: { kind: 'suggestion', sentiment: 'neutral', channelId: desk } },
      staff,
    );
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-06')).toMatchObject({
      compliments: 0,
      suggestions: 1,
      positive: 0,
      neutral: 1,
      via_letter_box: 0,
      via_in_person: 1,
    });
    // An edit that changes no coded fact (the summary) moves nothing.
    const unchanged = await aggregate(t, 'feedback_monthly', wilmslow, '2024-06');
    await t.gqlOk(UPDATE, { id, input: { summary: 'Insights test suggestion, reworded.' } }, staff);
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-06')).toEqual(unchanged);
  });

  it('a channel that changes kind takes its counts with it', async () => {
    const phone = await addChannel(t, wilmslow, 'phone');
    await logOther(t, staff, phone, '2024-07-01', 'compliment');
    await logOther(t, staff, phone, '2024-08-01', 'suggestion', 'neutral');
    await t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
      uow.query(`UPDATE feedback_channels SET kind = 'email' WHERE practice_id = $1 AND id = $2`, [
        wilmslow,
        phone,
      ]),
    );
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-07')).toMatchObject({
      via_phone: 0,
      via_email: 1,
    });
    expect(await aggregate(t, 'feedback_monthly', wilmslow, '2024-08')).toMatchObject({
      via_phone: 0,
      via_email: 1,
    });
  });

  it('Friends and Family Test answers are counted by month and rating', async () => {
    const record = `mutation ($input: RecordFftResponseInput!) { recordFftResponse(input: $input) { id } }`;
    await t.gqlOk(
      record,
      { input: { rating: 'very_good', respondedOn: '2024-09-02', comment: 'Lovely staff.' } },
      staff,
    );
    await t.gqlOk(record, { input: { rating: 'poor', respondedOn: '2024-09-03' } }, staff);
    expect(await aggregate(t, 'fft_monthly', wilmslow, '2024-09')).toMatchObject({
      very_good: 1,
      poor: 1,
      good: 0,
    });
  });

  it('a bank holiday proclaimed later moves the due day of complaints received just before it', async () => {
    // Friday 16 February 2024 made a holiday: the complaints of Wednesday 14th are due on Tuesday 20th.
    const admin = await t.tokenFor(DEMO.admin);
    await t.gqlOk(
      'mutation { addBankHoliday(date: "2024-02-16", name: "Insights test holiday") { date } }',
      {},
      { token: admin },
    );
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-02')).toMatchObject({
      received: 2,
      ack_within_3_days: 2,
      ack_late: 0,
    });
  });

  it('social-media incidents are counted by month seen (UK time), severity and platform; ladder steps by month taken', async () => {
    const logged = await t.gqlOk<{ logIncident: { id: string } }>(
      `mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }`,
      {
        input: {
          platform: 'facebook',
          link: 'https://www.facebook.com/groups/example/posts/1',
          // 23:30 UTC on 31 March is 00:30 on 1 April in the UK (BST).
          seenAt: '2024-03-31T23:30:00Z',
          reportedBy: 'Reception',
          summary: 'Insights test incident.',
          severity: 'abusive',
          staffNamed: true,
        },
      },
      staff,
    );
    await t.gqlOk(
      `mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { __typename } }`,
      {
        input: {
          incidentId: logged.logIncident.id,
          kind: 'invite_discussion',
          takenOn: '2024-05-02',
        },
      },
      staff,
    );
    expect(await aggregate(t, 'incident_monthly', wilmslow, '2024-04')).toMatchObject({
      incidents: 1,
      severity_3: 1,
      platform_facebook: 1,
      staff_named: 1,
      invite_discussion: 0,
    });
    expect(await aggregate(t, 'incident_monthly', wilmslow, '2024-05')).toMatchObject({
      incidents: 0,
      invite_discussion: 1,
    });
  });

  it("the application role cannot write the aggregates (only the triggers' owner can)", async () => {
    await expect(
      t.db.run({ tenantPracticeId: wilmslow }, (uow) =>
        uow.query(`UPDATE insights.feedback_monthly SET complaints = 0 WHERE practice_id = $1`, [
          wilmslow,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('statements of many rows (an import, a bulk correction) take the set-based path and agree with the row path', async () => {
    // 20 complaints in one statement, acknowledged in one statement, then a few removed by the owner.
    await t.db.run({ tenantPracticeId: wilmslow }, async (uow) => {
      await uow.query(
        `INSERT INTO feedback_items (practice_id, channel_id, source, received_at, received_on, kind, sentiment, subject_areas, staff_groups, complainant_status, age_band)
         SELECT $1, $2, 'import', d + time '09:00', d, 'complaint', 'negative', '{premises}', '{other}', 'representative', 'age_85_plus'
           FROM generate_series('2024-10-01'::date, '2024-10-20'::date, interval '1 day') AS g(d)`,
        [wilmslow, letters],
      );
      await uow.query(
        `UPDATE feedback_items SET status = 'acknowledged', acknowledged_on = received_on + 2
          WHERE practice_id = $1 AND received_on BETWEEN '2024-10-01' AND '2024-10-20' AND source = 'import'`,
        [wilmslow],
      );
    });
    const october = await aggregate(t, 'complaint_monthly', wilmslow, '2024-10');
    expect(october).toMatchObject({
      received: 20,
      not_acknowledged: 0,
      subject_premises: 20,
      age_85_plus: 20,
    });
    expect(october['ack_within_3_days']! + october['ack_late']!).toBe(20);
    await t.db.dataSource.query(
      `DELETE FROM feedback_items WHERE practice_id = $1 AND received_on = '2024-10-01' AND source = 'import'`,
      [wilmslow],
    );
    expect(await aggregate(t, 'complaint_monthly', wilmslow, '2024-10')).toMatchObject({
      received: 19,
      subject_premises: 19,
    });
  });

  it('what the triggers kept equals a rebuild from the practice tables with the same statements', async () => {
    const kept = await allAggregates(t);
    await t.db.dataSource.query('SELECT insights.rebuild()');
    expect(await allAggregates(t)).toEqual(kept);
  });
});
