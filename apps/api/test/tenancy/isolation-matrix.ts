import { ESCALATION_ISOLATION_ENTRIES } from '../escalation/isolation-entries';
import { FEEDBACK_ISOLATION_ENTRIES } from '../feedback/isolation-entries';
import { CHANNELS_ISOLATION_ENTRIES } from '../channels/isolation-entries';
import { POLICY_ISOLATION_ENTRIES } from '../policy/isolation-entries';
import type { GqlResult, TestApp } from '../support/test-app';

/**
 * Fixtures of the isolation matrix: the Wilmslow manager is the attacker, Trumpington's rows are
 * the target. Entries build on these.
 */
export interface IsolationFixtures {
  t: TestApp;
  wilmslowId: string;
  trumpingtonId: string;
  attackerToken: string;
  victimToken: string;
  /** Ids of Trumpington rows, created on demand by entries (kept by name). */
  victim: Map<string, string>;
}

/** An operation that takes ids: given the other practice's ids it must answer NOT_FOUND. */
export interface ByIdEntry {
  kind: 'by-id';
  /** Creates (as Trumpington) the rows the attempt targets; returns variables for the attempt. */
  setup: (f: IsolationFixtures) => Promise<Record<string, unknown>>;
  query: string;
  /** Proves nothing changed on Trumpington's side. */
  unchanged: (f: IsolationFixtures, variables: Record<string, unknown>) => Promise<void>;
}

/** An operation that reads or writes the active practice only (no ids): covered by the header check. */
export interface ActivePracticeEntry {
  kind: 'active-practice';
  query: string;
  variables?: Record<string, unknown>;
}

export type IsolationEntry = ByIdEntry | ActivePracticeEntry;

async function asVictim<T = Record<string, unknown>>(
  f: IsolationFixtures,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  return f.t.gql<T>(query, variables, { token: f.victimToken, practiceId: f.trumpingtonId });
}

async function ok<T>(result: Promise<GqlResult<T>>): Promise<T> {
  const r = await result;
  if (r.errors?.length || !r.data) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/**
 * Every operation that needs a practice permission appears here, keyed `Query.x` / `Mutation.x`.
 * The matrix test fails for any such operation that is missing: new operations join by
 * declaration.
 */
export const ISOLATION_MATRIX: Record<string, IsolationEntry> = {
  'Query.people': { kind: 'active-practice', query: '{ people { userId email } }' },
  'Query.invitations': { kind: 'active-practice', query: '{ invitations { id email } }' },
  'Mutation.invite': {
    kind: 'active-practice',
    query: 'mutation ($input: InviteInput!) { invite(input: $input) { invitation { id } } }',
    variables: {
      input: { email: 'matrix-invite@example.com', name: 'Matrix', role: 'PracticeStaff' },
    },
  },
  'Mutation.revokeInvitation': {
    kind: 'by-id',
    setup: async (f) => {
      const data = await ok<{ invite: { invitation: { id: string } } }>(
        asVictim(
          f,
          'mutation { invite(input: { email: "victim-invite@example.com", name: "Victim", role: PracticeStaff }) { invitation { id } } }',
        ),
      );
      return { id: data.invite.invitation.id };
    },
    query: 'mutation ($id: ID!) { revokeInvitation(id: $id) }',
    unchanged: async (f, { id }) => {
      const data = await ok<{ invitations: { id: string }[] }>(
        asVictim(f, '{ invitations { id } }'),
      );
      if (!data.invitations.some((i) => i.id === id))
        throw new Error('the victim invitation was revoked');
    },
  },
  'Mutation.removePerson': {
    kind: 'by-id',
    setup: async (f) => ({ userId: await f.t.userId('staff@trumpington.demo') }),
    query: 'mutation ($userId: ID!) { removePerson(userId: $userId) }',
    unchanged: async (f, { userId }) => {
      const data = await ok<{ people: { userId: string }[] }>(asVictim(f, '{ people { userId } }'));
      if (!data.people.some((p) => p.userId === userId))
        throw new Error('the victim person was removed');
    },
  },
  ...CHANNELS_ISOLATION_ENTRIES,
  ...POLICY_ISOLATION_ENTRIES,
  ...ESCALATION_ISOLATION_ENTRIES,
  ...FEEDBACK_ISOLATION_ENTRIES,
};
