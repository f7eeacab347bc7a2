import type { GqlResult, TestApp } from '../support/test-app';

/** Every field of an item, as the console's detail page asks for it. */
export const ITEM_FIELDS = `
  id reference source receivedAt receivedOn kind sentiment summary oral status allowedTransitions
  channel { id kind label }
  coding { subjectAreas staffGroups complainantStatus ageBand complete }
  eventOn awareOn timeLimitFlagged outcome phsoInformed outsideRegulations acknowledgedOn respondedOn closedOn
  clocks { acknowledgementDue acknowledgementOverdue acknowledgedInTime delayLetterDue delayLetterOverdue delayLetterSentOn
           timeLimit { limitDate withinLimit waived waivedBecause } }
  contact { name email phone }
  history { from to note effectiveOn occurredAt by { id name } }`;

export interface Item {
  id: string;
  reference: string;
  source: string;
  receivedAt: string;
  receivedOn: string;
  kind: string;
  sentiment: string;
  summary: string;
  oral: boolean;
  status: string;
  allowedTransitions: string[];
  channel: { id: string; kind: string; label: string };
  coding: {
    subjectAreas: string[];
    staffGroups: string[];
    complainantStatus: string | null;
    ageBand: string | null;
    complete: boolean;
  } | null;
  eventOn: string | null;
  awareOn: string | null;
  timeLimitFlagged: boolean;
  outcome: string | null;
  phsoInformed: boolean;
  outsideRegulations: boolean;
  acknowledgedOn: string | null;
  respondedOn: string | null;
  closedOn: string | null;
  clocks: {
    acknowledgementDue: string;
    acknowledgementOverdue: boolean;
    acknowledgedInTime: boolean | null;
    delayLetterDue: string;
    delayLetterOverdue: boolean;
    delayLetterSentOn: string | null;
    timeLimit: {
      limitDate: string;
      withinLimit: boolean;
      waived: boolean;
      waivedBecause: string | null;
    } | null;
  } | null;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  history: {
    from: string | null;
    to: string;
    note: string | null;
    effectiveOn: string;
    occurredAt: string;
    by: { id: string; name: string } | null;
  }[];
}

export const LOG = `mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { ${ITEM_FIELDS} } }`;
export const ITEM = `query ($id: ID!) { feedbackItem(id: $id) { ${ITEM_FIELDS} } }`;
export const TRANSITION = `mutation ($id: ID!, $to: FeedbackStatus!, $note: String, $effectiveOn: String, $outcome: ComplaintOutcome, $phsoInformed: Boolean) {
  transitionFeedback(id: $id, to: $to, note: $note, effectiveOn: $effectiveOn, outcome: $outcome, phsoInformed: $phsoInformed) { ${ITEM_FIELDS} } }`;
export const LIST = `query ($filter: FeedbackFilter, $first: Int, $after: String) {
  feedbackItems(filter: $filter, first: $first, after: $after) { totalCount hasNextPage endCursor items { id reference kind status summary receivedOn contact { name } history { to } } } }`;

export interface Actor {
  token: string;
  practiceId: string;
}

/** Adds a channel straight in the database (as the practice), so tests do not lean on the channels API. */
export async function addChannel(
  t: TestApp,
  practiceId: string,
  kind: string,
  options: { label?: string; enabled?: boolean } = {},
): Promise<string> {
  const [row] = await t.db.run({ tenantPracticeId: practiceId }, (uow) =>
    uow.query<{ id: string }>(
      `INSERT INTO feedback_channels (practice_id, kind, label, policy_text, position, enabled)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position) + 1, 0) FROM feedback_channels WHERE practice_id = $1), $5) RETURNING id`,
      [
        practiceId,
        kind,
        options.label ?? `Test ${kind} ${Math.random().toString(36).slice(2, 8)}`,
        'Test channel.',
        options.enabled ?? true,
      ],
    ),
  );
  return row.id;
}

/** Switches off every online form of a practice. */
export async function disableOnlineForms(t: TestApp, practiceId: string): Promise<void> {
  await t.db.run({ tenantPracticeId: practiceId }, (uow) =>
    uow.query(
      `UPDATE feedback_channels SET enabled = false WHERE practice_id = $1 AND kind = 'online_form'`,
      [practiceId],
    ),
  );
}

export async function countItems(t: TestApp, practiceId: string): Promise<number> {
  const [{ count }] = await t.db.run({ tenantPracticeId: practiceId }, (uow) =>
    uow.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM feedback_items WHERE practice_id = $1',
      [practiceId],
    ),
  );
  return count;
}

export function complaintInput(
  channelId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    channelId,
    receivedAt: '2025-03-13T10:30:00Z',
    kind: 'complaint',
    sentiment: 'negative',
    summary: 'Waited 40 minutes past the appointment time without being told why.',
    oral: true,
    coding: {
      subjectAreas: ['access_appointments'],
      staffGroups: ['admin_reception'],
      complainantStatus: 'patient',
      ageBand: 'age_16_64',
    },
    ...overrides,
  };
}

export async function logItem(
  t: TestApp,
  actor: Actor,
  input: Record<string, unknown>,
): Promise<Item> {
  const data = await t.gqlOk<{ logFeedback: Item }>(LOG, { input }, actor);
  return data.logFeedback;
}

export function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** Booting the app (migrations, demo data) on a busy machine can take well over a minute. */
export const BOOT_TIMEOUT_MS = 240_000;

/**
 * Saves the practice's escalation settings with the given complaint clocks (the regulations'
 * limits by default: acknowledge by the 3rd working day, delay letter at 6 months, 12-month limit).
 * The demo gives Wilmslow a stricter 2-day acknowledgement.
 */
export async function setClocks(
  t: TestApp,
  manager: Actor,
  clocks: { ackWorkingDays: number; delayLetterMonths: number; timeLimitMonths: number } = {
    ackWorkingDays: 3,
    delayLetterMonths: 6,
    timeLimitMonths: 12,
  },
): Promise<void> {
  await t.gqlOk(
    `mutation ($input: SaveEscalationSettingsInput!) { saveEscalationSettings(input: $input) { version } }`,
    {
      input: {
        ladder: [{ kind: 'invite_discussion', trigger: { minSeverity: 'offensive' } }],
        removalRules: {
          warningValidMonths: 12,
          writtenConfirmationDays: 7,
          allowRemovalWithoutWarningWhenUnsafe: true,
        },
        clocks: { ...clocks, responseTargetWorkingDays: Math.min(20, clocks.ackWorkingDays * 6) },
        volumeAlert: { count: 5, withinDays: 7, of: 'negative' },
      },
    },
    manager,
  );
}
