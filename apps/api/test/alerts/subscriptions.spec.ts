import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  ALERT_FIELDS,
  type Actor,
  actor,
  connected,
  logIncident,
  newPatient,
  sleep,
  subscribe,
  TRUMPINGTON,
  WILMSLOW,
  wsClient,
} from '../escalation/fixtures';

const ALERT_RAISED = `subscription { alertRaised { ${ALERT_FIELDS} } }`;

interface Raised {
  alertRaised: { id: string; kind: string; subject: string; subjectId: string | null };
}

/** Live alerts over graphql-ws: authenticated at connect, and never across practices. */
describe('alertRaised subscription', () => {
  let t: TestApp;
  let wilmslow: Actor;
  let trumpington: Actor;
  const clients: { dispose(): unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    wilmslow = await actor(t, DEMO.wilmslowManager, WILMSLOW);
    trumpington = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await t.close();
  });

  function client(params: Record<string, unknown> | undefined) {
    const c = wsClient(t, params);
    clients.push(c);
    return c;
  }

  it('a Wilmslow manager receives Wilmslow alerts and never Trumpington’s', async () => {
    const wilmslowClient = client({
      authorization: `Bearer ${wilmslow.token}`,
      practiceId: wilmslow.practiceId,
    });
    const trumpingtonClient = client({
      authorization: trumpington.token,
      practiceId: trumpington.practiceId,
    });
    const wilmslowReady = connected(wilmslowClient);
    const trumpingtonReady = connected(trumpingtonClient);
    const atWilmslow = subscribe<Raised>(wilmslowClient, ALERT_RAISED);
    const atTrumpington = subscribe<Raised>(trumpingtonClient, ALERT_RAISED);
    await Promise.all([wilmslowReady, trumpingtonReady]);
    await sleep(200);

    // Trumpington's alert first: had it leaked, it would reach Wilmslow before Wilmslow's own.
    const theirs = await logIncident(trumpington, {
      patientId: await newPatient(trumpington),
      severity: 'abusive',
    });
    const ours = await logIncident(wilmslow, {
      patientId: await newPatient(wilmslow),
      severity: 'abusive',
    });

    const received = await atWilmslow.next();
    expect(received.alertRaised).toMatchObject({
      kind: 'ladder_step_suggested',
      subjectId: ours.patient?.id,
    });
    expect((await atTrumpington.next()).alertRaised.subjectId).toBe(theirs.patient?.id);
    await sleep(300);
    expect(atWilmslow.events.map((e) => e.alertRaised.subjectId)).toEqual([ours.patient?.id]);
    expect(atTrumpington.events.map((e) => e.alertRaised.subjectId)).toEqual([theirs.patient?.id]);
    atWilmslow.stop();
    atTrumpington.stop();
  });

  it('staff of the practice receive its alerts too', async () => {
    const staff = await actor(t, DEMO.wilmslowStaff, WILMSLOW);
    const staffClient = client({
      authorization: `Bearer ${staff.token}`,
      practiceId: staff.practiceId,
    });
    const ready = connected(staffClient);
    const live = subscribe<Raised>(staffClient, ALERT_RAISED);
    await ready;
    await sleep(200);
    const incident = await logIncident(staff, { severity: 'threatening' });
    expect((await live.next()).alertRaised.subjectId).toBe(incident.id);
    live.stop();
  });

  async function refusal(params: Record<string, unknown> | undefined): Promise<unknown> {
    const live = subscribe<Raised>(client(params), ALERT_RAISED);
    const outcome = await Promise.race([live.failed, sleep(5000).then(() => 'no refusal')]);
    live.stop();
    return outcome;
  }

  it.each([
    ['without connection parameters', () => undefined],
    ['without a token', () => ({ practiceId: wilmslow.practiceId })],
    [
      'with a forged token',
      () => ({
        authorization: `Bearer ${wilmslow.token.slice(0, -4)}abcd`,
        practiceId: wilmslow.practiceId,
      }),
    ],
    ['without a practice', () => ({ authorization: `Bearer ${wilmslow.token}` })],
    [
      'for a practice the person does not belong to',
      () => ({ authorization: `Bearer ${wilmslow.token}`, practiceId: trumpington.practiceId }),
    ],
  ])('refuses a connection %s', async (_, params) => {
    expect(await refusal(params())).toMatchObject({ code: 4403 });
  });

  it('refuses an ICB auditor, who belongs to no practice', async () => {
    const token = await t.tokenFor(DEMO.cheshireAuditor);
    expect(
      await refusal({ authorization: `Bearer ${token}`, practiceId: wilmslow.practiceId }),
    ).toMatchObject({ code: 4403 });
  });
});
