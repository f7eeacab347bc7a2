import type { GqlResult } from '../support/test-app';
import type { IsolationEntry, IsolationFixtures } from '../tenancy/isolation-matrix';

/** Isolation-matrix entries for feedback channels: Trumpington's channels are the target. */
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

const CHANNELS =
  '{ channels { id kind label policyText instructions address position enabled showInPolicy } }';
const victimChannels = async (f: IsolationFixtures) =>
  JSON.stringify((await asVictim<{ channels: unknown[] }>(f, CHANNELS)).channels);

/** Records the victim's channels; the attempt must leave them identical. */
const byId = (
  query: string,
  variables: (ids: string[]) => Record<string, unknown>,
): IsolationEntry => ({
  kind: 'by-id',
  setup: async (f) => {
    const { channels } = await asVictim<{ channels: { id: string }[] }>(f, '{ channels { id } }');
    if (channels.length === 0) throw new Error('Trumpington has no channels to target');
    f.victim.set('channels', await victimChannels(f));
    return variables(channels.map((c) => c.id));
  },
  query,
  unchanged: async (f) => {
    if ((await victimChannels(f)) !== f.victim.get('channels'))
      throw new Error('the victim channels changed');
  },
});

export const CHANNELS_ISOLATION_ENTRIES: Record<string, IsolationEntry> = {
  'Query.channels': {
    kind: 'active-practice',
    query: '{ channels { id label policyText address href } }',
  },
  'Mutation.createChannel': {
    kind: 'active-practice',
    query: 'mutation ($input: CreateChannelInput!) { createChannel(input: $input) { id } }',
    variables: { input: { kind: 'in_person', label: 'Matrix channel', policyText: 'Matrix.' } },
  },
  'Mutation.updateChannel': byId(
    'mutation ($id: ID!, $input: UpdateChannelInput!) { updateChannel(id: $id, input: $input) { id } }',
    (ids) => ({
      id: ids[0],
      input: { label: 'Hijacked', enabled: false },
    }),
  ),
  'Mutation.deleteChannel': byId('mutation ($id: ID!) { deleteChannel(id: $id) }', (ids) => ({
    id: ids[ids.length - 1],
  })),
  'Mutation.reorderChannels': byId(
    'mutation ($ids: [ID!]!) { reorderChannels(ids: $ids) { id } }',
    (ids) => ({ ids: [...ids].reverse() }),
  ),
};
