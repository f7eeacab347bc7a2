import type { GqlResult } from '../support/test-app';
import type { IsolationEntry, IsolationFixtures } from '../tenancy/isolation-matrix';

/**
 * Isolation-matrix entries for the feedback log, FFT and complaints import. Trumpington's items
 * (the target) name the practice in their summary and contact, so any leak into Wilmslow's answers shows.
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

async function victimChannel(f: IsolationFixtures): Promise<string> {
  const data = await asVictim<{ channels: { id: string }[] }>(f, '{ channels { id } }');
  if (!data.channels[0]) throw new Error('Trumpington has no channel to log feedback through');
  return data.channels[0].id;
}

const victimInput = (channelId: string) => ({
  channelId,
  receivedAt: '2024-02-05T10:00:00Z',
  kind: 'complaint',
  sentiment: 'negative',
  summary: 'Trumpington victim complaint',
  oral: true,
  eventOn: '2022-01-01',
  contact: { name: 'Trumpington Victim', email: 'victim@trumpington.example' },
});

async function victimItem(f: IsolationFixtures): Promise<string> {
  const data = await asVictim<{ logFeedback: { id: string } }>(
    f,
    'mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id } }',
    {
      input: victimInput(await victimChannel(f)),
    },
  );
  return data.logFeedback.id;
}

const ITEM_STATE =
  'query ($id: ID!) { feedbackItem(id: $id) { status summary kind timeLimitFlagged clocks { delayLetterSentOn } history { to } } }';

/** Proves a victim item is exactly as logged: received, unchanged, one history step. */
const itemUntouched = async (f: IsolationFixtures, variables: Record<string, unknown>) => {
  const { feedbackItem: item } = await asVictim<{
    feedbackItem: {
      status: string;
      summary: string;
      kind: string;
      timeLimitFlagged: boolean;
      clocks: { delayLetterSentOn: string | null };
      history: unknown[];
    };
  }>(f, ITEM_STATE, { id: variables['id'] });
  const expected = {
    status: 'received',
    summary: 'Trumpington victim complaint',
    kind: 'complaint',
    timeLimitFlagged: true,
    delayLetterSentOn: null,
    steps: 1,
  };
  const actual = {
    ...item,
    delayLetterSentOn: item.clocks.delayLetterSentOn,
    steps: item.history.length,
  };
  for (const [key, value] of Object.entries(expected)) {
    if (actual[key as keyof typeof actual] !== value)
      throw new Error(`the victim item changed: ${key}`);
  }
};

const byId = (query: string, extra: Record<string, unknown> = {}): IsolationEntry => ({
  kind: 'by-id',
  setup: async (f) => ({ id: await victimItem(f), ...extra }),
  query,
  unchanged: itemUntouched,
});

const victimCount = async (f: IsolationFixtures) =>
  (
    await asVictim<{ feedbackItems: { totalCount: number } }>(
      f,
      '{ feedbackItems(first: 1) { totalCount } }',
    )
  ).feedbackItems.totalCount;

/** A Trumpington complaint closed 11 years ago: past its retention period, awaiting review. */
async function victimPastRetention(f: IsolationFixtures): Promise<string> {
  const data = await asVictim<{ channels: { label: string }[] }>(f, '{ channels { label } }');
  const label = data.channels[0].label.replace(/[",]/g, '');
  const year = new Date().getUTCFullYear() - 11;
  const csv = [
    'received_on,channel,summary,kind,status,subject_areas,complainant_status,age_band,acknowledged_on,responded_on,closed_on,outcome,phso_informed',
    `${year}-01-05,${label},Trumpington retention victim,complaint,closed,clinical,patient,unknown,${year}-01-06,${year}-02-01,${year}-02-02,upheld,yes`,
  ].join('\n');
  await asVictim(f, 'mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported } }', {
    csv,
  });
  const [row] = await f.t.db.run({ tenantPracticeId: f.trumpingtonId }, (uow) =>
    uow.query<{ id: string }>(
      `SELECT feedback_id AS id FROM feedback_texts WHERE practice_id = $1 AND summary = 'Trumpington retention victim' LIMIT 1`,
      [f.trumpingtonId],
    ),
  );
  return row.id;
}

const RETENTION_STATE =
  '{ retentionReview(first: 100) { items { feedbackId retentionReviewDue latestReview { id } } } }';

export const FEEDBACK_ISOLATION_ENTRIES: Record<string, IsolationEntry> = {
  'Query.feedbackItems': {
    kind: 'active-practice',
    query:
      '{ feedbackItems(first: 100) { totalCount items { id summary contact { name email } channel { label } history { note } } } }',
  },
  'Query.overdueFeedback': {
    kind: 'active-practice',
    query:
      '{ overdueFeedback { total acknowledgementOverdue { id summary } delayLetterDue { id summary } } }',
  },
  'Query.fftMonthlyCounts': {
    kind: 'active-practice',
    query: '{ fftMonthlyCounts(from: "2024-01", to: "2024-12") { month total } }',
  },
  'Query.fftResponses': {
    kind: 'active-practice',
    query: '{ fftResponses(month: "2024-02") { id comment } }',
  },
  'Mutation.recordFftResponse': {
    kind: 'active-practice',
    query:
      'mutation { recordFftResponse(input: { rating: good, respondedOn: "2024-02-01", comment: "MATRIX" }) { id comment } }',
  },
  'Mutation.importComplaintsCsv': {
    kind: 'active-practice',
    query:
      'mutation ($csv: String!) { importComplaintsCsv(csv: $csv) { imported problems { row field message } } }',
    variables: { csv: 'received_on,channel,summary\n' },
  },
  'Query.feedbackItem': byId(
    `query ($id: ID!) { feedbackItem(id: $id) { id summary contact { name } } }`,
  ),
  'Mutation.updateFeedback': byId(
    'mutation ($id: ID!) { updateFeedback(id: $id, input: { summary: "changed", kind: suggestion }) { id } }',
  ),
  'Mutation.transitionFeedback': byId(
    'mutation ($id: ID!) { transitionFeedback(id: $id, to: acknowledged) { id } }',
  ),
  'Mutation.markResolvedNextWorkingDay': byId(
    'mutation ($id: ID!) { markResolvedNextWorkingDay(id: $id) { id } }',
  ),
  'Mutation.waiveTimeLimit': byId(
    'mutation ($id: ID!) { waiveTimeLimit(id: $id, because: "matrix") { id } }',
  ),
  'Mutation.recordDelayLetter': byId('mutation ($id: ID!) { recordDelayLetter(id: $id) { id } }'),
  'Mutation.logFeedback': {
    kind: 'by-id',
    setup: async (f) => {
      f.victim.set('feedback-count', String(await victimCount(f)));
      return {
        input: {
          ...victimInput(await victimChannel(f)),
          summary: 'logged through a Trumpington channel',
          contact: null,
        },
      };
    },
    query: 'mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id } }',
    unchanged: async (f) => {
      if (String(await victimCount(f)) !== f.victim.get('feedback-count'))
        throw new Error('an item was logged in the victim practice');
    },
  },
  'Query.retentionSettings': {
    kind: 'active-practice',
    query: '{ retentionSettings { retentionYears isDefault updatedBy } }',
  },
  'Query.retentionReview': {
    kind: 'active-practice',
    query:
      '{ retentionReview(first: 100) { totalCount items { feedbackId reference closedOn latestReview { reason decidedBy } } } }',
  },
  'Mutation.saveRetentionSettings': {
    kind: 'active-practice',
    query:
      'mutation { saveRetentionSettings(input: { retentionYears: 11 }) { retentionYears updatedBy } }',
  },
  'Mutation.recordRetentionReview': {
    kind: 'by-id',
    setup: async (f) => ({ id: await victimPastRetention(f) }),
    query:
      'mutation ($id: ID!) { recordRetentionReview(input: { feedbackId: $id, decision: approved_for_destruction, reason: "matrix" }) { feedbackId } }',
    unchanged: async (f, { id }) => {
      const data = await asVictim<{
        retentionReview: {
          items: { feedbackId: string; retentionReviewDue: boolean; latestReview: unknown }[];
        };
      }>(f, RETENTION_STATE);
      const item = data.retentionReview.items.find((i) => i.feedbackId === id);
      if (!item?.retentionReviewDue || item.latestReview)
        throw new Error('the victim record was reviewed');
    },
  },
};
