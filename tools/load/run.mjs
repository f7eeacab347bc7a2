#!/usr/bin/env node
// Load, faults and scale-out, in one bounded run on loopback against the local PostgreSQL:
//   - one or two Parley processes (two share Redis) behind a round-robin proxy, on a throwaway
//     database with the demo data;
//   - for --duration seconds: --readers anonymous readers of the public policy, --writers staff
//     logging feedback, --forms patients sending the online form (Idempotency-Key, retried);
//   - with --restart-db, PostgreSQL is restarted half-way: /health of every process is watched
//     going not-ready and back, and the clients keep going (the form retries with its key);
//   - afterwards: every acknowledged write is in the database, no form submission is stored
//     twice, the clock sweep ran at most once per interval per practice, and (two processes) the
//     per-address form limit is shared: 10 accepted, then 429, whichever process answers.
// Prints the figures; exits 1 when a check fails.
//
//   node tools/load/run.mjs [--processes 2] [--duration 60] [--readers 200] [--writers 4]
//     [--forms 8] [--restart-db] [--url postgres://postgres@127.0.0.1:5432/postgres]
//     [--redis redis://127.0.0.1:6379]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { startParleyOn, startRoundRobinProxy } from './cluster.mjs';
import { Tally, formSender, reader, staffWriter } from './clients.mjs';
import { HealthWatch, SweepWatch } from './watchers.mjs';

const args = parseArgs(process.argv.slice(2));
const PROCESSES = clamp(Number(args.processes ?? 2), 1, 4);
const DURATION_S = clamp(Number(args.duration ?? 60), 5, 600);
const READERS = clamp(Number(args.readers ?? 200), 1, 1000);
const WRITERS = clamp(Number(args.writers ?? 4), 0, 50);
const FORMS = clamp(Number(args.forms ?? 8), 0, 100);
const RESTART_DB = Boolean(args['restart-db']);
const SERVER = args.url ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = args.redis ?? 'redis://127.0.0.1:6379';
const SWEEP_SECONDS = 5;
const PASSWORD = process.env.PARLEY_DEMO_PASSWORD ?? 'parley-demo-password';
const STAFF = ['staff@wilmslow.demo', 'staff@trumpington.demo'];

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[argv[i].slice(2)] = true;
    else out[argv[i].slice(2)] = argv[++i];
  }
  return out;
}
function clamp(n, lo, hi) {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
}
const log = (...parts) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);

const dbName = `parley_load_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(SERVER);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const admin = new pg.Client({ connectionString: SERVER });
// A restart ends this session too; the database is dropped over a fresh one then.
admin.on('error', () => undefined);
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
log(
  `database ${dbName}; ${PROCESSES} process(es); ${availableParallelism()} CPUs, load ${loadavg()[0].toFixed(1)}`,
);

const processes = [];
let proxy = null;
const failures = [];
try {
  const env = {
    // Every process must accept the others' tokens, as in production.
    JWT_SECRET: randomBytes(32).toString('hex'),
    ALERT_SWEEP_INTERVAL_SECONDS: String(SWEEP_SECONDS),
    // Patients are many addresses; one practice receives them all, so its hourly cap is lifted.
    PUBLIC_FORM_LIMIT_PER_PRACTICE: '1000000',
    ...(PROCESSES > 1 ? { REDIS_URL: REDIS } : {}),
  };
  // One at a time: the first migrates and loads the demo data, the others find it there.
  for (let i = 0; i < PROCESSES; i++) processes.push(await startParleyOn(dbUrl, { env }));
  proxy = await startRoundRobinProxy(processes);
  const baseUrl = proxy.url;
  log(`Parley at ${processes.map((p) => p.url).join(', ')}; proxy ${baseUrl}`);

  const { slugs, formSlugs, staff } = await discover(baseUrl);
  log(`${slugs.length} published policies; online forms at ${formSlugs.join(', ')}`);

  const tally = new Tally();
  const staffAcks = [];
  const formAcks = [];
  const formStats = { retriedToSuccess: 0 };
  const health = new HealthWatch(processes.map((p) => p.url));
  const sweeps = new SweepWatch(dbUrl);
  await health.start();
  await sweeps.start();

  const started = Date.now();
  const endsAt = started + DURATION_S * 1000;
  const until = () => endsAt;
  const clients = [
    ...Array.from({ length: READERS }, () => reader({ baseUrl, slugs, tally, until })),
    ...Array.from({ length: WRITERS }, (_, i) =>
      staffWriter({
        baseUrl,
        staff: staff[i % staff.length],
        tally,
        until,
        acknowledged: staffAcks,
      }),
    ),
    ...Array.from({ length: FORMS }, () =>
      formSender({
        baseUrl,
        slugs: formSlugs,
        tally,
        until,
        acknowledged: formAcks,
        stats: formStats,
      }),
    ),
  ];
  let restart = null;
  if (RESTART_DB) {
    restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, (DURATION_S * 1000) / 2));
      const at = Date.now();
      log('restarting PostgreSQL');
      restartPostgres();
      log(`PostgreSQL back after ${((Date.now() - at) / 1000).toFixed(1)} s`);
      return { at, back: Date.now() };
    })();
  }
  await Promise.all(clients);
  const restarted = restart ? await restart : null;
  const elapsed = (Date.now() - started) / 1000;
  await health.stop();
  await sweeps.stop();
  log(`load finished after ${elapsed.toFixed(1)} s`);

  // Checks.
  const rows = tally.summary(elapsed);
  const unexpected = rows.flatMap((r) =>
    Object.entries(r.outcomes)
      .filter(([outcome]) => !['200', '201'].includes(outcome))
      .map(([outcome, n]) => ({ kind: r.kind, outcome, n })),
  );
  if (!RESTART_DB && unexpected.length > 0)
    failures.push(`errors under load: ${JSON.stringify(unexpected)}`);
  if (RESTART_DB) {
    const bad = unexpected.filter(
      (u) =>
        !u.outcome.startsWith('network') &&
        !['503', '502'].includes(u.outcome) &&
        u.outcome !== 'error: SERVICE_UNAVAILABLE',
    );
    if (bad.length > 0)
      failures.push(`answers other than "unavailable" during the fault: ${JSON.stringify(bad)}`);
  }
  const stored = await verifyWrites(dbUrl, staffAcks, formAcks);
  if (stored.staffMissing > 0)
    failures.push(`${stored.staffMissing} acknowledged staff writes missing`);
  if (stored.formMissing > 0)
    failures.push(`${stored.formMissing} acknowledged form submissions missing`);
  if (stored.duplicates > 0)
    failures.push(`${stored.duplicates} submissions stored more than once`);
  const sweepReport = sweeps.report(SWEEP_SECONDS);
  if (sweepReport.tooOften > 0)
    failures.push(`${sweepReport.tooOften} practice sweeps closer together than the interval`);
  const healthReport = health.report();
  if (RESTART_DB && !healthReport.every((h) => h.wentDown && h.cameBack))
    failures.push(
      `/health did not go not-ready and back on every process: ${JSON.stringify(healthReport)}`,
    );
  // A 503 means the process lost its database; a slow answer (over 2 s) under saturation is
  // reported in the timeline but is not a readiness failure.
  if (!RESTART_DB && healthReport.some((h) => h.timeline.includes('not ready')))
    failures.push('/health reported not ready under load');
  let sharedLimit = null;
  if (PROCESSES > 1) {
    sharedLimit = await checkSharedFormLimit(baseUrl, formSlugs[0]);
    if (sharedLimit.accepted !== 10 || sharedLimit.limited !== 2)
      failures.push(`form limit not shared across processes: ${JSON.stringify(sharedLimit)}`);
  }

  printReport({
    rows,
    elapsed,
    staffAcks,
    formAcks,
    formStats,
    stored,
    sweepReport,
    healthReport,
    restarted,
    sharedLimit,
    proxyCounts: await proxy.counts(),
  });
} catch (error) {
  failures.push(error.stack ?? String(error));
  for (const p of processes) console.error(p.output());
} finally {
  await proxy?.close();
  for (const p of processes) await p.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(async () => {
    // The restart dropped this client's connection: use a fresh one.
    const again = new pg.Client({ connectionString: SERVER });
    await again.connect();
    await again.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await again.end();
  });
  await admin.end().catch(() => undefined);
}
if (failures.length > 0) {
  console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('\nAll checks passed.');
}

/** The published policies, the practices with an online form, and signed-in staff with a channel. */
async function discover(baseUrl) {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const practices = await client.query(
      `SELECT p.slug, bool_or(c.kind = 'online_form' AND c.enabled) AS has_form
         FROM practices p JOIN policy_versions v ON v.practice_id = p.id AND v.status = 'published'
         LEFT JOIN feedback_channels c ON c.practice_id = p.id
        GROUP BY p.slug ORDER BY p.slug`,
    );
    const slugs = practices.rows.map((r) => r.slug);
    const formSlugs = practices.rows.filter((r) => r.has_form).map((r) => r.slug);
    const staff = [];
    for (const email of STAFF) {
      const login = await post(baseUrl, {
        query:
          'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        variables: { e: email, p: PASSWORD },
      });
      const token = login.data.login.accessToken;
      const me = await post(
        baseUrl,
        { query: '{ me { memberships { practice { id } } } }' },
        token,
      );
      const practiceId = me.data.me.memberships[0].practice.id;
      const channels = await client.query(
        `SELECT id FROM feedback_channels WHERE practice_id = $1 AND enabled ORDER BY position LIMIT 1`,
        [practiceId],
      );
      staff.push({ email, token, practiceId, channelId: channels.rows[0].id });
    }
    return { slugs, formSlugs, staff };
  } finally {
    await client.end();
  }
}

async function post(baseUrl, body, token) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json;
}

/** Restarts the local cluster the way an operator (or a failover) would. */
function restartPostgres() {
  const version = readdirSync('/etc/postgresql')[0];
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    stdio: 'inherit',
  });
}

async function verifyWrites(url, staffAcks, formAcks) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = staffAcks.map((a) => a.id);
    const found = await client.query(
      'SELECT count(*)::int AS n FROM feedback_items WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const texts = await client.query(
      `SELECT summary, count(*)::int AS n FROM feedback_texts
        WHERE summary LIKE 'load-form-%' OR summary LIKE 'load-staff-%' GROUP BY summary`,
    );
    const counts = new Map(texts.rows.map((r) => [r.summary, r.n]));
    const formMissing = formAcks.filter((a) => !counts.get(a.message)).length;
    const duplicates = texts.rows.filter((r) => r.n > 1).length;
    return {
      staffAcknowledged: ids.length,
      staffFound: found.rows[0].n,
      staffMissing: ids.length - found.rows[0].n,
      formAcknowledged: formAcks.length,
      formMissing,
      duplicates,
      storedLoadItems: [...counts.values()].reduce((a, b) => a + b, 0),
    };
  } finally {
    await client.end();
  }
}

/** Twelve submissions from one address, alternating processes: the shared limit takes 10. */
async function checkSharedFormLimit(baseUrl, slug) {
  // An address no earlier run used: the counters live in Redis for 10 minutes.
  const address = `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
  const statuses = [];
  for (let i = 0; i < 12; i++) {
    const response = await fetch(`${baseUrl}/public/practices/${slug}/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        message: `load-limit-${i} checking the shared limit`,
        kind: 'suggestion',
      }),
    });
    statuses.push(response.status);
  }
  return {
    accepted: statuses.filter((s) => s === 201).length,
    limited: statuses.filter((s) => s === 429).length,
    statuses: statuses.join(' '),
  };
}

function printReport(r) {
  const n = (x) => Math.round(x).toLocaleString('en-GB');
  console.log(`\n| requests | total | per second | outcomes | p50 ms | p99 ms |`);
  console.log(`|---|---:|---:|---|---:|---:|`);
  for (const row of r.rows)
    console.log(
      `| ${row.kind} | ${n(row.total)} | ${n(row.perSecond)} | ${Object.entries(row.outcomes)
        .map(([o, c]) => `${o}: ${n(c)}`)
        .join(', ')} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} |`,
    );
  console.log(`\nproxy spread over processes: ${r.proxyCounts.map(n).join(' / ')}`);
  console.log(
    `staff writes acknowledged ${n(r.stored.staffAcknowledged)} (${r.staffAcks.filter((a) => a.late).length} found committed after a failed answer), in the database ${n(r.stored.staffFound)}`,
  );
  console.log(
    `form submissions acknowledged ${n(r.stored.formAcknowledged)} (${r.formStats.retriedToSuccess} after retries with the same key), missing ${r.stored.formMissing}, stored twice ${r.stored.duplicates}`,
  );
  console.log(`sweeps: ${JSON.stringify(r.sweepReport)}`);
  for (const h of r.healthReport) console.log(`health ${h.url}: ${h.timeline}`);
  if (r.restarted)
    console.log(
      `PostgreSQL restart took ${((r.restarted.back - r.restarted.at) / 1000).toFixed(1)} s`,
    );
  if (r.sharedLimit)
    console.log(
      `shared form limit (one address, 12 tries round-robin): ${JSON.stringify(r.sharedLimit)}`,
    );
}
