import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  ADD_PATIENT,
  ALERT_FIELDS,
  type Actor,
  actor,
  INCIDENT_FIELDS,
  type IncidentShape,
  incidentInput,
  LOG_INCIDENT,
  logIncident,
  newPatient,
  SAVE_SETTINGS,
  settingsInput,
  TRUMPINGTON,
  WILMSLOW,
} from '../escalation/fixtures';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

interface AlertShape {
  id: string;
  kind: string;
  subject: string;
  subjectType: string;
  subjectId: string | null;
}

describe('social-media incident log', () => {
  let t: TestApp;
  let manager: Actor;
  let staff: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    staff = await actor(t, DEMO.trumpingtonStaff, TRUMPINGTON);
  });
  afterAll(() => t.close());

  const ladderAlertsFor = async (subjectId: string) =>
    (await manager.ok<{ alerts: AlertShape[] }>(`{ alerts { ${ALERT_FIELDS} } }`)).alerts.filter(
      (a) => a.kind === 'ladder_step_suggested' && a.subjectId === subjectId,
    );

  it('staff log an incident; the ladder shows where it stands and what comes next', async () => {
    const incident = await logIncident(staff, {
      severity: 'abusive',
      staffNamed: true,
      reportedBy: 'Dr Patel, shown by a patient',
    });
    expect(incident).toMatchObject({
      severity: 'abusive',
      staffNamed: true,
      reportedBy: 'Dr Patel, shown by a patient',
      loggedBy: 'Tara Reception',
      patient: null,
      actions: [],
      ladder: { scope: 'incident', incidentCount: 1 },
      // Default ladder: contact the administrators at abusive, the highest step met.
      nextSuggestedStep: {
        kind: 'contact_group_admins',
        reason: 'One incident of severity Abusive or worse',
      },
    });
    expect(incident.ladder.steps.map((s) => [s.kind, s.status])).toEqual([
      ['invite_discussion', 'pending'],
      ['contact_group_admins', 'suggested'],
      ['formal_warning', 'pending'],
      ['removal_request', 'pending'],
    ]);
    const listed = await staff.ok<{
      incidents: { id: string; nextSuggestedStep: { kind: string } | null }[];
    }>('{ incidents { id nextSuggestedStep { kind } } }');
    expect(listed.incidents.find((i) => i.id === incident.id)?.nextSuggestedStep?.kind).toBe(
      'contact_group_admins',
    );
    expect(await ladderAlertsFor(incident.id)).toHaveLength(1);
  });

  it('recording the step moves the ladder on', async () => {
    const incident = await logIncident(staff, { severity: 'offensive' });
    expect(incident.nextSuggestedStep?.kind).toBe('invite_discussion');
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await staff.ok<{
      recordLadderStep: { action: { kind: string; takenOn: string }; incident: IncidentShape };
    }>(
      `mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { action { kind takenOn } incident { ${INCIDENT_FIELDS} } } }`,
      {
        input: {
          incidentId: incident.id,
          kind: 'invite_discussion',
          takenOn: today,
          notes: 'Invited by letter.',
        },
      },
    );
    expect(recorded.recordLadderStep.action).toEqual({ kind: 'invite_discussion', takenOn: today });
    expect(recorded.recordLadderStep.incident.ladder.steps[0]).toMatchObject({
      status: 'taken',
      takenOn: today,
    });
    expect(recorded.recordLadderStep.incident.nextSuggestedStep).toBeNull();
  });

  it.each([
    ['link', { link: 'http://example.com/post' }],
    ['link', { link: 'not a url' }],
    ['summary', { summary: 'x'.repeat(4001) }],
    ['summary', { summary: '' }],
    ['seenAt', { seenAt: new Date(Date.now() + 2 * DAY).toISOString() }],
  ])('refuses a bad %s', async (field, overrides) => {
    const result = await staff.gql(LOG_INCIDENT, { input: incidentInput(overrides) });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field });
  });

  it('patient references are pseudonymous: no NHS numbers, one per label', async () => {
    const nhs = await staff.gql(ADD_PATIENT, { label: '943 476 5919' });
    expect(nhs.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'label' });
    await staff.ok(ADD_PATIENT, { label: 'P-DUP' });
    const again = await staff.gql(ADD_PATIENT, { label: 'p-dup' });
    expect(again.errors?.[0].extensions).toEqual({ code: 'CONFLICT', field: 'label' });
  });

  it('a second offensive incident for the same patient within the window raises the configured alert', async () => {
    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        ladder: [
          {
            kind: 'invite_discussion',
            trigger: { minSeverity: 'offensive', incidentCount: 2, withinDays: 30 },
          },
          {
            kind: 'formal_warning',
            trigger: { minSeverity: 'abusive', incidentCount: 3, withinDays: 90 },
          },
        ],
      }),
    });
    const patientId = await newPatient(staff);
    const first = await logIncident(staff, { patientId, seenAt: daysAgo(40) });
    expect(first.nextSuggestedStep).toBeNull();
    const second = await logIncident(staff, { patientId, seenAt: daysAgo(10) });
    // The first was 40 days ago: outside the 30-day window, so still nothing.
    expect(second.nextSuggestedStep).toBeNull();
    expect(await ladderAlertsFor(patientId)).toEqual([]);

    const third = await logIncident(staff, { patientId, seenAt: daysAgo(1) });
    expect(third.ladder).toMatchObject({ scope: 'patient', incidentCount: 3 });
    expect(third.nextSuggestedStep).toMatchObject({
      kind: 'invite_discussion',
      reason: '2 incidents of severity Offensive or worse within 30 days',
    });
    const alerts = await ladderAlertsFor(patientId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ subjectType: 'patient' });
    expect(alerts[0].subject).toMatch(/Invite to a face-to-face discussion is suggested/);

    // Evaluating the same facts again raises nothing new.
    await logIncident(staff, { patientId, seenAt: daysAgo(1), severity: 'low' });
    expect(await ladderAlertsFor(patientId)).toHaveLength(1);
    await manager.ok(SAVE_SETTINGS, { input: settingsInput() });
  });

  it('a patient identified later is linked, and their incidents count together', async () => {
    const patientId = await newPatient(staff);
    await logIncident(staff, { patientId, severity: 'abusive', seenAt: daysAgo(5) });
    const unlinked = await logIncident(staff, { severity: 'abusive', seenAt: daysAgo(2) });
    const linked = await staff.ok<{ linkIncidentPatient: IncidentShape }>(
      `mutation ($incidentId: ID!, $patientId: ID!) { linkIncidentPatient(incidentId: $incidentId, patientId: $patientId) { ${INCIDENT_FIELDS} } }`,
      { incidentId: unlinked.id, patientId },
    );
    expect(linked.linkIncidentPatient.ladder).toMatchObject({ scope: 'patient', incidentCount: 2 });
    expect(linked.linkIncidentPatient.nextSuggestedStep?.kind).toBe('formal_warning');
    const filtered = await staff.ok<{ incidents: { id: string }[] }>(
      'query ($p: ID) { incidents(patientId: $p) { id } }',
      { p: patientId },
    );
    expect(filtered.incidents).toHaveLength(2);
  });

  it('describes the severity levels for the form', async () => {
    const data = await staff.ok<{
      incidentSeverityLevels: { severity: string; label: string; description: string }[];
    }>('{ incidentSeverityLevels { severity label description } }');
    expect(data.incidentSeverityLevels.map((l) => l.severity)).toEqual([
      'low',
      'offensive',
      'abusive',
      'threatening',
    ]);
    expect(data.incidentSeverityLevels[3].description).toMatch(/police/);
  });

  it('an auditor cannot read or log incidents', async () => {
    const token = await t.tokenFor(DEMO.cheshireAuditor);
    const practiceId = await t.practiceId(WILMSLOW);
    expect(
      (await t.gql('{ incidents { id } }', {}, { token, practiceId })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(LOG_INCIDENT, { input: incidentInput() }, { token })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});
