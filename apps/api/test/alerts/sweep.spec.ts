import { AlertSweepService, FeedbackAlertsService } from '@parley/api/alerts';
import { addDays, addMonths, type IsoDate, londonDateOf } from '@parley/shared/domain';
import { Client } from 'pg';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  ALERT_FIELDS,
  type Actor,
  actor,
  SAVE_SETTINGS,
  settingsInput,
  TRUMPINGTON,
  WILMSLOW,
} from '../escalation/fixtures';

interface AlertShape {
  id: string;
  kind: string;
  subject: string;
  subjectType: string;
  subjectId: string | null;
  due: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

const RUN_SWEEP = 'mutation { runAlertSweep { practicesSwept practicesSkipped alertsRaised } }';

/** The scheduled sweep of the complaint clocks and the volume alert. */
describe('alert sweep', () => {
  let t: TestApp;
  let manager: Actor;
  let staff: Actor;
  let practiceId: string;
  const today = londonDateOf(new Date());

  beforeAll(async () => {
    t = await startTestApp();
    manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    staff = await actor(t, DEMO.trumpingtonStaff, TRUMPINGTON);
    practiceId = manager.practiceId;
  });
  afterAll(() => t.close());

  /** A feedback item written straight into the log (the feedback domain's own API is tested elsewhere). */
  async function feedback(
    receivedOn: IsoDate,
    fields: { kind?: string; sentiment?: string; acknowledgedOn?: IsoDate } = {},
  ): Promise<string> {
    return t.db.run({ tenantPracticeId: practiceId }, async (uow) => {
      const [channel] = await uow.query<{ id: string }>(
        'SELECT id FROM feedback_channels WHERE practice_id = $1 ORDER BY position LIMIT 1',
        [practiceId],
      );
      const [row] = await uow.query<{ id: string }>(
        `INSERT INTO feedback_items (practice_id, channel_id, source, received_at, received_on, kind, sentiment, status, acknowledged_on)
         VALUES ($1, $2, 'staff', $3::date + time '10:00', $3, $4, $5, $6, $7) RETURNING id`,
        [
          practiceId,
          channel.id,
          receivedOn,
          fields.kind ?? 'complaint',
          fields.sentiment ?? 'negative',
          fields.acknowledgedOn ? 'acknowledged' : 'received',
          fields.acknowledgedOn ?? null,
        ],
      );
      return row.id;
    });
  }

  const alerts = async (who: Actor = manager) =>
    (await who.ok<{ alerts: AlertShape[] }>(`{ alerts { ${ALERT_FIELDS} } }`)).alerts;
  const sweepAsAdmin = async () =>
    (
      await t.gqlOk<{
        runAlertSweep: { practicesSwept: number; practicesSkipped: number; alertsRaised: number };
      }>(
        RUN_SWEEP,
        {},
        {
          token: await t.tokenFor(DEMO.admin),
        },
      )
    ).runAlertSweep;

  it('raises an overdue acknowledgement and a delay letter falling due, once however often it runs', async () => {
    const late = await feedback(addDays(today, -20));
    const fresh = await feedback(today);
    const old = await feedback(addDays(today, -180), { acknowledgedOn: addDays(today, -179) });

    const first = await sweepAsAdmin();
    expect(first.practicesSwept).toBeGreaterThanOrEqual(2);
    const afterFirst = await alerts();
    expect(afterFirst.filter((a) => a.subjectId === late).map((a) => a.kind)).toEqual([
      'acknowledgement_overdue',
    ]);
    expect(afterFirst.filter((a) => a.subjectId === fresh)).toEqual([]);
    expect(afterFirst.filter((a) => a.subjectId === old).map((a) => a.kind)).toEqual([
      'delay_letter_due',
    ]);
    expect(afterFirst.find((a) => a.subjectId === old)?.due).toBe(
      addMonths(addDays(today, -180), 6),
    );

    const second = await sweepAsAdmin();
    expect(second.alertsRaised).toBe(0);
    expect((await alerts()).map((a) => a.id).sort()).toEqual(afterFirst.map((a) => a.id).sort());
  });

  it('the scheduled (unforced) sweep skips practices swept within the interval', async () => {
    const sweeps = t.app.get(AlertSweepService);
    const report = await sweeps.sweep();
    expect(report.practicesSwept).toBe(0);
    expect(report.practicesSkipped).toBeGreaterThanOrEqual(2);
  });

  it('uses the practice’s own acknowledgement period', async () => {
    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        clocks: {
          ackWorkingDays: 1,
          responseTargetWorkingDays: 10,
          delayLetterMonths: 6,
          timeLimitMonths: 12,
        },
      }),
    });
    // Received 5 calendar days ago: always more than 1 working day, at most 3 with a weekend and a holiday.
    const id = await feedback(addDays(today, -5));
    await t.app.get(FeedbackAlertsService).afterFeedbackChanged(practiceId);
    expect((await alerts()).filter((a) => a.subjectId === id).map((a) => a.kind)).toEqual([
      'acknowledgement_overdue',
    ]);
    await manager.ok(SAVE_SETTINGS, { input: settingsInput() });
  });

  it('raises the volume alert when N negative items arrive within D days, once per window', async () => {
    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({ volumeAlert: { count: 3, withinDays: 7, of: 'negative' } }),
    });
    const wilmslowBefore = await alerts(await actor(t, DEMO.wilmslowManager, WILMSLOW));
    for (let i = 0; i < 3; i++) await feedback(addDays(today, -i), { kind: 'suggestion' });
    await t.app.get(FeedbackAlertsService).afterFeedbackChanged(practiceId);
    await t.app.get(FeedbackAlertsService).afterFeedbackChanged(practiceId);
    await sweepAsAdmin();
    const volume = (await alerts()).filter((a) => a.kind === 'volume_threshold');
    expect(volume).toHaveLength(1);
    expect(volume[0]).toMatchObject({ subjectType: 'practice', subjectId: null });
    expect(volume[0].subject).toMatch(/negative items in the 7 days/);
    // Nothing of it reaches another practice.
    const wilmslowAfter = await alerts(await actor(t, DEMO.wilmslowManager, WILMSLOW));
    expect(wilmslowAfter.filter((a) => a.kind === 'volume_threshold').length).toBe(
      wilmslowBefore.filter((a) => a.kind === 'volume_threshold').length,
    );
  });

  it('managers acknowledge alerts; staff see them but may not', async () => {
    const [open] = (await alerts()).filter((a) => !a.acknowledgedAt);
    const refused = await staff.gql('mutation ($id: ID!) { acknowledgeAlert(id: $id) { id } }', {
      id: open.id,
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const countBefore = (await staff.ok<{ openAlertCount: number }>('{ openAlertCount }'))
      .openAlertCount;
    const done = await manager.ok<{ acknowledgeAlert: AlertShape }>(
      `mutation ($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT_FIELDS} } }`,
      {
        id: open.id,
      },
    );
    expect(done.acknowledgeAlert).toMatchObject({ id: open.id, acknowledgedBy: 'Tom Manager' });
    expect(done.acknowledgeAlert.acknowledgedAt).not.toBeNull();
    expect((await staff.ok<{ openAlertCount: number }>('{ openAlertCount }')).openAlertCount).toBe(
      countBefore - 1,
    );
    const again = await manager.ok<{ acknowledgeAlert: AlertShape }>(
      `mutation ($id: ID!) { acknowledgeAlert(id: $id) { acknowledgedAt } }`,
      {
        id: open.id,
      },
    );
    expect(again.acknowledgeAlert.acknowledgedAt).toBe(done.acknowledgeAlert.acknowledgedAt);
    const openOnly = await staff.ok<{ alerts: { id: string }[] }>(
      '{ alerts(status: open) { id } }',
    );
    expect(openOnly.alerts.map((a) => a.id)).not.toContain(open.id);
  });

  it('only platform admins may run the sweep by hand', async () => {
    expect((await manager.gql(RUN_SWEEP)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  const onPostgres = process.env['DATABASE_URL'] ? it : it.skip;
  onPostgres('skips a practice whose sweep another process holds (advisory lock)', async () => {
    const url = t.config.database.kind === 'postgres' ? t.config.database.url : '';
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [0x50524c59, practiceId]);
      const report = await t.app.get(AlertSweepService).sweep({ force: true });
      expect(report.practicesSkipped).toBe(1);
      await other.query('ROLLBACK');
      const after = await t.app.get(AlertSweepService).sweep({ force: true });
      expect(after.practicesSkipped).toBe(0);
    } finally {
      await other.end();
    }
  });
});
