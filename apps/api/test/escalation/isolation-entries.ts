import { randomUUID } from 'node:crypto';
import type { GqlResult } from '../support/test-app';
import type { IsolationEntry, IsolationFixtures } from '../tenancy/isolation-matrix';

/**
 * Isolation-matrix entries for escalation settings, the incident log and alerts. Trumpington's
 * rows (the target) name the practice in their text, so any leak into Wilmslow's answers shows.
 */
async function asVictim<T>(
  f: IsolationFixtures,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result: GqlResult<T> = await f.t.gql<T>(query, variables, {
    token: f.victimToken,
    practiceId: f.trumpingtonId,
  });
  if (result.errors?.length || !result.data) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

async function victimPatient(f: IsolationFixtures): Promise<string> {
  const data = await asVictim<{ addIncidentPatient: { id: string } }>(
    f,
    'mutation ($l: String!) { addIncidentPatient(input: { label: $l }) { id } }',
    {
      l: `Trumpington-${randomUUID().slice(0, 8)}`,
    },
  );
  return data.addIncidentPatient.id;
}

async function victimIncident(
  f: IsolationFixtures,
  patientId: string | null = null,
): Promise<string> {
  const data = await asVictim<{ logIncident: { id: string } }>(
    f,
    'mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }',
    {
      input: {
        platform: 'facebook',
        link: 'https://www.facebook.com/trumpington/posts/1',
        seenAt: '2024-03-01T10:00:00Z',
        reportedBy: 'Trumpington reception',
        summary: 'Trumpington victim post',
        severity: 'abusive',
        patientId,
      },
    },
  );
  return data.logIncident.id;
}

async function victimActions(
  f: IsolationFixtures,
  id: unknown,
): Promise<{ actions: unknown[]; patient: { id: string } | null }> {
  const data = await asVictim<{ incident: { actions: unknown[]; patient: { id: string } | null } }>(
    f,
    'query ($id: ID!) { incident(id: $id) { actions { id } patient { id } } }',
    { id },
  );
  return data.incident;
}

const noStepsRecorded = async (f: IsolationFixtures, variables: Record<string, unknown>) => {
  const input = variables['input'] as { incidentId: string };
  if ((await victimActions(f, input.incidentId)).actions.length > 0)
    throw new Error('a step was recorded on the victim incident');
};

const SETTINGS = {
  ladder: [
    { kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } },
    {
      kind: 'formal_warning',
      trigger: { minSeverity: 'abusive', incidentCount: 2, withinDays: 90 },
    },
  ],
  removalRules: {
    warningValidMonths: 12,
    writtenConfirmationDays: 7,
    allowRemovalWithoutWarningWhenUnsafe: true,
  },
  clocks: {
    ackWorkingDays: 3,
    responseTargetWorkingDays: 20,
    delayLetterMonths: 6,
    timeLimitMonths: 12,
  },
  volumeAlert: { count: 5, withinDays: 7, of: 'negative' },
};

export const ESCALATION_ISOLATION_ENTRIES: Record<string, IsolationEntry> = {
  'Query.escalationSettings': {
    kind: 'active-practice',
    query: '{ escalationSettings { version note ladder { kind } } }',
  },
  'Query.escalationSettingsHistory': {
    kind: 'active-practice',
    query: '{ escalationSettingsHistory { version note savedBy } }',
  },
  'Mutation.saveEscalationSettings': {
    kind: 'active-practice',
    query:
      'mutation ($input: SaveEscalationSettingsInput!) { saveEscalationSettings(input: $input) { version note } }',
    variables: { input: SETTINGS },
  },
  'Query.incidents': {
    kind: 'active-practice',
    query: '{ incidents(limit: 200) { id summary reportedBy link patient { label } } }',
  },
  'Query.incidentPatients': { kind: 'active-practice', query: '{ incidentPatients { id label } }' },
  'Query.incidentSeverityLevels': {
    kind: 'active-practice',
    query: '{ incidentSeverityLevels { severity label } }',
  },
  'Mutation.addIncidentPatient': {
    kind: 'active-practice',
    query: 'mutation { addIncidentPatient(input: { label: "MATRIX-1" }) { id label } }',
  },
  'Query.alerts': { kind: 'active-practice', query: '{ alerts(limit: 500) { id subject } }' },
  'Query.openAlertCount': { kind: 'active-practice', query: '{ openAlertCount }' },
  'Query.incident': {
    kind: 'by-id',
    setup: async (f) => ({ id: await victimIncident(f) }),
    query: 'query ($id: ID!) { incident(id: $id) { id summary } }',
    unchanged: async (f, { id }) => {
      await victimActions(f, id);
    },
  },
  'Mutation.logIncident': {
    kind: 'by-id',
    setup: async (f) => ({
      input: {
        platform: 'x',
        link: 'https://x.com/a/status/1',
        seenAt: '2024-03-01T10:00:00Z',
        reportedBy: 'Attacker',
        summary: 'Attached to another practice’s patient',
        severity: 'offensive',
        patientId: await victimPatient(f),
      },
    }),
    query: 'mutation ($input: LogIncidentInput!) { logIncident(input: $input) { id } }',
    unchanged: async (f, variables) => {
      const patientId = (variables['input'] as { patientId: string }).patientId;
      const data = await asVictim<{ incidentPatients: { id: string; incidentCount: number }[] }>(
        f,
        '{ incidentPatients { id incidentCount } }',
      );
      if (data.incidentPatients.find((p) => p.id === patientId)?.incidentCount !== 0)
        throw new Error('an incident was attached to the victim patient');
    },
  },
  'Mutation.linkIncidentPatient': {
    kind: 'by-id',
    setup: async (f) => ({
      incidentId: await victimIncident(f),
      patientId: await victimPatient(f),
    }),
    query:
      'mutation ($incidentId: ID!, $patientId: ID!) { linkIncidentPatient(incidentId: $incidentId, patientId: $patientId) { id } }',
    unchanged: async (f, { incidentId }) => {
      if ((await victimActions(f, incidentId)).patient !== null)
        throw new Error('the victim incident was linked');
    },
  },
  'Mutation.recordLadderStep': {
    kind: 'by-id',
    setup: async (f) => ({
      input: {
        incidentId: await victimIncident(f),
        kind: 'invite_discussion',
        takenOn: '2024-03-02',
      },
    }),
    query:
      'mutation ($input: RecordLadderStepInput!) { recordLadderStep(input: $input) { action { id } } }',
    unchanged: noStepsRecorded,
  },
  'Mutation.recordWarning': {
    kind: 'by-id',
    setup: async (f) => ({
      input: {
        incidentId: await victimIncident(f, await victimPatient(f)),
        givenOn: '2024-03-02',
        reasons: 'Reasons',
      },
    }),
    query:
      'mutation ($input: RecordWarningInput!) { recordWarning(input: $input) { action { id } } }',
    unchanged: noStepsRecorded,
  },
  'Mutation.requestRemoval': {
    kind: 'by-id',
    setup: async (f) => ({
      input: {
        incidentId: await victimIncident(f, await victimPatient(f)),
        requestedOn: '2024-03-02',
        immediate: true,
        policeIncidentReference: 'CAM-1',
        reasons: 'Reasons',
        notBecauseOfComplaint: true,
      },
    }),
    query:
      'mutation ($input: RequestRemovalInput!) { requestRemoval(input: $input) { action { id } } }',
    unchanged: noStepsRecorded,
  },
  'Query.checkRemoval': {
    kind: 'by-id',
    setup: async (f) => ({
      incidentId: await victimIncident(f, await victimPatient(f)),
      requestedOn: '2024-03-02',
    }),
    query:
      'query ($incidentId: ID!, $requestedOn: String!) { checkRemoval(incidentId: $incidentId, requestedOn: $requestedOn, immediate: false) { allowed } }',
    unchanged: async () => undefined,
  },
  'Mutation.acknowledgeAlert': {
    kind: 'by-id',
    setup: async (f) => {
      // An abusive post raises a ladder alert at Trumpington.
      const incidentId = await victimIncident(f);
      const data = await asVictim<{ alerts: { id: string; subjectId: string | null }[] }>(
        f,
        '{ alerts(status: open, limit: 500) { id subjectId } }',
      );
      const alert = data.alerts.find((a) => a.subjectId === incidentId);
      if (!alert) throw new Error('the victim alert was not raised');
      return { id: alert.id };
    },
    query: 'mutation ($id: ID!) { acknowledgeAlert(id: $id) { id acknowledgedAt } }',
    unchanged: async (f, { id }) => {
      const data = await asVictim<{ alerts: { id: string }[] }>(
        f,
        '{ alerts(status: open, limit: 500) { id } }',
      );
      if (!data.alerts.some((a) => a.id === id))
        throw new Error('the victim alert was acknowledged');
    },
  },
};
