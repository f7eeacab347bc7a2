import type { TestApp } from '../support/test-app';

export interface Actor {
  token: string;
  practiceId: string;
}

const ITEM = 'id kind status receivedOn acknowledgedOn closedOn outcome';
export const LOG = `mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { ${ITEM} } }`;
export const UPDATE = `mutation ($id: ID!, $input: UpdateFeedbackInput!) { updateFeedback(id: $id, input: $input) { ${ITEM} } }`;
export const TRANSITION = `mutation ($id: ID!, $to: FeedbackStatus!, $effectiveOn: String, $outcome: ComplaintOutcome, $phsoInformed: Boolean) {
  transitionFeedback(id: $id, to: $to, effectiveOn: $effectiveOn, outcome: $outcome, phsoInformed: $phsoInformed) { ${ITEM} } }`;
export const RESOLVED_NEXT_DAY = `mutation ($id: ID!, $resolvedOn: String) { markResolvedNextWorkingDay(id: $id, resolvedOn: $resolvedOn) { ${ITEM} } }`;

export interface Coding {
  subjectAreas: string[];
  staffGroups: string[];
  complainantStatus: string;
  ageBand: string;
}

export const CODING: Coding = {
  subjectAreas: ['clinical', 'communication'],
  staffGroups: ['gp'],
  complainantStatus: 'patient',
  ageBand: 'age_65_74',
};

/** Adds a channel straight in the database, as the practice. */
export async function addChannel(t: TestApp, practiceId: string, kind: string): Promise<string> {
  const [row] = await t.db.run({ tenantPracticeId: practiceId }, (uow) =>
    uow.query<{ id: string }>(
      `INSERT INTO feedback_channels (practice_id, kind, label, policy_text, position)
       VALUES ($1, $2, $3, 'Test channel.', (SELECT coalesce(max(position) + 1, 0) FROM feedback_channels WHERE practice_id = $1)) RETURNING id`,
      [practiceId, kind, `Insights test ${kind} ${Math.random().toString(36).slice(2, 8)}`],
    ),
  );
  return row.id;
}

/** Logs a complaint through the API on `receivedOn` (noon UTC). */
export async function logComplaint(
  t: TestApp,
  actor: Actor,
  channelId: string,
  receivedOn: string,
  coding: Partial<Coding> = {},
  oral = false,
): Promise<string> {
  const data = await t.gqlOk<{ logFeedback: { id: string } }>(
    LOG,
    {
      input: {
        channelId,
        receivedAt: `${receivedOn}T12:00:00Z`,
        kind: 'complaint',
        sentiment: 'negative',
        oral,
        summary: 'Insights test complaint: the patient waited too long for a call back.',
        coding: { ...CODING, ...coding },
      },
    },
    actor,
  );
  return data.logFeedback.id;
}

export async function logOther(
  t: TestApp,
  actor: Actor,
  channelId: string,
  receivedOn: string,
  kind: 'compliment' | 'suggestion',
  sentiment = 'positive',
): Promise<string> {
  const data = await t.gqlOk<{ logFeedback: { id: string } }>(
    LOG,
    {
      input: {
        channelId,
        receivedAt: `${receivedOn}T12:00:00Z`,
        kind,
        sentiment,
        summary: `Insights test ${kind}.`,
      },
    },
    actor,
  );
  return data.logFeedback.id;
}

export async function transition(
  t: TestApp,
  actor: Actor,
  id: string,
  to: string,
  effectiveOn: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await t.gqlOk(TRANSITION, { id, to, effectiveOn, ...extra }, actor);
}

/** Takes a complaint from received to closed with an outcome. */
export async function closeComplaint(
  t: TestApp,
  staff: Actor,
  manager: Actor,
  id: string,
  days: { ack: string; closed: string },
  outcome: string,
): Promise<void> {
  await transition(t, staff, id, 'acknowledged', days.ack);
  await transition(t, manager, id, 'investigating', days.ack);
  await transition(t, manager, id, 'responded', days.closed, { phsoInformed: true });
  await transition(t, manager, id, 'closed', days.closed, { outcome, phsoInformed: true });
}

/** One aggregate row, read as the owner (tests only). */
export async function aggregate(
  t: TestApp,
  table: 'feedback_monthly' | 'complaint_monthly' | 'fft_monthly' | 'incident_monthly',
  practiceId: string,
  month: string,
): Promise<Record<string, number>> {
  const [row] = await t.db.dataSource.query(
    `SELECT * FROM insights.${table} WHERE practice_id = $1 AND month = $2::date`,
    [practiceId, `${month}-01`],
  );
  if (!row) return {};
  const { practice_id: _p, month: _m, icb_id: _i, ...counts } = row as Record<string, unknown>;
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
}

/** Every aggregate row, for comparing the triggers' work with a rebuild. */
export async function allAggregates(t: TestApp): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const table of [
    'feedback_monthly',
    'complaint_monthly',
    'fft_monthly',
    'incident_monthly',
    'policy_overview',
  ]) {
    const rows: Record<string, unknown>[] = await t.db.dataSource.query(
      `SELECT * FROM insights.${table} ORDER BY practice_id${table === 'policy_overview' ? '' : ', month'}`,
    );
    // A row the triggers brought back to all zeros is the same as no row.
    out.push(
      table,
      rows
        .filter((r) =>
          Object.entries(r).some(
            ([k, v]) => !['practice_id', 'month', 'icb_id'].includes(k) && v !== 0 && v !== '0',
          ),
        )
        .map((r) => JSON.stringify(r)),
    );
  }
  return out;
}
