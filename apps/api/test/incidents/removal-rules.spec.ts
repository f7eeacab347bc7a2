import { DEMO, startTestApp, type TestApp } from '../support/test-app';
import {
  type Actor,
  actor,
  type IncidentShape,
  logIncident,
  newPatient,
  RECORD_WARNING,
  REQUEST_REMOVAL,
  SAVE_SETTINGS,
  settingsInput,
  TRUMPINGTON,
} from '../escalation/fixtures';

const CHECK = `query ($incidentId: ID!, $requestedOn: String!, $immediate: Boolean!, $police: String, $noWarningBecause: String) {
  checkRemoval(incidentId: $incidentId, requestedOn: $requestedOn, immediate: $immediate, policeIncidentReference: $police, noWarningBecause: $noWarningBecause) {
    allowed refusal field effectiveOn writtenConfirmationDueOn earliestValidWarningDate warningGivenOn
  }
}`;

interface Check {
  allowed: boolean;
  refusal: string | null;
  field: string | null;
  effectiveOn: string | null;
  writtenConfirmationDueOn: string | null;
  earliestValidWarningDate: string;
  warningGivenOn: string | null;
}

/** The removal rules, exercised through the API as a practice manager would. */
describe('removal from the list', () => {
  let t: TestApp;
  let manager: Actor;
  let staff: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    manager = await actor(t, DEMO.trumpingtonManager, TRUMPINGTON);
    staff = await actor(t, DEMO.trumpingtonStaff, TRUMPINGTON);
  });
  afterAll(() => t.close());

  /** A patient with an incident seen on 1 March 2024 and a warning with reasons given on `warnedOn`. */
  async function warnedPatient(
    warnedOn: string | null,
    seenAt = '2024-03-01T10:00:00Z',
  ): Promise<IncidentShape> {
    const patientId = await newPatient(manager);
    const incident = await logIncident(manager, { patientId, seenAt, severity: 'abusive' });
    if (warnedOn) {
      await manager.ok(RECORD_WARNING, {
        input: {
          incidentId: incident.id,
          givenOn: warnedOn,
          reasons: 'Abusive posts naming a receptionist, despite a meeting to discuss them.',
        },
      });
    }
    return incident;
  }

  const check = async (
    incidentId: string,
    requestedOn: string,
    extra: Record<string, unknown> = {},
  ) =>
    (
      await manager.ok<{ checkRemoval: Check }>(CHECK, {
        incidentId,
        requestedOn,
        immediate: false,
        ...extra,
      })
    ).checkRemoval;

  const request = (incidentId: string, requestedOn: string, extra: Record<string, unknown> = {}) =>
    manager.gql<{
      requestRemoval: {
        action: {
          effectiveOn: string;
          writtenConfirmationDueOn: string | null;
          immediate: boolean;
        };
        incident: IncidentShape;
      };
    }>(REQUEST_REMOVAL, {
      input: {
        incidentId,
        requestedOn,
        immediate: false,
        reasons: 'The relationship has broken down after repeated abuse of staff.',
        notBecauseOfComplaint: true,
        ...extra,
      },
    });

  describe('the 12-month warning window, at its boundaries', () => {
    it('a warning given exactly 12 months before the request supports it; the effective date is the 8th day', async () => {
      const incident = await warnedPatient('2024-03-15');
      expect(await check(incident.id, '2025-03-15')).toMatchObject({
        allowed: true,
        effectiveOn: '2025-03-23',
        earliestValidWarningDate: '2024-03-15',
        warningGivenOn: '2024-03-15',
      });
      const result = await request(incident.id, '2025-03-15');
      expect(result.errors).toBeUndefined();
      expect(result.data?.requestRemoval.action).toMatchObject({
        effectiveOn: '2025-03-23',
        writtenConfirmationDueOn: null,
        immediate: false,
      });
      expect(
        result.data?.requestRemoval.incident.ladder.steps.find((s) => s.kind === 'removal_request'),
      ).toMatchObject({
        status: 'taken',
        takenOn: '2025-03-15',
      });
    });

    it('one day later the same warning is too old, and nothing is recorded', async () => {
      const incident = await warnedPatient('2024-03-15');
      expect(await check(incident.id, '2025-03-16')).toMatchObject({
        allowed: false,
        field: 'requestedOn',
        earliestValidWarningDate: '2024-03-16',
      });
      const result = await request(incident.id, '2025-03-16');
      expect(result.data).toBeNull();
      expect(result.errors?.[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'requestedOn',
      });
      expect(result.errors?.[0].message).toMatch(/more than 12 months old/);
      const detail = await manager.ok<{ incident: IncidentShape }>(
        'query ($id: ID!) { incident(id: $id) { actions { kind } } }',
        { id: incident.id },
      );
      expect(detail.incident.actions.map((a) => a.kind)).toEqual(['formal_warning']);
    });

    it('a warning given on the day of the request counts; one given after it does not', async () => {
      const sameDay = await warnedPatient('2024-06-03');
      expect((await check(sameDay.id, '2024-06-03')).allowed).toBe(true);
      expect((await check(sameDay.id, '2024-06-02')).allowed).toBe(false);
    });

    it('a request on a leap day looks back to 28 February of the year before', async () => {
      const incident = await warnedPatient('2023-02-28', '2023-02-01T10:00:00Z');
      expect(await check(incident.id, '2024-02-29')).toMatchObject({
        allowed: true,
        earliestValidWarningDate: '2023-02-28',
      });
      expect(await check(incident.id, '2024-03-01')).toMatchObject({
        allowed: false,
        earliestValidWarningDate: '2023-03-01',
      });
    });
  });

  it('refuses an ordinary removal with no warning at all', async () => {
    const incident = await warnedPatient(null);
    const result = await request(incident.id, '2024-04-01');
    expect(result.errors?.[0].extensions?.field).toBe('requestedOn');
    expect(result.errors?.[0].message).toMatch(/must have been warned, with reasons/);
  });

  it('refuses a warning without reasons', async () => {
    const incident = await warnedPatient(null);
    const result = await manager.gql(RECORD_WARNING, {
      input: { incidentId: incident.id, givenOn: '2024-03-02', reasons: '   ' },
    });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reasons' });
  });

  it('refuses an immediate removal without a police incident reference', async () => {
    const incident = await warnedPatient(null);
    expect(await check(incident.id, '2024-04-01', { immediate: true })).toMatchObject({
      allowed: false,
      field: 'policeIncidentReference',
    });
    const result = await request(incident.id, '2024-04-01', {
      immediate: true,
      policeIncidentReference: '  ',
    });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'policeIncidentReference',
    });
    expect(result.errors?.[0].message).toMatch(/police/);
  });

  it('an immediate removal with a police reference takes effect at once, with written confirmation due in 7 days', async () => {
    const incident = await warnedPatient(null);
    const result = await request(incident.id, '2024-04-01', {
      immediate: true,
      policeIncidentReference: 'CAM-2024-0401-17',
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.requestRemoval.action).toMatchObject({
      immediate: true,
      effectiveOn: '2024-04-01',
      writtenConfirmationDueOn: '2024-04-08',
    });
    const { alerts } = await manager.ok<{
      alerts: { kind: string; due: string | null; subjectId: string }[];
    }>('{ alerts { kind due subjectId } }');
    expect(alerts).toContainEqual({
      kind: 'written_confirmation_due',
      due: '2024-04-08',
      subjectId: incident.patient?.id,
    });
  });

  it('a removal must never answer a complaint: the request says so or is refused', async () => {
    const incident = await warnedPatient('2024-03-15');
    const result = await request(incident.id, '2024-04-01', { notBecauseOfComplaint: false });
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'notBecauseOfComplaint',
    });
  });

  it('a removal needs an incident linked to a patient', async () => {
    const incident = await logIncident(manager, { seenAt: '2024-03-01T10:00:00Z' });
    const result = await request(incident.id, '2024-04-01');
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'incidentId' });
  });

  it('applies the practice’s stricter warning window when it has one', async () => {
    await manager.ok(SAVE_SETTINGS, {
      input: settingsInput({
        removalRules: {
          warningValidMonths: 6,
          writtenConfirmationDays: 3,
          allowRemovalWithoutWarningWhenUnsafe: false,
        },
      }),
    });
    const incident = await warnedPatient('2024-03-15');
    expect(await check(incident.id, '2024-09-15')).toMatchObject({
      allowed: true,
      effectiveOn: '2024-09-23',
    });
    const late = await request(incident.id, '2024-09-16');
    expect(late.errors?.[0].extensions?.field).toBe('requestedOn');
    expect(late.errors?.[0].message).toMatch(/preceding 6 months/);
    const immediate = await warnedPatient(null);
    expect(
      await check(immediate.id, '2024-04-01', { immediate: true, police: 'CAM-1' }),
    ).toMatchObject({
      allowed: true,
      writtenConfirmationDueOn: '2024-04-04',
    });
    const unsafe = await request(immediate.id, '2024-04-01', {
      noWarningBecause: 'Threatened staff in person.',
    });
    expect(unsafe.errors?.[0].extensions?.field).toBe('noWarningBecause');
    await manager.ok(SAVE_SETTINGS, { input: settingsInput() });
  });

  it('staff log incidents and invitations but may not warn or request removal', async () => {
    const incident = await warnedPatient(null);
    const invite = await staff.gql(
      'mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { action { kind } } }',
      { input: { incidentId: incident.id, kind: 'invite_discussion', takenOn: '2024-03-02' } },
    );
    expect(invite.errors).toBeUndefined();
    const warning = await staff.gql(RECORD_WARNING, {
      input: { incidentId: incident.id, givenOn: '2024-03-02', reasons: 'Reasons' },
    });
    expect(warning.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const removal = await staff.gql(REQUEST_REMOVAL, {
      input: {
        incidentId: incident.id,
        requestedOn: '2024-04-01',
        immediate: true,
        policeIncidentReference: 'X',
        reasons: 'R',
        notBecauseOfComplaint: true,
      },
    });
    expect(removal.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
