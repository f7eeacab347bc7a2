// The three kinds of client of the load run: anonymous readers of the public policy, staff logging
// feedback in the console, and patients sending the online form. Each records what it was told,
// so the run can check afterwards that every acknowledged write is in the database.
import { randomUUID } from 'node:crypto';

const POLICY_FIELDS = 'title version practiceName channels { kind label }';
const LOG_FEEDBACK = `mutation ($input: LogFeedbackInput!) { logFeedback(input: $input) { id reference } }`;
const FIND_BY_SUMMARY = `query ($search: String) { feedbackItems(filter: { search: $search }, first: 5) { items { id } } }`;

/** Counts and latencies per kind of request. */
export class Tally {
  constructor() {
    this.kinds = new Map();
  }

  record(kind, outcome, ms) {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { outcomes: new Map(), latencies: [] }));
    entry.outcomes.set(outcome, (entry.outcomes.get(outcome) ?? 0) + 1);
    if (entry.latencies.length < 200_000) entry.latencies.push(ms);
  }

  summary(seconds) {
    return [...this.kinds].map(([kind, { outcomes, latencies }]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
      return {
        kind,
        total,
        perSecond: total / seconds,
        outcomes: Object.fromEntries(outcomes),
        p50: at(0.5),
        p99: at(0.99),
      };
    });
  }
}

async function timed(tally, kind, work) {
  const started = performance.now();
  let outcome;
  try {
    outcome = await work();
  } catch (error) {
    outcome = `network: ${error.cause?.code ?? error.code ?? error.message}`;
  }
  tally.record(kind, outcome, performance.now() - started);
  return outcome;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the public policy of a random practice, alternating the JSON route and GraphQL. */
export async function reader({ baseUrl, slugs, tally, until }) {
  let turn = Math.floor(Math.random() * 2);
  while (Date.now() < until()) {
    const slug = slugs[Math.floor(Math.random() * slugs.length)];
    if (turn++ % 2 === 0) {
      await timed(tally, 'public policy (REST)', async () => {
        const response = await fetch(`${baseUrl}/public/practices/${slug}/policy`);
        await response.arrayBuffer();
        return String(response.status);
      });
    } else {
      await timed(tally, 'public policy (GraphQL)', async () => {
        const response = await fetch(`${baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `query ($s: String!) { publicPolicy(practiceSlug: $s) { ${POLICY_FIELDS} } }`,
            variables: { s: slug },
          }),
        });
        const body = await response.json();
        return body.errors ? `error: ${body.errors[0].extensions?.code}` : String(response.status);
      });
    }
  }
}

async function gql(baseUrl, staff, query, variables) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${staff.token}`,
      'x-parley-practice': staff.practiceId,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  return { status: response.status, body };
}

/**
 * A member of staff logging feedback as fast as the console lets them. A failed save is
 * checked for before it is tried again (the console's logFeedback has no idempotency key), so a
 * write that committed but whose answer was lost is not logged twice.
 */
export async function staffWriter({ baseUrl, staff, tally, until, acknowledged }) {
  const kinds = [
    ['complaint', 'negative'],
    ['compliment', 'positive'],
    ['suggestion', 'neutral'],
  ];
  let n = 0;
  while (Date.now() < until()) {
    const [kind, sentiment] = kinds[n++ % kinds.length];
    const summary = `load-staff-${randomUUID()} ${kind} logged at the desk during the load run`;
    const input = {
      channelId: staff.channelId,
      receivedAt: new Date().toISOString(),
      kind,
      sentiment,
      summary,
      oral: kind === 'complaint',
    };
    for (let attempt = 0; attempt < 60 && Date.now() < until() + 30_000; attempt++) {
      let id = null;
      await timed(tally, 'staff logFeedback', async () => {
        const { status, body } = await gql(baseUrl, staff, LOG_FEEDBACK, { input });
        if (body.data?.logFeedback) id = body.data.logFeedback.id;
        return body.errors ? `error: ${body.errors[0].extensions?.code}` : String(status);
      });
      if (id) {
        acknowledged.push({ practiceId: staff.practiceId, id, summary });
        break;
      }
      await pause(250);
      // Did the failed attempt commit after all? Then it is done, not to be logged again.
      const found = await gql(baseUrl, staff, FIND_BY_SUMMARY, {
        search: summary.slice(0, 48),
      }).catch(() => null);
      const items = found?.body?.data?.feedbackItems?.items ?? null;
      if (items?.length) {
        acknowledged.push({ practiceId: staff.practiceId, id: items[0].id, summary, late: true });
        break;
      }
    }
  }
}

/**
 * A patient sending the online form from their own address, retrying with the same
 * Idempotency-Key until they get a receipt (as the embed does after a network error).
 */
export async function formSender({ baseUrl, slugs, tally, until, acknowledged, stats }) {
  while (Date.now() < until()) {
    const slug = slugs[Math.floor(Math.random() * slugs.length)];
    const key = randomUUID();
    const message = `load-form-${key} the new phone system works well`;
    const ip = `10.${rand(256)}.${rand(256)}.${1 + rand(254)}`;
    for (let attempt = 0; attempt < 120; attempt++) {
      let reference = null;
      const outcome = await timed(tally, 'public form', async () => {
        const response = await fetch(`${baseUrl}/public/practices/${slug}/feedback`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            'x-forwarded-for': ip,
          },
          body: JSON.stringify({ message, kind: 'compliment' }),
        });
        const body = await response.json().catch(() => ({}));
        if (response.status === 201) reference = body.reference;
        return String(response.status);
      });
      if (reference) {
        acknowledged.push({ slug, key, message, reference, attempts: attempt + 1 });
        if (attempt > 0) stats.retriedToSuccess++;
        break;
      }
      if (outcome === '400' || outcome === '403' || outcome === '404') break; // not worth retrying
      await pause(250);
    }
  }
}

const rand = (n) => Math.floor(Math.random() * n);
