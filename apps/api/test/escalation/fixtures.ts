import { createClient, type Client } from 'graphql-ws';
import { createRequire } from 'node:module';
import type { GqlResult, TestApp } from '../support/test-app';

/** Calls the API as one person acting in one practice. */
export interface Actor {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>>;
  ok<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  token: string;
  practiceId: string;
}

export async function actor(t: TestApp, email: string, practiceSlug: string): Promise<Actor> {
  const token = await t.tokenFor(email);
  const practiceId = await t.practiceId(practiceSlug);
  return {
    token,
    practiceId,
    gql: (query, variables = {}) => t.gql(query, variables, { token, practiceId }),
    ok: (query, variables = {}) => t.gqlOk(query, variables, { token, practiceId }),
  };
}

export const WILMSLOW = 'wilmslow-health-centre';
export const TRUMPINGTON = 'trumpington-street';

export const SETTINGS_FIELDS = `
  version isDefault note savedAt savedBy
  ladder { position kind label triggerDescription trigger { minSeverity incidentCount withinDays } }
  removalRules { warningValidMonths writtenConfirmationDays allowRemovalWithoutWarningWhenUnsafe effectiveOnDay }
  clocks { ackWorkingDays responseTargetWorkingDays delayLetterMonths timeLimitMonths }
  volumeAlert { count withinDays of }`;

export const SAVE_SETTINGS = `mutation ($input: SaveEscalationSettingsInput!) { saveEscalationSettings(input: $input) { ${SETTINGS_FIELDS} } }`;

/** Valid settings (the defaults, spelled as input); tests change one part at a time. */
export function settingsInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ladder: [
      { kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } },
      { kind: 'contact_group_admins', trigger: { minSeverity: 'abusive' } },
      {
        kind: 'formal_warning',
        trigger: { minSeverity: 'abusive', incidentCount: 2, withinDays: 90 },
      },
      {
        kind: 'removal_request',
        trigger: { minSeverity: 'abusive', incidentCount: 3, withinDays: 365 },
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
    ...overrides,
  };
}

export const INCIDENT_FIELDS = `
  id platform link seenAt reportedBy summary severity staffNamed loggedBy
  patient { id label incidentCount }
  actions { id kind takenOn reasons immediate policeIncidentReference effectiveOn writtenConfirmationDueOn noWarningBecause }
  ladder { scope incidentCount steps { position kind status takenOn triggerDescription } }
  nextSuggestedStep { kind label reason }`;

export const LOG_INCIDENT = `mutation ($input: LogIncidentInput!) { logIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
export const ADD_PATIENT =
  'mutation ($label: String!) { addIncidentPatient(input: { label: $label }) { id label } }';
export const RECORD_WARNING = `mutation ($input: RecordWarningInput!) { recordWarning(input: $input) { action { id kind takenOn reasons } incident { id } } }`;
export const REQUEST_REMOVAL = `mutation ($input: RequestRemovalInput!) {
  requestRemoval(input: $input) { action { id kind takenOn immediate policeIncidentReference effectiveOn writtenConfirmationDueOn } incident { ${INCIDENT_FIELDS} } }
}`;
export const ALERT_FIELDS =
  'id kind subject subjectType subjectId due raisedAt acknowledgedAt acknowledgedBy';

export interface IncidentShape {
  id: string;
  severity: string;
  patient: { id: string; label: string; incidentCount: number } | null;
  actions: {
    id: string;
    kind: string;
    takenOn: string;
    effectiveOn: string | null;
    writtenConfirmationDueOn: string | null;
  }[];
  ladder: {
    scope: string;
    incidentCount: number;
    steps: { kind: string; status: string; takenOn: string | null }[];
  };
  nextSuggestedStep: { kind: string; label: string; reason: string } | null;
}

export function incidentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    platform: 'facebook',
    link: 'https://www.facebook.com/groups/local/posts/1',
    seenAt: new Date(Date.now() - 60_000).toISOString(),
    reportedBy: 'Reception',
    summary: 'An offensive post about the practice.',
    severity: 'offensive',
    staffNamed: false,
    ...overrides,
  };
}

let labels = 0;
/** A fresh patient reference in the actor's practice. */
export async function newPatient(who: Actor, prefix = 'T'): Promise<string> {
  const data = await who.ok<{ addIncidentPatient: { id: string } }>(ADD_PATIENT, {
    label: `${prefix}-${process.pid}-${++labels}`,
  });
  return data.addIncidentPatient.id;
}

export async function logIncident(
  who: Actor,
  overrides: Record<string, unknown> = {},
): Promise<IncidentShape> {
  const data = await who.ok<{ logIncident: IncidentShape }>(LOG_INCIDENT, {
    input: incidentInput(overrides),
  });
  return data.logIncident;
}

// `ws` ships no types; graphql-ws only needs a WebSocket constructor.
const WebSocketImpl: unknown = createRequire(__filename)('ws');

/** A graphql-ws client for the test app, connecting with the given connection parameters. */
export function wsClient(
  t: TestApp,
  connectionParams: Record<string, unknown> | undefined,
): Client {
  return createClient({
    url: `${t.url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocketImpl,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects the events of one subscription; `failed` settles with the error or close event. */
export function subscribe<T>(
  client: Client,
  query: string,
): { events: T[]; next(timeoutMs?: number): Promise<T>; failed: Promise<unknown>; stop(): void } {
  const events: T[] = [];
  let cursor = 0;
  const waiters: ((value: T) => void)[] = [];
  let settleFailed: (reason: unknown) => void = () => undefined;
  const failed = new Promise<unknown>((resolve) => {
    settleFailed = resolve;
  });
  const stop = client.subscribe<T>(
    { query },
    {
      next: (value) => {
        if (value.errors) settleFailed(value.errors);
        events.push(value.data as T);
        const waiter = waiters.shift();
        if (waiter) waiter(events[cursor++]);
      },
      error: (error) => settleFailed(error),
      complete: () => undefined,
    },
  );
  return {
    events,
    failed,
    stop,
    next: (timeoutMs = 5000) => {
      if (cursor < events.length) return Promise.resolve(events[cursor++]);
      return new Promise<T>((resolve, fail) => {
        const timer = setTimeout(
          () => fail(new Error('no event within the time allowed')),
          timeoutMs,
        );
        waiters.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
  };
}

/** Resolves once the client has an acknowledged connection. */
export function connected(client: Client, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not connected in time')), timeoutMs);
    client.on('connected', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
