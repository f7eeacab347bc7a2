import type { GqlResult } from '../support/test-app';
import type { IsolationEntry, IsolationFixtures } from '../tenancy/isolation-matrix';
import { Q, simpleDocument } from './policy-api';

/** Isolation-matrix entries for the policy: Trumpington's versions are the target. */
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

const victimCurrentId = async (f: IsolationFixtures) =>
  (await asVictim<{ currentPolicy: { id: string } }>(f, '{ currentPolicy { id } }')).currentPolicy
    .id;
const victimDraftId = async (f: IsolationFixtures) =>
  (await asVictim<{ policyDraft: { id: string } | null }>(f, '{ policyDraft { id } }')).policyDraft
    ?.id ?? '';

/** The victim's published and draft versions are exactly as the setup left them. */
const policyUntouched = async (f: IsolationFixtures) => {
  if ((await victimCurrentId(f)) !== f.victim.get('policy.current'))
    throw new Error('the victim published policy changed');
  if ((await victimDraftId(f)) !== f.victim.get('policy.draft'))
    throw new Error('the victim draft changed');
};

const remember = async (f: IsolationFixtures) => {
  f.victim.set('policy.current', await victimCurrentId(f));
  f.victim.set('policy.draft', await victimDraftId(f));
};

const ensureVictimDraft = async (f: IsolationFixtures) => {
  await asVictim(f, Q.saveDraft, {
    input: { document: simpleDocument('Trumpington matrix draft'), effectiveDate: '2025-02-01' },
  });
};

// policyDraft and currentPolicy are nullable: refused, they answer `data: { field: null }`. The
// non-null policyVersions beside them makes a refusal null the whole answer, as the matrix expects.
export const POLICY_ISOLATION_ENTRIES: Record<string, IsolationEntry> = {
  'Query.policyDraft': {
    kind: 'active-practice',
    query: '{ policyDraft { id text } policyVersions { id } }',
  },
  'Query.currentPolicy': {
    kind: 'active-practice',
    query: '{ currentPolicy { id text html channels { label href } } policyVersions { id } }',
  },
  'Query.policyVersions': { kind: 'active-practice', query: '{ policyVersions { id text } }' },
  'Query.policyEscalationSteps': {
    kind: 'active-practice',
    query: '{ policyEscalationSteps policyVersions { id } }',
  },
  'Query.policyPreview': {
    kind: 'active-practice',
    query: Q.preview,
    variables: { document: simpleDocument('matrix preview'), effectiveDate: '2025-01-01' },
  },
  'Mutation.saveDraft': {
    kind: 'active-practice',
    query: 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id text } }',
    variables: { input: { document: simpleDocument('matrix draft'), effectiveDate: '2025-01-01' } },
  },
  'Mutation.discardDraft': { kind: 'active-practice', query: Q.discardDraft },
  'Query.policyVersion': {
    kind: 'by-id',
    setup: async (f) => {
      await remember(f);
      return { id: f.victim.get('policy.current') };
    },
    query: 'query ($id: ID!) { policyVersion(id: $id) { id text } }',
    unchanged: policyUntouched,
  },
  'Query.policyDiff': {
    kind: 'by-id',
    setup: async (f) => {
      await remember(f);
      return { fromId: f.victim.get('policy.current'), toId: f.victim.get('policy.current') };
    },
    query:
      'query ($fromId: ID!, $toId: ID!) { policyDiff(fromId: $fromId, toId: $toId) { lines { text } } }',
    unchanged: policyUntouched,
  },
  'Mutation.startDraftFrom': {
    kind: 'by-id',
    setup: async (f) => {
      await remember(f);
      return { versionId: f.victim.get('policy.current') };
    },
    query: 'mutation ($versionId: ID!) { startDraftFrom(versionId: $versionId) { id } }',
    unchanged: policyUntouched,
  },
  'Mutation.publishDraft': {
    kind: 'by-id',
    setup: async (f) => {
      await ensureVictimDraft(f);
      await remember(f);
      return { expectedDraftId: f.victim.get('policy.draft') };
    },
    query:
      'mutation ($expectedDraftId: ID!) { publishDraft(expectedDraftId: $expectedDraftId) { id } }',
    unchanged: policyUntouched,
  },
};
