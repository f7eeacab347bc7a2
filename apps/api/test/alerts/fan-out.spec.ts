import { AlertSweepService } from '@parley/api/alerts';
import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  ALERT_FIELDS,
  actor,
  connected,
  logIncident,
  newPatient,
  sleep,
  subscribe,
  WILMSLOW,
  wsClient,
} from '../escalation/fixtures';

const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

interface Raised {
  alertRaised: { id: string; subjectId: string | null };
}

/**
 * Two API processes on one PostgreSQL database, sharing Redis: an alert raised on one reaches a
 * subscriber connected to the other, and the scheduled sweep runs once between them. Two PGlite
 * apps cannot share a database, so this runs on PostgreSQL only (DATABASE_URL).
 */
const onPostgres = process.env['DATABASE_URL'] ? describe : describe.skip;

onPostgres('several API processes', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp({ env: { REDIS_URL } });
    if (first.config.database.kind !== 'postgres') throw new Error('expected PostgreSQL');
    // The second process uses the first one's database (its own throwaway one stays empty).
    second = await startTestApp({ env: { REDIS_URL, DATABASE_URL: first.config.database.url } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('an alert raised on one process reaches a subscriber connected to the other', async () => {
    const onFirst = await actor(first, DEMO.wilmslowManager, WILMSLOW);
    const onSecond = await actor(second, DEMO.wilmslowManager, WILMSLOW);
    const client = wsClient(second, {
      authorization: `Bearer ${onSecond.token}`,
      practiceId: onSecond.practiceId,
    });
    try {
      const ready = connected(client);
      const live = subscribe<Raised>(client, `subscription { alertRaised { ${ALERT_FIELDS} } }`);
      await ready;
      await sleep(200);
      const incident = await logIncident(onFirst, {
        patientId: await newPatient(onFirst),
        severity: 'abusive',
      });
      const received = await live.next(10_000);
      expect(received.alertRaised.subjectId).toBe(incident.patient?.id);
      await sleep(300);
      // Delivered once, not once per process.
      expect(live.events).toHaveLength(1);
      live.stop();
    } finally {
      await client.dispose();
    }
  });

  it('the scheduled sweep of each practice runs on exactly one of them', async () => {
    const [a, b] = await Promise.all([
      first.app.get(AlertSweepService).sweep(),
      second.app.get(AlertSweepService).sweep(),
    ]);
    const practices = a.practicesSwept + a.practicesSkipped;
    expect(b.practicesSwept + b.practicesSkipped).toBe(practices);
    expect(a.practicesSwept + b.practicesSwept).toBe(practices);
  });
});
